#!/usr/bin/env bash
# A plain (non-editable) install of the project, for bench/startup.py: what `pip install .` gives users.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv bench/.installed
bench/.installed/bin/pip install -q --upgrade .
echo "bench/.installed ready: $(bench/.installed/bin/ahp --help | head -1)"
