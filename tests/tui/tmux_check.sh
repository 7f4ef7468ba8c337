#!/usr/bin/env bash
# Run the real program in tmux at 80x24, send keys, capture the pane after each step.
# Usage: tests/tui/tmux_check.sh [python]   (prints the captures; exits non-zero on failure)
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
PY=${1:-$REPO/.venv/bin/python}
WORK=$(mktemp -d)
SESSION=ahp-check-$$
trap 'tmux kill-session -t "$SESSION" 2>/dev/null || true; rm -rf "$WORK"' EXIT
cp "$REPO/examples/retail-churn-demo.ahp.toml" "$WORK/demo.ahp.toml"

wait_for() {  # wait_for TEXT: poll the pane until TEXT shows (10 s at most)
  for _ in $(seq 100); do
    tmux capture-pane -p -t "$SESSION" | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  echo "timed out waiting for: $1" >&2; tmux capture-pane -p -t "$SESSION" >&2; return 1
}
shot() { echo "===== $1"; tmux capture-pane -p -t "$SESSION"; }
saved() {  # saved PATTERN WHAT: poll the project file until it holds PATTERN (saves run in a worker; 10 s at most)
  for _ in $(seq 100); do
    grep -q -- "$1" "$WORK/demo.ahp.toml" && return 0
    sleep 0.1
  done
  echo "$2 not saved" >&2; exit 1
}

tmux new-session -d -s "$SESSION" -x 80 -y 24 -c "$WORK" \
  "TERM=xterm-256color $PY -m ahp open demo.ahp.toml; echo EXIT=\$?; sleep 30"
wait_for "Store manager 1/2"
shot "start: goal selected, first pair focused, the Store manager's judgments"
tmux send-keys -t "$SESSION" Left Down 5
wait_for "Service matters more than Price"
sleep 0.5
shot "after Left, Down, 5"
saved 'price = 5\|price = "1/5"\|service = { .*price = 5' "judgment"
tmux send-keys -t "$SESSION" p
wait_for "Regional manager 2/2"
shot "p: the Regional manager's judgments"
tmux send-keys -t "$SESSION" g
wait_for "Overall consensus S*"
shot "group screen"
tmux send-keys -t "$SESSION" Escape; sleep 0.3
tmux send-keys -t "$SESSION" p r
wait_for "Ranking of churn factors"
shot "results (all respondents combined)"
tmux send-keys -t "$SESSION" Escape; sleep 0.3  # alone, or Escape+key reads as alt+key
tmux send-keys -t "$SESSION" i l
wait_for "访谈"
shot "interview in Chinese"
tmux send-keys -t "$SESSION" Escape; sleep 0.3
tmux send-keys -t "$SESSION" l
tmux resize-window -t "$SESSION" -x 60 -y 16 2>/dev/null || true
sleep 0.5
tmux resize-window -t "$SESSION" -x 80 -y 24 2>/dev/null || true
sleep 1  # let the app see the second resize before the capture
wait_for "Store manager 1/2"
shot "back on the main screen after a resize"
tmux send-keys -t "$SESSION" s
wait_for "Tipping points of Service"
sleep 0.5
shot "sensitivity: the Service weight"
tmux send-keys -t "$SESSION" Right Right
wait_for "Tipping points of Price"
sleep 1
tmux send-keys -t "$SESSION" End
wait_for "P(top-k set unchanged)"
shot "sensitivity: Price, scrolled to Monte Carlo"
tmux send-keys -t "$SESSION" Escape; sleep 0.3
tmux send-keys -t "$SESSION" k
wait_for "What to fix first at Riverside store"
shot "risk: units by index, the riskiest one's actions"
tmux send-keys -t "$SESSION" t
wait_for "rated 17/17"
tmux send-keys -t "$SESSION" Down 1
wait_for "Very good   ■□□□□"
sleep 0.5
shot "ratings: complaints at Riverside set to very good (1)"
saved '"service/complaints" = "very-good"' "rating"
tmux send-keys -t "$SESSION" m
wait_for "Rename Riverside store"
sleep 0.3
tmux send-keys -t "$SESSION" "Riverside flagship" Enter  # the old name is selected: typing replaces it
wait_for "‹ Riverside flagship ›"
shot "ratings: the unit renamed (m)"
saved 'name = "Riverside flagship"' "unit name"
tmux send-keys -t "$SESSION" l
wait_for "已评 17/17"
shot "ratings in Chinese"
tmux send-keys -t "$SESSION" k
wait_for "优先改进"
shot "risk in Chinese"
tmux send-keys -t "$SESSION" Escape; sleep 0.3
tmux send-keys -t "$SESSION" s
wait_for "服务的转折点"
sleep 1  # the Monte Carlo table arrives from its worker: then scroll to it
tmux send-keys -t "$SESSION" End
wait_for "P(前 k 名不变)"
shot "sensitivity in Chinese"
tmux send-keys -t "$SESSION" Escape; sleep 0.3
tmux send-keys -t "$SESSION" l r o
wait_for "Export the report"
sleep 0.3
tmux send-keys -t "$SESSION" "report.html" Enter  # the name is selected: typing replaces it
wait_for "Wrote report.html"
shot "report written from the results screen"
test -s "$WORK/report.html" || { echo "report not written" >&2; exit 1; }
tmux send-keys -t "$SESSION" Escape; sleep 0.3
tmux send-keys -t "$SESSION" q
wait_for "EXIT=0"
shot "quit"
test -f "$WORK/demo.ahp.toml.bak" || { echo "no .bak written" >&2; exit 1; }
echo "tmux check passed"
