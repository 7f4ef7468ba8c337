"""docs/json.md is the JSON contract of every command with --format json / --json: the keys it
lists are exactly the keys the commands output, on the demo and on the cases that add keys
(missing judgments, the geometric mean, a panel leaving someone out, an incomplete node, a
fresh interview), so the document cannot drift from the output."""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path

import pytest

from ahp.cli import main
from tests.io.test_chinese_output import incomplete_demo

DOC = Path(__file__).resolve().parents[1] / "docs" / "json.md"

#: command: every run whose keys, together, the document lists ({d}: the demo, {l}: the demo
#: with a respondent left out, {i}: an incomplete and inconsistent project, {f}: a fresh one)
RUNS: dict[str, list[list[str]]] = {
    "weights": [["weights", "1 2 3; 1/2 1 2; 1/3 1/2 1", "--labels", "a,b,c", "--json"],
                ["weights", "1 9 ?; 1/9 1 9; ? 1/9 1", "--json"],
                ["weights", "1 9 1/9; 1/9 1 9; 9 1/9 1", "--method", "geometric-mean", "--json"]],
    "rank": [["rank", "{d}", "--format", "json"], ["rank", "{l}", "--format", "json"],
             ["rank", "{d}", "--respondent", "Store manager", "--format", "json"]],
    "check": [["check", "{d}", "--format", "json"], ["check", "{i}", "--format", "json"],
              ["check", "{l}", "--format", "json"]],
    "group": [["group", "{d}", "--format", "json"], ["group", "{l}", "--format", "json"],
              ["group", "{i}", "--format", "json"]],
    "next": [["next", "{d}", "--respondent", "Store manager", "--format", "json"],
             ["next", "{f}", "--respondent", "Respondent 1", "--format", "json"]],
    "risk": [["risk", "{d}", "--format", "json"], ["risk", "{d}", "--format", "json", "--min-coverage", "1"]],
    "sensitivity": [["sensitivity", "{d}", "--format", "json", "--draws", "20"]],
}


def documented() -> dict[str, dict[str, bool]]:
    """Each command's documented keys (``a.b``, ``a[].b``), and whether each is always there."""
    out: dict[str, dict[str, bool]] = {}
    command = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"## `ahp (\S+)", line)
        if heading:
            command = heading.group(1)
            out[command] = {}
        row = re.match(r"\| `([^`]+)` \|[^|]*\|([^|]*)\|", line)
        if row and command:
            out[command][row.group(1)] = not row.group(2).strip()
    return out


def keys(value: object, known: set[str], prefix: str = "") -> set[str]:
    """The keys of ``value``, followed into objects and lists of objects as far as ``known`` goes."""
    found: set[str] = set()
    if not isinstance(value, dict):
        return found
    for key, item in value.items():
        path = prefix + key
        found.add(path)
        if isinstance(item, dict) and any(k.startswith(path + ".") for k in known):
            found |= keys(item, known, path + ".")
        if isinstance(item, list) and any(k.startswith(path + "[].") for k in known):
            for element in item:
                found |= keys(element, known, path + "[].")
    return found


def output(args: list[str]) -> dict:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(args) in (0, 1)
    return json.loads(out.getvalue())


@pytest.fixture
def files(tmp_path, demo_path, left_out_path):
    fresh = tmp_path / "fresh.ahp.toml"
    assert main(["new", str(fresh)]) == 0
    folder = tmp_path / "incomplete"
    folder.mkdir()
    return {"{d}": str(demo_path), "{l}": str(left_out_path), "{i}": str(incomplete_demo(folder)), "{f}": str(fresh)}


def test_every_json_command_is_documented():
    assert set(documented()) == set(RUNS)


@pytest.mark.parametrize("command", RUNS)
def test_the_documented_keys_are_exactly_the_output_keys(command, files, capsys):
    doc = documented()[command]
    seen: set[str] = set()
    for run in RUNS[command]:
        data = output([files.get(a, a) for a in run])
        capsys.readouterr()
        found = keys(data, set(doc))
        assert {k for k, always in doc.items() if always and "." not in k and "[]" not in k} <= found, run
        seen |= found
    assert seen == set(doc)
