"""The report hides nothing: who was left out and why, the completion's warnings under their
matrix, the nodes combined otherwise than the settings say, and units not ranked with the reason."""

from __future__ import annotations

from dataclasses import replace

from ahp import load_project
from ahp.io.report import gather, render_markdown
from tests.io.test_ratings_and_reports import _thin_units


def _section(text: str, heading: str) -> str:
    """The report's text from ``heading`` to the next heading of any level."""
    start = text.index(heading)
    end = text.find("\n#", start + len(heading))
    return text[start:end if end >= 0 else None]


def test_participants_say_who_was_left_out_and_why(left_out_path):
    project = load_project(left_out_path)
    text = render_markdown(gather(project))
    participants = _section(text, "### Participants")
    assert "| New manager |" not in participants
    assert "Left out: New manager (no judgments)." in participants
    assert "2 experts combined" in text
    zh = render_markdown(gather(project, "zh"))
    assert "未计入：New manager（无判断）。" in _section(zh, "### 参评专家")
    assert "Left out" not in render_markdown(gather(load_project(left_out_path), respondent="Store manager"))


def test_a_completion_warning_stands_under_its_matrix(harker_path):
    text = render_markdown(gather(load_project(harker_path)))
    note = ("Warning: 1 judgments missing, more than the 0 the lambda-max completion handles: "
            "completed by Harker's method instead.")
    assert note in _section(text, "### B1-C judgment matrix (Service)")
    assert text.count(note) == 1 + 2  # the combined matrix, and each expert's in the appendix


def test_each_node_says_how_it_was_combined(undetermined_path):
    project = load_project(undetermined_path)
    project.settings = replace(project.settings, aggregation="aip")
    text = render_markdown(gather(project))
    goal, service = _section(text, "### A-B judgment matrix"), _section(text, "### B1-C judgment matrix")
    assert ("Combined by the experts' judgments (AIJ) here, not by their priorities (AIP): no expert's judgments "
            "determine this matrix's weights on their own.") in goal
    assert "W is the experts' combined priorities (AIP)" in service and "(AIJ) here" not in service
    assert "W is the experts' combined priorities (AIP)" not in goal
    assert "本矩阵改按判断矩阵合成（AIJ）" in render_markdown(gather(project, "zh"))


def test_units_not_ranked_show_the_reason(demo_path):
    _thin_units(demo_path)
    text = render_markdown(gather(load_project(demo_path)))
    risk = _section(text, "## Churn risk by unit")
    assert "None" not in risk and "nan" not in risk
    assert "| not ranked: no factor is rated | Empty store |  | 0% |" in risk
    assert (
        "| not ranked: rated factors carry 1% of the weight, under the 50% needed to rank it | Thin store | 100.0 |"
        in risk
    )
    assert "| 1 | Riverside store | 60.5 | 100% |" in risk
