"""How long a respondent waits in the browser: from opening an invitation link to the first
question on screen, and from a key press to the answer in the project file (issue 18).

Starts ``ahp serve`` on a free port of 127.0.0.1 for a new project with one respondent per
round, then for each round opens that respondent's link in a fresh context of headless Chromium
(Playwright, the system ``/usr/bin/chromium``):

- first question: from ``page.goto`` to the first websocket frame from the app that holds the
  question's words (the frame the browser draws the question from);
- answer to file: from the key press ``3`` (after the first question is on screen and the
  terminal has focus) to the project file holding that answer (polled every 5 ms).

Prints every round and the medians. Usage: python bench/serve_latency.py [--rounds N]
"""

from __future__ import annotations

import argparse
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ahp.io.project import load_project, new_project

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
#: Words of the first question as the app writes them to the terminal.
QUESTION = b"drives customers away"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(path: Path, port: int) -> tuple[subprocess.Popen, dict[str, str]]:
    proc = subprocess.Popen([sys.executable, "-m", "ahp", "serve", str(path), "--port", str(port), "--lang", "en"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    links: dict[str, str] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        if m := re.match(r"(R\d+): (http://\S+)", line):
            links[m[1]] = m[2]
        if line.startswith("serving"):
            break
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    return proc, links


def _until(page, check, timeout: float = 60.0) -> float:
    """Seconds until ``check()`` holds, polling every 5 ms (through the page: its events arrive meanwhile)."""
    start = time.monotonic()
    while not check():
        if time.monotonic() - start > timeout:
            raise TimeoutError("timed out")
        page.wait_for_timeout(5)
    return time.monotonic() - start


def measure(rounds: int) -> tuple[list[float], list[float]]:
    """(seconds to the first question, seconds from key to file), one of each per round."""
    from playwright.sync_api import sync_playwright

    path = Path(tempfile.mkdtemp()) / "latency.ahp.toml"
    p = new_project(path)
    p.rename_respondent("Respondent 1", "R0")
    for k in range(1, rounds):
        p.add_respondent(f"R{k}")
    p.save()
    proc, links = _serve(path, _free_port())
    first, answer = [], []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for k in range(rounds):
                page = browser.new_context(viewport={"width": 1200, "height": 800}).new_page()
                shown: list[float] = []
                page.on("websocket", lambda ws, shown=shown: ws.on(
                    "framereceived", lambda data: shown.append(time.monotonic())
                    if not shown and QUESTION in (data if isinstance(data, bytes) else data.encode()) else None))
                start = time.monotonic()
                page.goto(links[f"R{k}"])
                _until(page, lambda shown=shown: bool(shown))
                first.append(shown[0] - start)
                page.wait_for_timeout(500)  # the app takes keys once its first screen is up
                page.click("#terminal")
                start = time.monotonic()
                page.keyboard.press("3")
                answer.append(_until(page, lambda k=k: bool(load_project(path).respondents[k].judgments)))
                page.context.close()
                print(f"round {k + 1}: first question {first[-1]:.2f} s, answer to file {answer[-1]:.3f} s",
                      flush=True)
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    return first, answer


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    first, answer = measure(args.rounds)
    print(f"median over {args.rounds} rounds: first question {statistics.median(first):.2f} s "
          f"(min {min(first):.2f}, max {max(first):.2f}); answer to file {statistics.median(answer):.3f} s "
          f"(min {min(answer):.3f}, max {max(answer):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
