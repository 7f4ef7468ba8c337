"""Project files and the conventions of Chinese practice (issue 16, items 4-5)."""

from __future__ import annotations

from pathlib import Path

import ahp


def test_a_project_naming_the_old_chinese_table_still_loads(demo_path: Path) -> None:
    text = demo_path.read_text(encoding="utf-8")
    demo_path.write_text(text.replace('random_index = "saaty1980"', 'random_index = "chinese"', 1), encoding="utf-8")
    synthesis = ahp.load_project(demo_path).synthesize(suggestions=0)
    goal = synthesis.nodes["goal"].result
    assert (goal.ri_table, goal.ri) == ("gong-xu1986", 0.89)  # RI(4) of 龚木森 & 许树柏, not Saaty's 0.90
