"""What a report shows, gathered once from the project's facade (no maths here).

>>> import ahp
>>> data = gather(ahp.load_project("examples/retail-churn-demo.ahp.toml"))
>>> data.ranking[0].path, data.risk.units[0].name, [e.name for e in data.experts]
('price/level', 'Riverside store', ['Store manager', 'Regional manager'])
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ahp.core.hierarchy import Node, Synthesis, walk
from ahp.io.report.texts import TEXT

if TYPE_CHECKING:
    from ahp.core.panel import Panel
    from ahp.core.sensitivity import MonteCarlo, OneWay
    from ahp.io.project import Project
    from ahp.io.risk import RiskReport


@dataclass(frozen=True, eq=False)
class Expert:
    """One expert with judgments: their weight and their own analysis of every node."""

    name: str
    weight: float
    synthesis: Synthesis


@dataclass(frozen=True, eq=False)
class ReportData:
    """Everything a report shows, and the words and codes to show it with."""

    project: Project
    synthesis: Synthesis
    panel: Panel | None
    experts: tuple[Expert, ...]
    one_way: OneWay | None
    monte_carlo: MonteCarlo | None
    risk: RiskReport
    language: str
    respondent: str | None = None
    client: str = ""
    consultant: str = ""
    date: str = ""

    @property
    def ranking(self):
        """The factors, best first."""
        return self.synthesis.ranking

    def t(self, key: str, **values: object) -> str:
        """A phrase in the report's language."""
        return TEXT[self.language][key].format(**values)

    def name(self, node: Node) -> str:
        """A node's name in the report's language."""
        return node.label(self.language)

    def description(self, node: Node) -> str:
        """A node's description in the report's language (the other one if that is all there is)."""
        return node.explain(self.language)

    def path_name(self, path: str) -> str:
        """The name of the node at ``path``."""
        return self.name(self.node(path))

    def node(self, path: str) -> Node:
        """The model's node at ``path``."""
        tree = self.project.model.root.layout
        return tree.nodes[tree.index[path]]

    @property
    def codes(self) -> dict[str, str]:
        """Each node's code as Chinese AHP papers write it: A for the goal, B1, B2 ... for the
        criteria, C1, C2 ... for the factors numbered through the whole level."""
        counters: dict[int, int] = {}
        out = {}
        for path, _, depth in self.levels():
            counters[depth] = counters.get(depth, 0) + 1
            letter = chr(ord("A") + depth)
            out[path] = letter if depth == 0 else f"{letter}{counters[depth]}"
        return out

    def levels(self) -> list[tuple[str, Node, int]]:
        """Every node as (path, node, depth), level by level, each level in the model's order."""
        index = self.project.model.root.layout.index
        return sorted(walk(self.project.model.root), key=lambda x: (x[2], index[x[0]]))

    def matrix_code(self, path: str) -> str:
        """``A-B`` for the goal's matrix, ``B1-C`` for the matrix under criterion B1."""
        code = self.codes[path]
        return f"{code}-{chr(ord(code[0]) + 1)}"

    def verdict(self, passed: bool) -> str:
        """通过 / 未通过, pass / fail."""
        return self.t("pass" if passed else "fail")


def gather(
    project: Project, language: str = "en", draws: int | None = None, seed: int = 0, respondent: str | None = None,
    *, client: str | None = None, consultant: str | None = None, date: str | None = None,
) -> ReportData:
    """Compute what the report shows; ``draws`` adds the sensitivity part (0: tipping points only).

    ``respondent`` reports one expert's judgments; by default every expert is combined as the
    settings say. ``client`` and ``consultant`` override the project's own (when it has them);
    ``date`` defaults to today.
    """
    from ahp.io.risk import risk_report

    with_judgments = [r for r in project.respondents if any(r.judgments.values())]
    panel = project.panel(suggestions=0) if respondent is None and len(project.respondents) > 1 else None
    synthesis = panel.synthesis if panel is not None else project.synthesize(respondent, suggestions=0)
    chosen = [r for r in with_judgments if respondent is None or r.name == respondent]
    experts = tuple(Expert(r.name, r.weight, project.synthesize(r.name, suggestions=0)) for r in chosen)
    one_way = mc = None
    if draws is not None:
        one_way = project.sensitivity(respondent)
        mc = project.monte_carlo(respondent, draws=draws, seed=seed) if draws > 0 else None
    return ReportData(
        project, synthesis, panel, experts, one_way, mc, risk_report(project, synthesis), language, respondent,
        client if client is not None else project.client,
        consultant if consultant is not None else project.consultant,
        date or datetime.date.today().isoformat(),
    )
