"""The `ahp` command: output contracts, exit codes, one-line errors."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from ahp.cli import main
from tests import running


def spawn(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m ahp ARGS`` in a child process: for exit codes, streams and the console script."""
    return subprocess.run([sys.executable, "-m", "ahp", *args], capture_output=True, text=True, input=stdin, env=env,
                          timeout=60)


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """``ahp ARGS`` in this process (so coverage counts it), with what it printed and its status."""
    return subprocess.CompletedProcess(["ahp", *args], *running.run(*args, stdin=stdin))


def test_weights_json_contract(capsys):
    assert main(["weights", "1 3 5; 1/3 1 3; 1/5 1/3 1", "--json", "--labels", "a,b,c"]) == 0
    out = json.loads(capsys.readouterr().out)
    for key in ("n", "method", "weights", "lambda_max", "ci", "ri", "ri_table", "cr", "threshold", "consistent",
                "suggestions"):
        assert key in out
    assert out["n"] == 3 and out["method"] == "eigenvector" and out["ri_table"] == "saaty1980"
    assert out["weights"] == pytest.approx([0.6370, 0.2583, 0.1047], abs=1e-4)
    assert out["suggestions"] == [] and "completed" not in out  # the matrix passes: nothing to revise
    assert main(["weights", "1 4 1 1/2; 1/4 1 1 1; 1 1 1 1; 2 1 1 1", "--json"]) == 0
    suggestion = json.loads(capsys.readouterr().out)["suggestions"][0]
    assert set(suggestion) == {"row", "col", "current", "suggested", "cr_after", "kind", "implied"}


def test_weights_with_missing_has_completed(capsys):
    assert main(["weights", "1 1 5 2; 1 1 3 4; 1/5 1/3 1 ?; 1/2 1/4 ? 1", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["completed"][2][3] == pytest.approx(0.7303, abs=1e-4)
    assert out["completion"] == "lambda-max" and out["missing"] == 1


def test_weights_from_csv_file_with_header_and_stdin(tmp_path, capsys):
    f = tmp_path / "m.csv"
    f.write_text("price,quality\n1,3\n1/3,1\n")
    assert main(["weights", str(f), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["labels"] == ["price", "quality"] and out["weights"] == pytest.approx([0.75, 0.25])
    r = run("weights", "-", "--method", "geometric-mean", "--ri", "donegan-dodd", stdin="1 2 3\n1/2 1 2\n1/3 1/2 1\n")
    assert r.returncode == 0
    assert "Priorities by geometric-mean" in r.stdout and "(donegan-dodd)" in r.stdout and "GCI" in r.stdout


def test_weights_table_names_method_ri_and_threshold():
    r = run("weights", "1 9 1/9; 1/9 1 9; 9 1/9 1", "--labels", "service,price,quality")
    assert r.returncode == 0
    assert "Priorities by eigenvector" in r.stdout and "RI 0.5800 (saaty1980)" in r.stdout
    assert "INCONSISTENT: CR 6.1303 > 0.05" in r.stdout
    assert "service vs price: 9 -> 1/9" in r.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["weights", "1 2; 1/3 1"],
         "ahp: error: row 2, column 1 is 1/3 but row 1, column 2 is 2: they must be reciprocal (1/2)"),
        (["weights", "1 20; 1/20 1"], "ahp: error: row 1, column 2 is 20: judgments must lie within 1/9 and 9"),
        (["weights", "1 2 ?; 1/2 1 ?; ? ? 1", "--labels", "a,b,c"],
         "ahp: error: the known judgments do not connect all elements: c is not compared, directly or through others, "
         "with a; add a judgment linking them"),
        (["weights", "1 2; 1/2 1", "--labels", "a"], "ahp: error: 1 labels for a 2x2 matrix"),
        (["weights", "1 2; 1/2 1", "--threshold", "loose"],
            "ahp weights: error: argument --threshold: 'loose' is neither a rule (saaty1994, saaty1980, lt0.10) nor a "
            "number (see ahp weights --help)"),
        (["weights", "1 2; 1/2 1", "--method", "power"],
         "ahp weights: error: argument --method: invalid choice: 'power' (choose from 'eigenvector', "
         "'geometric-mean', 'column-mean') (see ahp weights --help)"),
        (["weights", "1 x 3; 1/2 1 2; 1/3 1/2 1"],
         "ahp: error: row 1, column 2: 'x' is not a number or a fraction like 1/3"),
        (["weights", "1 x; 1/2 1"], "ahp: error: row 1, column 2: 'x' is not a number or a fraction like 1/3"),
        (["rank", "missing.ahp.toml"], "ahp: error: missing.ahp.toml: no such file"),
        (["frobnicate"], None),
    ],
)
def test_bad_input_exits_2_with_one_line(args, message):
    r = run(*args)
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    if message:
        assert r.stderr.strip() == message


def test_bad_project_file_exits_2_naming_line(tmp_path, demo_path):
    text = demo_path.read_text().replace("promises = 3", "promises = 30", 1)
    assert text != demo_path.read_text()
    demo_path.write_text(text)
    r = run("rank", str(demo_path))
    assert r.returncode == 2 and r.stderr.count("\n") == 1
    assert r.stderr.startswith(f"ahp: error: {demo_path}, line ")
    assert "30 is off the scale" in r.stderr


def test_rank_json_contract(demo_path, capsys):
    assert main(["rank", str(demo_path), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"settings", "nodes", "cr_total", "ranking"} <= set(out)
    assert out["settings"]["method"] == "eigenvector" and out["settings"]["random_index"] == "saaty1980"
    assert [set(n) >= {"path", "n", "cr", "consistent"} for n in out["nodes"]] == [True] * 5
    ranking = out["ranking"]
    assert len(ranking) == 17 and [r["rank"] for r in ranking] == list(range(1, 18))
    assert set(ranking[0]) >= {"rank", "path", "name", "local_weight", "global_weight"}
    weights = [r["global_weight"] for r in ranking]
    assert weights == sorted(weights, reverse=True) and sum(weights) == pytest.approx(1)
    assert ranking[0]["path"] == "price/level"


def test_rank_for_one_respondent(demo_path, capsys):
    assert main(["rank", str(demo_path), "--respondent", "Store manager", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["respondent"] == "Store manager" and out["ranking"][0]["path"] == "service/attitude"
    assert main(["rank", str(demo_path), "--respondent", "Nobody"]) == 2
    assert capsys.readouterr().err.strip() == ("ahp: error: no respondent named 'Nobody'; "
                                               "respondents: Store manager, Regional manager")


def test_rank_csv_escapes_formulas(demo_path, capsys):
    demo_path.write_text(demo_path.read_text().replace('name = "Stock availability"', 'name = "=HYPERLINK(1)"'))
    assert main(["rank", str(demo_path), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 17 and rows[0]["method"] == "eigenvector" and rows[0]["random_index"] == "saaty1980"
    assert any(r["name"] == "'=HYPERLINK(1)" for r in rows)


def test_rank_table_and_markdown(demo_path):
    r = run("rank", str(demo_path))
    assert r.returncode == 0
    assert "Price level against competitors" in r.stdout
    assert "method eigenvector; random index saaty1980; threshold saaty1994" in r.stdout
    assert max(len(line) for line in r.stdout.splitlines() if "│" in line) <= 80
    md = run("rank", str(demo_path), "--format", "md", "--lang", "zh").stdout
    assert md.startswith("# Demo retailer") and "| 1 | 相对价格水平 | `price/level` |" in md


#: What users get: block-buffered output to a pipe or file (PYTHONUNBUFFERED would hide a lost buffer).
BUFFERED = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}


def test_console_script_output_matches_main(demo_path, capsys):
    """The console script (``run``) prints exactly what ``main`` does, buffered output included."""
    assert main(["rank", str(demo_path), "--format", "json"]) == 0
    in_process = capsys.readouterr().out
    r = spawn("rank", str(demo_path), "--format", "json", env=BUFFERED)
    assert r.returncode == 0 and r.stderr == "" and r.stdout == in_process
    r = spawn("rank", "missing.ahp.toml", env=BUFFERED)
    assert r.returncode == 2 and r.stderr == "ahp: error: missing.ahp.toml: no such file\n"


@pytest.mark.parametrize("closed", [">&-", "2>&-", ">&- 2>&-"])
def test_closed_output_streams_are_no_crash(demo_path, closed):
    """``ahp check x >&-``: Python has no sys.stdout; the command still runs and sets its status."""
    ahp = f"{shlex.quote(sys.executable)} -m ahp"
    ok = subprocess.run(f"{ahp} check {shlex.quote(str(demo_path))} {closed}", shell=True, capture_output=True,
                        timeout=60)
    bad = subprocess.run(f"{ahp} check missing.ahp.toml {closed}", shell=True, capture_output=True, timeout=60)
    assert (ok.returncode, bad.returncode) == (0, 2) and b"Traceback" not in ok.stderr + bad.stderr


def test_reader_that_stops_early_gets_no_error(demo_path):
    """``ahp rank ... | head -1``: a closed pipe is not an error and prints no traceback."""
    proc = subprocess.Popen([sys.executable, "-m", "ahp", "rank", str(demo_path), "--format", "csv"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=BUFFERED)
    proc.stdout.close()  # before the command writes: the buffered output meets a closed pipe
    assert proc.wait(timeout=60) == 0 and proc.stderr.read() == b""


def test_check_exit_codes(demo_path, tmp_path):
    assert run("check", str(demo_path)).returncode == 0
    bad = demo_path.read_text().replace("promises = 3", 'promises = "1/9"', 1)
    demo_path.write_text(bad)
    r = run("check", str(demo_path), "--respondent", "Regional manager")
    assert r.returncode == 1 and "service: CR" in r.stdout and "revisit" in r.stdout
    fresh = tmp_path / "fresh.ahp.toml"
    assert run("new", str(fresh)).returncode == 0
    r = run("check", str(fresh))
    assert r.returncode == 1 and "goal: no judgment yet (6 pairs to compare)" in r.stdout


def test_new_and_rank_of_incomplete_project(tmp_path):
    path = tmp_path / "x.ahp.toml"
    r = run("new", str(path), "--title", "Acme")
    assert r.returncode == 0 and "created" in r.stdout and path.exists()
    r = run("new", str(path))
    assert r.returncode == 2 and r.stderr.strip() == f"ahp: error: {path}: already exists; not overwritten"
    r = run("rank", str(path))
    assert r.returncode == 2 and "cannot rank yet, 5 node(s) lack judgments" in r.stderr


def test_every_command_has_help():
    for cmd in ("", "open", "new", "weights", "rank", "check"):
        r = run(*([cmd] if cmd else []), "--help")
        assert r.returncode == 0 and "usage: ahp" in r.stdout


def test_group_json_gives_no_consensus_where_no_one_determines_a_node(tmp_path, capsys):
    """Neither respondent compared price at the goal: its S* was 1.0 (very high) in the JSON."""
    from tests.io.test_chinese_output import incomplete_demo

    assert main(["group", str(incomplete_demo(tmp_path)), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    goal = out["nodes"][0]
    assert (goal["path"], goal["consensus"], goal["band"]) == ("goal", None, None)
    assert goal["consensus_reason"] == "no respondent's judgments determine this node"
    assert out["consensus_left_out"] == ["goal"]
    others = out["nodes"][1:]
    assert [n["consensus_reason"] for n in others] == [None] * 4
    weight = [goal["group_weights"][n["path"]] for n in others]
    measured = sum(w * n["consensus"] for w, n in zip(weight, others, strict=True))
    assert out["consensus"] == pytest.approx(measured / sum(weight))


def test_group_table_and_json(demo_path, capsys):
    assert main(["group", str(demo_path), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["aggregation"] == "aij" and out["inconsistent"] == "flag" and out["band"] == "very high"
    assert [n["path"] for n in out["nodes"]] == ["goal", "service", "quality", "price", "competition"]
    first = out["nodes"][0]["respondents"][0]
    assert set(first) >= {"name", "cr", "consistent", "included", "flagged", "weights", "distance", "correlation"}
    assert [r["name"] for r in out["respondents"]] == ["Store manager", "Regional manager"]
    assert out["respondents"][0]["disagrees_most_on"]["path"] == "price/level"
    r = run("group", str(demo_path), "--aggregation", "aip", "--inconsistent", "exclude")
    assert r.returncode == 0
    assert "geometric mean of their priorities (aip), inconsistent ones excluded" in r.stdout
    assert "Overall consensus S* 0.98" in r.stdout


def test_rank_aip_differs_from_aij_and_says_so(demo_path, capsys):
    assert main(["rank", str(demo_path), "--format", "json", "--aggregation", "aip"]) == 0
    aip = json.loads(capsys.readouterr().out)
    assert main(["rank", str(demo_path), "--format", "json"]) == 0
    aij = json.loads(capsys.readouterr().out)
    assert aip["settings"]["aggregation"] == "aip" and aij["settings"]["aggregation"] == "aij"
    assert "(aip)" in aip["judgments_of"]
    assert aip["ranking"][0]["global_weight"] != pytest.approx(aij["ranking"][0]["global_weight"], abs=1e-9)
    assert sum(r["global_weight"] for r in aip["ranking"]) == pytest.approx(1)


def test_respondent_commands_persist(tmp_path):
    path = tmp_path / "p.ahp.toml"
    assert run("new", str(path)).returncode == 0
    assert run("respondent", "add", str(path), "Store manager", "--weight", "2").returncode == 0
    assert run("respondent", "rename", str(path), "Respondent 1", "Marketing lead").returncode == 0
    assert run("respondent", "weight", str(path), "Marketing lead", "0.5").returncode == 0
    listing = run("respondent", "list", str(path)).stdout
    assert "Marketing lead │    0.5" in listing and "Store manager  │      2" in listing
    assert run("respondent", "remove", str(path), "Marketing lead").returncode == 0
    assert "Marketing lead" not in run("respondent", "list", str(path)).stdout
    r = run("respondent", "add", str(path), "Store manager")
    assert r.returncode == 2 and r.stderr == "ahp: error: there is already a respondent named 'Store manager'\n"
    r = run("respondent", "weight", str(path), "Store manager", "-1")
    assert r.returncode == 2 and r.stderr == (
        "ahp respondent weight: error: argument weight: -1 is out of range: above 0, at most 1,000,000 (see ahp "
        "respondent weight --help)\n")
    r = run("group", str(path))
    assert r.returncode == 2 and "a panel needs at least two respondents; it has 1" in r.stderr


def test_export_survey_template(demo_path):
    r = run("export-survey", str(demo_path))
    assert r.returncode == 0 and r.stdout.startswith("\ufeffrespondent,weight,service vs quality,")


def test_sensitivity_json_contract(demo_path, capsys):
    assert main(["sensitivity", str(demo_path), "--format", "json", "--draws", "500", "--seed", "3"]) == 0
    out = json.loads(capsys.readouterr().out)
    tp = out["tipping_points"][0]
    assert set(tp) >= {"node", "weight", "swap"} and len(tp["swap"]) == 2
    mc = out["monte_carlo"]
    assert mc["draws"] == 500 and mc["seed"] == 3
    probs = mc["rank_probabilities"]["price/level"]
    assert len(probs) == 17 and sum(probs) == pytest.approx(1)
    assert out["critical"]["1"]["swap"][0] == "price/level"
    assert main(["sensitivity", str(demo_path), "--format", "json", "--draws", "500", "--seed", "3"]) == 0
    assert json.loads(capsys.readouterr().out)["monte_carlo"] == mc


def test_sensitivity_table_and_bad_options(demo_path):
    r = run("sensitivity", str(demo_path), "--draws", "300")
    assert r.returncode == 0 and "Smallest change of one weight" in r.stdout and "Monte Carlo: 300 draws" in r.stdout


def _survey(project_path, rows: dict[str, dict[str, str]]) -> str:
    """A survey CSV for the project's model: every pair 1 (equal) unless ``rows`` says otherwise."""
    header = run("export-survey", str(project_path)).stdout.strip().split(",")
    lines = [",".join(header)]
    for name, cells in rows.items():
        lines.append(",".join([name, "1", *(cells.get(h, "1") for h in header[2:])]))
    return "\n".join(lines) + "\n"


#: A circular goal: service beats quality, quality beats price, price beats service, 9 to 1 each.
CIRCULAR = {"service vs quality": "9", "quality vs price": "9", "service vs price": "1/9"}


def test_check_fails_and_names_every_failing_respondent(demo_path, tmp_path, capsys):
    survey = tmp_path / "s.csv"
    survey.write_text(_survey(demo_path, {"Ivan": CIRCULAR, "Olga": {}}))
    assert main(["import", str(survey), "--into", str(demo_path)]) == 0
    captured = capsys.readouterr()
    assert "imported 2 respondent(s)" in captured.out
    assert captured.err == (f"ahp: warning: 1 of the 2 imported respondent(s) fail a node: Ivan; "
                            f"see ahp check {demo_path}\n")
    code = main(["check", str(demo_path)])
    out = capsys.readouterr().out
    assert code == 1
    failing = [line for line in out.splitlines() if line.startswith("Ivan")]
    assert len(failing) == 1 and re.match(r"Ivan\s+│ goal\s+│\s+\d+\.\d{4} │\s+0\.08 │ inconsistent$", failing[0])
    assert "Respondents failing a node (1 of 4):" in out
    assert "Some nodes need attention: Ivan fail(s) at least one node." in out
    assert "Every node is consistent" not in out
    assert main(["check", str(demo_path), "--respondent", "Olga"]) == 0
    assert "Every node is consistent." in capsys.readouterr().out


def test_check_leaves_out_respondents_without_judgments(demo_path, capsys):
    assert main(["respondent", "add", str(demo_path), "Empty chair"]) == 0
    capsys.readouterr()
    assert main(["check", str(demo_path)]) == 0
    out = capsys.readouterr().out
    assert "Left out, no judgments: Empty chair" in out
    assert "Every node is consistent, for every respondent and combined." in out


def test_respondent_remove_keeps_the_project_as_it_was(demo_path, capsys):
    before = demo_path.read_text()
    assert main(["respondent", "remove", str(demo_path), "Store manager"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"remove: done; 1 respondent(s) in {demo_path}"
    kept = out[1].removeprefix("the project as it was before is kept in ")
    assert kept.startswith(f"{demo_path}.before-remove-Store-manager-")
    assert Path(kept).read_text(encoding="utf-8") == before
    assert main(["respondent", "remove", str(demo_path), "Nobody"]) == 2
    assert len(list(demo_path.parent.glob("*.before-*"))) == 1


def test_respondent_list_strips_terminal_escapes(demo_path, capsys):
    from ahp.io.project import load_project

    project = load_project(demo_path)
    project.rename_respondent("Store manager", "Evil\x1b]0;pwned\x07\x1b[2J")
    project.save()
    assert main(["respondent", "list", str(demo_path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "Evil]0;pwned[2J" in out
    assert main(["rank", str(demo_path), "--respondent", "Nobody\x1b[2J"]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and err.count("\n") == 1


def test_coverage_run_records_a_command(demo_path, tmp_path):
    """The command ends through sys.exit, so exit handlers run: ``coverage run -m ahp`` records data."""
    pytest.importorskip("coverage")
    data = tmp_path / ".coverage"
    r = subprocess.run([sys.executable, "-m", "coverage", "run", f"--data-file={data}", "--include=*/ahp/cli/*",
                        "-m", "ahp", "rank", str(demo_path)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "Price level against competitors" in r.stdout
    report = subprocess.run([sys.executable, "-m", "coverage", "report", f"--data-file={data}"],
                            capture_output=True, text=True, timeout=60)
    assert report.returncode == 0 and "ahp/cli/project.py" in report.stdout


def test_run_exits_with_the_status_of_main(monkeypatch, demo_path, capsys):
    monkeypatch.setattr(sys, "argv", ["ahp", "check", str(demo_path)])
    with pytest.raises(SystemExit) as stop:
        from ahp.cli import run as console_script

        console_script()
    assert stop.value.code == 0 and "Every node is consistent" in capsys.readouterr().out
    monkeypatch.setattr(sys, "argv", ["ahp", "rank", "missing.ahp.toml"])
    with pytest.raises(SystemExit) as stop:
        console_script()
    assert stop.value.code == 2 and capsys.readouterr().err == "ahp: error: missing.ahp.toml: no such file\n"


def test_rank_and_group_name_the_respondents_left_out(left_out_path, capsys):
    """A respondent with no judgments is not counted, and every output says who and why."""
    r = run("rank", str(left_out_path))
    assert r.returncode == 0
    assert any(line.endswith(
        "judgments of 2 respondents combined by geometric mean of their judgments (aij), inconsistent ones flagged; "
        "left out: New manager (no judgments)") for line in r.stdout.splitlines())
    assert main(["rank", str(left_out_path), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["left_out"] == [{"name": "New manager", "reason": "no judgments"}]
    assert out["judgments_of"].startswith("2 respondents combined") and "left out: New manager" in out["judgments_of"]
    r = run("group", str(left_out_path))
    assert r.stdout.splitlines()[0] == ("Panel: 2 respondents combined by geometric mean of their judgments (aij), "
                                        "inconsistent ones flagged; left out: New manager (no judgments).")
    assert main(["group", str(left_out_path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["left_out"] == [{"name": "New manager", "reason": "no judgments"}]


def test_rank_and_group_say_where_aip_became_aij(undetermined_path, capsys):
    from ahp.core.panel import AIP_UNDETERMINED

    for command in ("rank", "group"):
        r = run(command, str(undetermined_path), "--aggregation", "aip")
        assert r.returncode == 0 and f"combined otherwise at goal: {AIP_UNDETERMINED}" in r.stdout.splitlines()
        assert "combined otherwise" not in run(command, str(undetermined_path)).stdout  # aij: as the settings say
    assert main(["rank", str(undetermined_path), "--format", "json", "--aggregation", "aip"]) == 0
    nodes = json.loads(capsys.readouterr().out)["nodes"]
    assert [(n["path"], n["aggregation_used"], n["aggregation_note"]) for n in nodes[:2]] == [
        ("goal", "aij", AIP_UNDETERMINED), ("service", "aip", "")]
    assert main(["group", str(undetermined_path), "--format", "json", "--aggregation", "aip"]) == 0
    nodes = json.loads(capsys.readouterr().out)["nodes"]
    assert (nodes[0]["aggregation_used"], nodes[0]["aggregation_note"]) == ("aij", AIP_UNDETERMINED)


def test_completion_warnings_reach_weights_rank_and_check(harker_path, capsys):
    from tests.conftest import HARKER_WARNING

    note = ("1 judgments missing, more than the 0 the lambda-max completion handles: "
            "completed by Harker's method instead")
    r = run("weights", "1,2,?;1/2,1,3;?,1/3,1")
    assert f"warning: {note}" in r.stdout.splitlines()
    assert main(["weights", "1,2,?;1/2,1,3;?,1/3,1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["warnings"] == [note]
    for command in ("rank", "check"):
        assert f"warning: {HARKER_WARNING}" in run(command, str(harker_path)).stdout.splitlines()
    assert main(["rank", str(harker_path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["warnings"] == [HARKER_WARNING]
    assert main(["rank", str(harker_path), "--respondent", "Store manager", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["warnings"] == [HARKER_WARNING]


#: A 4x4 matrix (upper triangle) of CR 0.0727: it passes its own test (CR <= 0.08 for n = 4).
PASSING_4X4 = (2, 3, 4, 1, 2, 1 / 2)


@pytest.fixture
def combined_failing_path(demo_path):
    """The demo with the store manager alone, each 4x4 matrix at CR 0.0727: every node passes
    on its own, while the combined test adds the goal's CR to the levels' below, above 0.10."""
    from itertools import combinations

    from ahp import load_project

    project = load_project(demo_path)
    project.remove_respondent("Regional manager")
    for path in ("goal", "quality", "price", "competition"):
        ids = [c.id for c in project.node(path).children]
        for (a, b), value in zip(combinations(ids, 2), PASSING_4X4, strict=True):
            project.set_judgment(0, path, a, b, value)
    project.save()
    return demo_path


def test_check_fails_when_only_the_combined_test_fails(combined_failing_path, capsys):
    from ahp import load_project

    synthesis = load_project(combined_failing_path).synthesize()
    test = synthesis.combined
    assert not synthesis.failing and synthesis.complete and not test.passed and test.cr > test.limit
    r = run("check", str(combined_failing_path))
    assert r.returncode == 1
    assert (f"The hierarchy fails the combined consistency test: CR {test.cr:.4f} > 0.10, "
            "although every node passes on its own.") in r.stdout
    assert "Every node is consistent" not in r.stdout
    r = run("check", str(combined_failing_path), "--lang", "zh")
    zh = f"层次总排序一致性检验未通过：组合 CR = {test.cr:.4f} > 0.10（各判断矩阵单独均通过）"
    assert r.returncode == 1 and zh in r.stdout
    assert main(["rank", str(combined_failing_path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["consistent"] is False and data["cr_combined"]["consistent"] is False and data["failing"] == []
    report = combined_failing_path.with_suffix(".md")
    assert run("report", str(combined_failing_path), "-o", str(report), "--draws", "10").returncode == 0
    assert f"Store manager fails: the combined test (CR {test.cr:.4f} &gt; 0.10)." in report.read_text(encoding="utf-8")


def test_check_names_a_respondent_whose_combined_test_fails(combined_failing_path):
    from ahp import load_project

    project = load_project(combined_failing_path)
    project.add_respondent("Twin")
    for path, pairs in project.respondents[0].judgments.items():
        for (a, b), value in pairs.items():
            project.set_judgment(1, path, a, b, value)
    project.save()
    r = run("check", str(combined_failing_path))
    assert r.returncode == 1 and "Twin" in r.stdout and "Store manager" in r.stdout
    assert "combined test" in r.stdout.split("Respondents failing")[1]
