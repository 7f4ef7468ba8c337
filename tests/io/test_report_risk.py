"""The report's risk part: the fuzzy evaluation table and the actions grouped by owner."""

from __future__ import annotations

import pytest

from ahp.io.project import load_project
from ahp.io.report.data import gather
from ahp.io.report.document import Table
from ahp.io.report.outcomes import risk_part
from tests.io.test_risk_fuzzy import PROJECT


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "p.ahp.toml"
    path.write_text(PROJECT, encoding="utf-8")
    return load_project(path)


def tables(project, language="en") -> dict[str, Table]:
    return {b.key: b for b in risk_part(gather(project, language)).blocks if isinstance(b, Table)}


def test_the_fuzzy_evaluation_table_holds_b_degree_and_grade_of_each_level(project):
    t = tables(project)["fuzzy_evaluation"]
    assert t.header == ("Unit", "Level", "Very good", "Good", "Fair", "Poor", "Very poor", "Churn degree",
                        "Grade (maximum membership)")
    whole, a, b = ([c.value for c in r] for r in t.rows)
    assert whole[:2] == ["North", "Whole unit"] and whole[2:7] == pytest.approx([0.12, 0.355, 0.225, 0.22, 0.08])
    assert (whole[7], whole[8]) == (pytest.approx(44.625), "Good")
    assert (a[1], a[7], a[8]) == ("A", pytest.approx(42.5), "Good")
    assert (b[1], b[7], b[8]) == ("B", pytest.approx(53.125), "Poor")


def test_actions_are_grouped_store_head_office_external_then_not_stated(project):
    t = tables(project, "zh")["actions:North"]
    assert [(r[0].value, r[1].value) for r in t.rows] == [
        ("F1", "门店"), ("F3", "总部"), ("F2", "外部因素"), ("F4", "未注明")]
