#!/usr/bin/env bash
# Create bench/.peers/, a virtualenv used ONLY by the benchmark to run the peer libraries
# (AHPy, pyDecision). They are never dependencies of the project itself.
#
#   bash bench/setup_peers.sh            # create (or update) bench/.peers
#   PYTHON=python3.12 bash bench/setup_peers.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
peers="$here/.peers"
python="${PYTHON:-python3}"
if [ ! -x "$peers/bin/python" ]; then
    "$python" -m venv "$peers"
fi
"$peers/bin/python" -m pip install --quiet --upgrade pip
"$peers/bin/python" -m pip install --quiet ahpy pyDecision
"$peers/bin/python" - <<'PY'
import importlib.metadata as md
for name in ("ahpy", "pyDecision", "numpy", "scipy"):
    try:
        print(f"{name:12s} {md.version(name)}")
    except md.PackageNotFoundError:
        print(f"{name:12s} MISSING")
PY
echo "peers venv ready: $peers"
