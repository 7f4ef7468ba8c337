"""The `ahp` command on bad values and bad files: exit 2, one line naming what and where, no
traceback; no output written over an input."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from ahp.cli import main

#: Each command with a value its option refuses, and the start of the message.
BAD_OPTIONS = [
    (
        ["sensitivity", "{p}", "--seed", "-1"],
        "ahp sensitivity: error: argument --seed: -1 is out of range: 0 to 4,294,967,295",
    ),
    (
        ["sensitivity", "{p}", "--spread", "inf"],
        "ahp sensitivity: error: argument --spread: 'inf' is not a finite number",
    ),
    (
        ["sensitivity", "{p}", "--spread", "nan"],
        "ahp sensitivity: error: argument --spread: 'nan' is not a finite number",
    ),
    (
        ["sensitivity", "{p}", "--spread", "0"],
        "ahp sensitivity: error: argument --spread: 0 is out of range: above 0, at most 5",
    ),
    (["sensitivity", "{p}", "--top", "-3"], "ahp sensitivity: error: argument --top: -3 is out of range: 1 to 100"),
    (["sensitivity", "{p}", "--draws", "1e8"], "ahp sensitivity: error: argument --draws: '1e8' is not a whole number"),
    (
        ["sensitivity", "{p}", "--draws", "100000000"],
        "ahp sensitivity: error: argument --draws: 100000000 is out of range: 0 to 1,000,000",
    ),
    (
        ["report", "{p}", "-o", "r.html", "--draws", "-1"],
        "ahp report: error: argument --draws: -1 is out of range: 0 to 1,000,000",
    ),
    (["report", "{p}", "-o", "r.html", "--seed", "x"], "ahp report: error: argument --seed: 'x' is not a whole number"),
    (
        ["risk", "{p}", "--min-coverage", "1.5"],
        "ahp risk: error: argument --min-coverage: '1.5' is out of range: 0 to 1 (or 0% to 100%)",
    ),
    (
        ["risk", "{p}", "--min-coverage", "120%"],
        "ahp risk: error: argument --min-coverage: '120%' is out of range: 0 to 1 (or 0% to 100%)",
    ),
    (
        ["weights", "1 2; 1/2 1", "--threshold", "1.5"],
        "ahp weights: error: argument --threshold: 1.5 is out of range: a CR threshold lies between 0 and 1",
    ),
    (
        ["weights", "1 2; 1/2 1", "--threshold", "nan"],
        "ahp weights: error: argument --threshold: 'nan' is neither a rule (saaty1994, saaty1980, lt0.10) nor a number",
    ),
    (
        ["respondent", "add", "{p}", "Ann", "--weight", "1" * 400],
        "ahp respondent add: error: argument --weight: '11111111111111111111...' is not a finite number",
    ),
    (
        ["respondent", "add", "{p}", "Ann", "--weight", "0"],
        "ahp respondent add: error: argument --weight: 0 is out of range: above 0, at most 1,000,000",
    ),
    (
        ["respondent", "weight", "{p}", "Store manager", "nan"],
        "ahp respondent weight: error: argument weight: 'nan' is not a finite number",
    ),
    (
        ["sensitivity", "{p}", "--seed", "9" * 5000],
        "ahp sensitivity: error: argument --seed: '99999999999999999999...' is not a whole number",
    ),
]


@pytest.mark.parametrize(("args", "message"), BAD_OPTIONS)
def test_every_numeric_option_is_range_checked_by_name(demo_path, capsys, args, message):
    before = demo_path.read_bytes()
    with pytest.raises(SystemExit) as stop:
        main([a.replace("{p}", str(demo_path)) for a in args])
    err = capsys.readouterr().err
    assert stop.value.code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(message + " (see ahp ")
    assert demo_path.read_bytes() == before


def test_bad_values_end_in_one_line_through_the_console_script(demo_path):
    for args, message in BAD_OPTIONS[:2]:
        r = subprocess.run(
            [sys.executable, "-m", "ahp", *(a.replace("{p}", str(demo_path)) for a in args)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert r.returncode == 2 and r.stderr.startswith(message) and r.stderr.count("\n") == 1


@pytest.mark.parametrize("name", ["{p}", "{p}.bak", "link"])
@pytest.mark.parametrize(
    "command", [["report", "{p}", "-o", "{out}", "--format", "md"], ["export-survey", "{p}", "-o", "{out}"]]
)
def test_no_output_is_written_over_an_input(demo_path, capsys, command, name):
    from ahp.io.atomic import write_atomic

    write_atomic(demo_path, demo_path.read_text())  # the project now has a .bak
    link = demo_path.parent / "link"
    link.symlink_to(demo_path)
    out = name.replace("{p}", str(demo_path)) if name != "link" else str(link)
    files = {f: f.read_bytes() for f in demo_path.parent.iterdir()}
    assert main([a.replace("{p}", str(demo_path)).replace("{out}", out) for a in command]) == 2
    err = capsys.readouterr().err
    assert (
        err.count("\n") == 1 and err.startswith(f"ahp: error: {out}: is the ") and "choose another output file" in err
    )
    assert {f: f.read_bytes() for f in demo_path.parent.iterdir()} == files


def test_report_beside_the_project_is_written(demo_path, capsys):
    out = demo_path.parent / "report.md"
    assert main(["report", str(demo_path), "-o", str(out)]) == 0
    assert out.read_text().startswith("# ")


def test_sheet_errors_are_one_line_unless_all_are_asked_for(demo_path, tmp_path, capsys):
    survey = tmp_path / "s.csv"
    survey.write_text("respondent,weight,service vs quality\n" + "".join(f"R{i},1,99\n" for i in range(52)))
    assert main(["import", str(survey), "--into", str(demo_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(f"ahp: error: {survey}, row 2, column 'service vs quality': ")
    assert err.endswith(" (and 51 more; see --all-errors); nothing imported\n")
    assert main(["import", str(survey), "--into", str(demo_path), "--all-errors"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 53 and lines[0] == f"ahp: error: {survey}: 52 bad cell(s) in the survey; nothing imported"
    assert lines[-1].startswith(f"  {survey}, row 53, column 'service vs quality': ")
    ratings = tmp_path / "r.csv"
    ratings.write_text("unit,service/attitude\nA,bad\nB,worse\n")
    assert main(["ratings", "import", str(ratings), "--into", str(demo_path)]) == 2
    assert capsys.readouterr().err == (
        f"ahp: error: {ratings}, row 2, column 'service/attitude': 'bad' is not a grade; "
        "grades: very-good, good, fair, poor, very-poor (and 1 more; see --all-errors); nothing imported\n"
    )


@pytest.mark.parametrize("command", [["ratings", "import", "{f}", "--into", "{p}"], ["import", "{f}", "--into", "{p}"]])
def test_latin1_and_oversized_csv_files_are_refused_with_the_place(demo_path, tmp_path, capsys, command):
    latin = tmp_path / "latin.csv"
    latin.write_bytes("unit,service/attitude\nCaf\u00e9,good\n".encode("latin-1"))
    huge = tmp_path / "huge.csv"
    huge.write_text("unit,service/attitude\n" + "x" * 200_000 + ",good\n")
    before = demo_path.read_bytes()
    for f, message in [
        (
            latin,
            f"ahp: error: {latin}, line 2: byte 0xe9 is neither UTF-8 nor GB18030 (GBK); "
            "save the file as UTF-8 (in Excel: CSV UTF-8)\n",
        ),
        (huge, f"ahp: error: {huge}, line 2: a cell longer than 131,072 characters; nothing imported\n"),
    ]:
        assert main([a.replace("{f}", str(f)).replace("{p}", str(demo_path)) for a in command]) == 2
        assert capsys.readouterr().err == message
    assert demo_path.read_bytes() == before


def test_binary_standard_input_is_refused(capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"1 2\n\xff\xfe 1\n"), encoding="utf-8"))
    assert main(["weights", "-"]) == 2
    assert capsys.readouterr().err == (
        "ahp: error: standard input, line 2: byte 0xff is neither UTF-8 nor GB18030 (GBK); "
        "save the file as UTF-8 (in Excel: CSV UTF-8)\n"
    )


def test_binary_stdin_through_the_console_script():
    r = subprocess.run(
        [sys.executable, "-m", "ahp", "weights", "-"],
        input=os.urandom(64) + b"\xff",
        capture_output=True,
        timeout=60,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
    )
    assert r.returncode == 2 and r.stderr.count(b"\n") == 1 and b"Traceback" not in r.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["rank", "{bin}"],
        ["check", "{dir}"],
        ["group", "{bin}"],
        ["risk", "{bin}"],
        ["sensitivity", "{dir}"],
        ["report", "{bin}", "-o", "{tmp}/r.md"],
        ["respondent", "list", "{bin}"],
        ["respondent", "remove", "{bin}", "A"],
        ["import", "{demo}", "--into", "{bin}"],
        ["import", "{dir}", "--into", "{demo}"],
        ["ratings", "import", "{dir}", "--into", "{demo}"],
        ["ratings", "template", "{dir}"],
        ["export-survey", "{bin}"],
        ["new", "{dir}"],
        ["weights", "1e400"],
    ],
)
def test_every_command_on_a_bad_file_exits_2_with_one_line(demo_path, tmp_path, capsys, command):
    binary = tmp_path / "bin.ahp.toml"
    binary.write_bytes(bytes(range(256)))
    folder = tmp_path / "folder"
    folder.mkdir()
    names = {"{bin}": str(binary), "{dir}": str(folder), "{demo}": str(demo_path), "{tmp}": str(tmp_path)}
    args = [names.get(a, a.replace("{tmp}", str(tmp_path))) for a in command]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("ahp: error: ") and err.count("\n") == 1 and "Traceback" not in err
