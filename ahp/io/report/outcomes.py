"""What follows from the weights: how sure the ranking is (sensitivity) and each unit's churn
risk with its action list, grouped by who controls each factor when the model says so.

>>> import ahp
>>> from ahp.io.report.data import gather
>>> d = gather(ahp.load_project("examples/retail-churn-demo.ahp.toml"), draws=200)
>>> [b.key for b in sensitivity_part(d).blocks if isinstance(b, Table)]
['tipping', 'monte_carlo']
>>> risk_part(d).blocks[0].rows[0][1].text
'Riverside store'
"""

from __future__ import annotations

from ahp.io.model import CONTROLLABLE
from ahp.io.report.data import ReportData
from ahp.io.report.document import Block, Cell, Chart, Heading, Paragraph, Part, Table, row

_CHART_FACTORS = 10
_CHART_RANKS = 5


def sensitivity_part(d: ReportData) -> Part:
    """Tipping points per criterion; the Monte Carlo rank probabilities as a table and a chart."""
    ow = d.one_way
    top = d.ranking[0].path
    rows = []
    for crit in d.project.model.root.children:
        points = [t for t in ow.tipping_points if t.node == crit.id]
        first = points[0] if points else None
        changes_top = next((t for t in points if top in t.swap), None)
        rows.append(row(d.name(crit), Cell(float(ow.current[ow.nodes.index(crit.id)]), "0.0000"),
                        *_point(d, changes_top), *_point(d, first)))
    blocks: list[Block] = [Heading(d.t("tipping")), Table(
        (d.t("criterion"), d.t("current"), d.t("top_changes"), d.t("who_overtakes"), d.t("first_swap"),
         d.t("first_swap_who")),
        tuple(rows), "tipping")]
    if d.monte_carlo is not None:
        blocks += _monte_carlo(d)
    return Part(d.t("sensitivity"), d.t("sensitivity"), tuple(blocks))


def _point(d: ReportData, point) -> tuple[Cell, Cell]:
    if point is None:
        return Cell(d.t("never")), Cell("")
    return Cell(point.weight, "0.0000"), Cell(d.t("overtakes", a=d.path_name(point.swap[1]),
                                                  b=d.path_name(point.swap[0])))


def _monte_carlo(d: ReportData) -> list[Block]:
    mc = d.monte_carlo
    order = sorted(range(len(mc.leaves)), key=lambda k: mc.baseline_rank[k])
    rows = tuple(row(int(mc.baseline_rank[k]), d.path_name(mc.leaves[k]),
                     Cell(float(mc.rank_probabilities[k, mc.baseline_rank[k] - 1]), "0.00"),
                     f"{mc.rank_interval[k][0]}–{mc.rank_interval[k][1]}") for k in order)
    shown = order[:_CHART_FACTORS]
    ranks = min(_CHART_RANKS, len(mc.leaves))
    series = [tuple(float(mc.rank_probabilities[k, r]) for k in shown) for r in range(ranks)]
    names = [d.t("rank_k", k=r + 1) for r in range(ranks)]
    if ranks < len(mc.leaves):
        series.append(tuple(float(mc.rank_probabilities[k, ranks:].sum()) for k in shown))
        names.append(d.t("rank_more", k=ranks))
    noise = d.t(f"noise_{mc.noise}")
    return [
        Heading(d.t("mc", draws=mc.draws, seed=mc.seed, noise=noise, spread=mc.spread)),
        Chart(d.t("mc_chart"), tuple(d.path_name(mc.leaves[k]) for k in shown), tuple(series), tuple(names), 1.0,
              "0.00"),
        Table((d.t("rank"), d.t("factor"), d.t("p_rank"), d.t("interval")), rows, "monte_carlo"),
        *(Paragraph(d.t("stable", k=k, p=f"{p:.2f}")) for k, p in mc.top_stable.items()),
    ]


def risk_part(d: ReportData) -> Part:
    """Every unit's churn risk with coverage, then each unit's actions, by who controls them."""
    units, ranked = d.risk.units, d.risk.ranked
    blocks: list[Block] = [
        Table((d.t("rank"), d.t("unit"), d.t("risk_index"), d.t("coverage")),
              tuple(row(u.rank if u.rank is not None else d.t("not_ranked", reason=u.reason),
                        u.name, Cell(u.index, "0.0") if u.coverage > 0 else Cell(""), Cell(u.coverage, "0%"))
                    for u in units), "risk"),
    ]
    if ranked:
        blocks.append(Chart(d.t("risk_index"), tuple(u.name for u in ranked), (tuple(u.index for u in ranked),),
                            maximum=100.0, fmt="0.0"))
    blocks += _evaluation(d)
    for u in units:
        blocks += [Heading(d.t("actions", unit=u.name)), *_actions(d, u)]
        if u.unrated:
            blocks.append(Paragraph(d.t("unrated", n=len(u.unrated)), "muted"))
    return Part(d.t("risk"), d.t("risk"), tuple(blocks))


def _evaluation(d: ReportData) -> list[Block]:
    """The fuzzy comprehensive evaluation of every unit, whole and by criterion: B, churn degree,
    grade of maximum membership."""
    grades = d.risk.grades
    rows = []
    for u in d.risk.units:
        levels = [(d.t("whole"), u.evaluation), *((d.name(c.node), c.evaluation) for c in u.criteria)]
        rows += [row(u.name, level, *(Cell(float(v), "0.000") for v in e.membership), Cell(e.degree, "0.0"),
                     grades[e.grade].label(d.language))
                 for level, e in levels if e is not None and e.grade is not None]
    if not rows:
        return []
    header = (d.t("unit"), d.t("level"), *(g.label(d.language) for g in grades), d.t("degree"), d.t("max_grade"))
    return [Heading(d.t("fce", op=d.risk.operator_name)), Table(header, tuple(rows), "fuzzy_evaluation")]


def _actions(d: ReportData, unit) -> list[Block]:
    """The unit's actions, largest gain first; grouped store / head office / external when the
    model's factors carry ``controllable``."""
    if not unit.actions:
        return [Paragraph(d.t("actions_none"), "muted")]
    control = {a.path: a.owner for a in unit.actions}
    if not any(control.values()):
        return [Table((d.t("factor"), d.t("grade"), d.t("weight"), d.t("gain")), tuple(
            row(d.name(a.node), a.grade.label(d.language), Cell(a.weight, "0.0000"), Cell(a.gain, "0.00"))
            for a in unit.actions), f"actions:{unit.name}")]
    rows = []
    for c in (*CONTROLLABLE, None):
        who = d.t(f"control_{c}") if c else d.t("control_unknown")
        rows += [row(d.name(a.node), who, a.grade.label(d.language), Cell(a.weight, "0.0000"), Cell(a.gain, "0.00"))
                 for a in unit.actions if control[a.path] == c]
    header = (d.t("factor"), d.t("controlled_by"), d.t("grade"), d.t("weight"), d.t("gain"))
    return [Table(header, tuple(rows), f"actions:{unit.name}")]
