"""Results as readable terminal tables, for ``ahp weights``, ``rank`` and ``check``.

A small table printer rather than rich: ``ahp rank`` must start within 1.3x of
``python -c "import numpy"``, and rich's import and first render cost more than that
budget. Wide (Chinese) characters are measured with ``unicodedata``; colour only on a
terminal, and never with ``NO_COLOR`` set.

Every printed name goes through :func:`clean` (``render_table`` does it for every cell), so a
name holding terminal escape sequences or line breaks cannot drive the terminal or split a line.

>>> print(render_table(["#", "因素", "w"], [["1", "价格", "0.5"], ["10", "服务\\x1b态度", "0.25"]], right={0, 2}))
 # │ 因素     │    w
───┼──────────┼─────
 1 │ 价格     │  0.5
10 │ 服务态度 │ 0.25
"""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from ahp.core.consistency import verdict_operator
from ahp.io.wording import aggregation_notes, combined_line, judgments_source, settings_line, suggestion_text

if TYPE_CHECKING:  # only for annotations: `ahp rank` should not pay for these imports
    from ahp.core.hierarchy import NodeAnalysis, Synthesis
    from ahp.core.panel import Panel
    from ahp.core.priorities import PriorityResult
    from ahp.core.sensitivity import MonteCarlo, OneWay
    from ahp.io.project import Project
    from ahp.io.risk import RiskReport

_STATUS_COLOUR = {"consistent": "32", "inconsistent": "1;31", "incomplete": "33"}
#: Characters that steer a terminal rather than show: C0 and C1 controls, DEL, and the
#: bidirectional embeddings, overrides and isolates (which can make a name read backwards).
_CONTROLS = dict.fromkeys([*range(0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)])

#: A table cell: its text, or (text, ANSI colour code) for a cell shown in colour.
Cell = str | tuple[str, str]


def clean(text: str) -> str:
    """``text`` without control characters, safe to print to a terminal on one line.

    >>> clean("Ann\\x1b]0;owned\\x07\\nBob\\u202e")
    'Ann]0;ownedBob'
    """
    return text.translate(_CONTROLS)


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal (East Asian wide and full-width characters take 2)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in text)


def bar(fraction: float, columns: int = 20) -> str:
    """A horizontal bar of eighth-blocks for a fraction in [0, 1].

    >>> bar(0.5, 4), bar(1 / 16, 2)
    ('██', '▏')
    """
    eighths = round(max(0.0, min(1.0, fraction)) * columns * 8)
    full, rest = divmod(eighths, 8)
    return "█" * full + ("" if rest == 0 else " ▏▎▍▌▋▊▉"[rest])


def render_table(header: Sequence[str], rows: Sequence[Sequence[Cell]], right: set[int] = frozenset()) -> str:
    """Columns padded to their widest cell, right-aligned where listed in ``right``; every cell
    :func:`clean`, and coloured after padding when given as (text, colour code)."""
    texts = [[clean(c if isinstance(c, str) else c[0]) for c in r] for r in [header, *rows]]
    colours = [[None if isinstance(c, str) else c[1] for c in r] for r in [header, *rows]]
    widths = [max(width(r[k]) for r in texts) for k in range(len(header))]

    def line(cells: list[str], codes: list[str | None]) -> str:
        padded = []
        for k, (cell, code) in enumerate(zip(cells, codes)):
            pad = " " * (widths[k] - width(cell))
            shown = cell if code is None else _colour(cell, code)
            padded.append(pad + shown if k in right else shown + pad)
        return " │ ".join(padded).rstrip()

    rule = "─┼─".join("─" * w for w in widths)
    return "\n".join([line(texts[0], colours[0]), rule, *(line(t, c) for t, c in zip(texts[1:], colours[1:]))])


def _colour(text: str, code: str) -> str:
    if not sys.stdout.isatty() or os.environ.get("NO_COLOR"):
        return text
    return f"\033[{code}m{text}\033[0m"


def _verdict(result: PriorityResult) -> str:
    if result.n <= 2:
        return _colour("consistent (n <= 2)", "32")
    if result.consistent:
        return _colour(f"consistent: CR {result.cr:.4f} {verdict_operator(True, result.strict)} {result.threshold:.2f}",
                       "32")
    return _colour(f"INCONSISTENT: CR {result.cr:.4f} {verdict_operator(False, result.strict)} {result.threshold:.2f}",
                   "1;31")


def print_weights(result: PriorityResult, labels: list[str]) -> None:
    """One matrix: weights with bars, consistency figures, the judgments to revisit."""
    top = float(result.weights.max())
    rows = [[str(i + 1), label, f"{w:.4f}", bar(w / top)] for i, (label, w) in enumerate(zip(labels, result.weights))]
    print(f"Priorities by {result.method}")
    print(render_table(["#", "element", "weight", ""], rows, right={0, 2}))
    print(
        f"lambda_max {result.lambda_max:.4f} ({result.lambda_convention})   CI {result.ci:.4f}   "
        f"RI {result.ri:.4f} ({result.ri_table})   "
        f"CR {result.cr:.4f}"
    )
    if result.gci is not None:
        print(f"GCI {result.gci:.4f} (threshold {result.gci_threshold:.2f})")
    print(_verdict(result))
    if result.completed is not None:
        print(f"{result.missing} missing judgment(s) completed by {result.completion}.")
    for note in result.warnings:
        print(_colour(clean(f"warning: {note}"), "33"))
    if result.suggestions:
        print("Judgments to revisit: the smallest change that passes, then the value that lowers CR most:")
    for line in suggestion_text(result, labels):
        print(clean(f"  {line}"))


def print_ranking(
    project: Project, synthesis: Synthesis, respondent: str | None, language: str = "en", panel: Panel | None = None,
) -> None:
    """The weighted ranking of churn factors (names in ``language``) and every node's consistency;
    with the ``panel`` the synthesis comes from, the nodes combined otherwise than the settings say."""
    top = synthesis.ranking[0].global_weight if synthesis.ranking else 1.0
    rows = [
        [str(leaf.rank), leaf.node.label(language), f"{leaf.global_weight:.4f}", f"{leaf.local_weight:.4f}",
         bar(leaf.global_weight / top, 12)]
        for leaf in synthesis.ranking
    ]
    print(clean(project.title or project.model.goal))
    header = ["#", "流失因素" if language == "zh" else "churn factor", "global", "local", ""]
    print(render_table(header, rows, right={0, 2, 3}))
    print()
    _print_nodes(synthesis)
    _print_aggregation_notes(panel)
    print(clean(settings_line(synthesis, judgments_source(project, respondent, panel=panel))))


def _print_aggregation_notes(panel: Panel | None) -> None:
    for line in aggregation_notes(panel) if panel is not None else ():
        print(_colour(clean(f"combined otherwise at {line}"), "33"))


def _print_nodes(synthesis: Synthesis) -> None:
    rows = []
    for a in synthesis.nodes.values():
        r = a.result
        status = (a.status, _STATUS_COLOUR[a.status])
        figures = ["-", "-", "-"] if r is None else [f"{r.lambda_max:.4f}", f"{r.cr:.4f}", f"{r.threshold:.2f}"]
        rows.append([a.path, str(len(a.node.children)), *figures, status])
    print(render_table(["node", "n", "lambda_max", "CR", "threshold", "status"], rows, right={1, 2, 3, 4}))
    print(combined_line(synthesis))
    for note in synthesis.warnings:
        print(_colour(clean(f"warning: {note}"), "33"))


def print_check(
    project: Project, synthesis: Synthesis, respondent: str | None,
    failures: Sequence[tuple[str, NodeAnalysis]] = (), left_out: Sequence[str] = (),
) -> None:
    """Every node's verdict; for the ones to revisit, why, and their worst judgments; then each
    respondent's failing nodes (``failures``: respondent, node), one line each, and who gave no
    judgment at all (``left_out``)."""
    title = "Combined judgments" if respondent is None and len(project.respondents) > 1 else None
    if title:
        print(f"{title}:")
    _print_nodes(synthesis)
    for a in synthesis.nodes.values():
        if a.status == "incomplete":
            print(_colour(clean(f"{a.path}: incomplete: {a.problem}"), "33"))
        elif a.status == "inconsistent":
            print(_colour(f"{a.path}: CR {a.result.cr:.4f} > {a.result.threshold:.2f}; revisit:", "1;31"))
            for line in suggestion_text(a.result, [c.name for c in a.node.children]):
                print(clean(f"  {line}"))
    failing = list(dict.fromkeys(name for name, _ in failures))
    if failures:
        print()
        print(f"Respondents failing a node ({len(failing)} of {len(project.respondents) - len(left_out)}):")
        rows = [[name, a.path, "-" if a.result is None else f"{a.result.cr:.4f}",
                 "-" if a.result is None else f"{a.result.threshold:.2f}", (a.status, _STATUS_COLOUR[a.status])]
                for name, a in failures]
        print(render_table(["respondent", "node", "CR", "threshold", "status"], rows, right={2, 3}))
    if left_out:
        print(clean(f"Left out, no judgments: {', '.join(left_out)}"))
    if synthesis.consistent and not failures:
        verdict = "Every node is consistent" + (", for every respondent and combined." if title else ".")
    elif failures:
        verdict = clean(f"Some nodes need attention: {', '.join(failing)} fail(s) at least one node.")
    else:
        verdict = "Some nodes need attention."
    print(f"{verdict} {clean(settings_line(synthesis, judgments_source(project, respondent)))}")


def print_panel(project: Project, panel: Panel, limit: int = 20) -> None:
    """The panel of respondents: consensus per node, and who sits furthest from the group."""
    from ahp.io.export import panel_dict

    data = panel_dict(project, panel)
    print(clean(f"Panel: {judgments_source(project, None, panel=panel)}."))
    print(f"Overall consensus S* {panel.consensus:.3f} ({panel.band})")
    print()
    rows = []
    for node in data["nodes"]:
        crs = [r for r in node["respondents"] if r["cr"] is not None]
        failing = [r["name"] for r in crs if not r["consistent"]]
        rows.append([
            node["path"], f"{node['consensus']:.3f}", node["band"],
            f"{min(r['cr'] for r in crs):.3f}-{max(r['cr'] for r in crs):.3f}" if crs else "-",
            (", ".join(failing), "1;31") if failing else "none",
        ])
    print(render_table(["node", "S*", "consensus", "CR range", "inconsistent respondents"], rows, right={1}))
    _print_aggregation_notes(panel)
    print()
    people = sorted(data["respondents"], key=lambda r: -r["distance"])
    rows = [
        [r["name"], f"{r['weight']:g}", f"{r['distance']:.3f}", f"{r['correlation']:.2f}",
         f"{r['disagrees_most_on']['path']} ({r['disagrees_most_on']['weight']:.3f} vs "
         f"{r['disagrees_most_on']['group_weight']:.3f})"]
        for r in people[:limit]
    ]
    print("Respondents against the group's factor weights, furthest first")
    print(render_table(["respondent", "weight", "distance", "rank corr.", "disagrees most on"], rows, right={1, 2, 3}))
    if len(people) > limit:
        print(f"... and {len(people) - limit} more (all of them with --format json)")
    print("distance: share of the weight that would have to move to match the group (0 = same, 1 = opposite)")
    print("rank corr.: Spearman correlation with the group's ranking of the factors")
    print(clean(settings_line(panel.synthesis, judgments_source(project, None, panel=panel))))


def print_sensitivity(
    project: Project, synthesis: Synthesis, one_way: OneWay, mc: MonteCarlo | None, respondent: str | None, limit: int = 12,
) -> None:
    """Tipping points, the smallest changes that alter the top, and Monte Carlo rank stability."""
    print("Smallest change of one weight that changes the top of the ranking")
    rows = []
    for k, t in one_way.critical.items():
        label = "top factor" if k == 1 else f"top {k} set"
        if t is None:
            rows.append([label, "-", "-", "-", "no single weight change alters it"])
        else:
            rows.append([label, t.node, f"{t.current:.3f} -> {t.weight:.3f}", f"{t.change:+.3f}",
                         f"{t.swap[1]} overtakes {t.swap[0]}"])
    print(render_table(["what changes", "node", "local weight", "change", "swap"], rows, right={3}))
    print()
    print(f"Tipping points, nearest first ({min(limit, len(one_way.tipping_points))} of {len(one_way.tipping_points)})")
    rows = [[t.node, f"{t.current:.3f}", f"{t.weight:.3f}", f"{t.change:+.3f}", f"{t.swap[1]} overtakes {t.swap[0]}"]
            for t in one_way.tipping_points[:limit]]
    print(render_table(["node", "now", "at", "change", "swap"], rows, right={1, 2, 3}))
    if mc is not None:
        print()
        how = f"log-normal, spread {mc.spread:g}" if mc.noise == "lognormal" else "one step on Saaty's scale"
        print(f"Monte Carlo: {mc.draws} draws, every judgment perturbed ({how}), seed {mc.seed}")
        order = np.argsort(mc.baseline_rank)
        rows = []
        for l in order:
            same = mc.rank_probabilities[l, mc.baseline_rank[l] - 1]
            lo, hi = mc.rank_interval[l]
            p5, _, p95 = mc.weight_percentiles[:, l]
            rows.append([str(mc.baseline_rank[l]), mc.leaves[l], f"{same:.2f}", f"{mc.rank_probabilities[l, :3].sum():.2f}",
                         f"{lo}-{hi}", f"{p5:.3f}-{p95:.3f}", bar(same, 10)])
        print(render_table(["#", "factor", "P(rank)", "P(top 3)", "rank 90%", "weight 90%", ""], rows, right={0, 2, 3, 4}))
        print("  ".join(f"P(top {k} unchanged) {p:.2f}" for k, p in mc.top_stable.items()))
    print(clean(settings_line(synthesis, judgments_source(project, respondent))))


def print_risk(project: Project, report: RiskReport, respondent: str | None, language: str = "en", limit: int = 5) -> None:
    """Units by churn-risk index, riskiest first; then the units rated on too little of the
    weight to rank, and why; the fuzzy evaluation of each unit and criterion; each unit's factors
    to fix first, grouped by who can act on them (store, head office, external)."""
    from ahp.io.model import owner_label

    rows = [[str(u.rank), u.name, f"{u.index:.1f}", bar(u.index / 100, 20), f"{u.coverage:.0%}"] for u in report.ranked]
    print("Churn-risk index by unit (0 = every rated factor at the best grade, 100 = every rated factor at the worst;"
          " rated = share of the weight rated)")
    print(render_table(["#", "unit", "risk", "", "rated"], rows, right={0, 2, 4}))
    if report.apart:
        print()
        print(f"Not ranked: rated on under {report.min_coverage:.0%} of the weight")
        rows = [[u.name, "-" if u.coverage <= 0 else f"{u.index:.1f}", f"{u.coverage:.0%}", u.reason or ""] for u in report.apart]
        print(render_table(["unit", "risk", "rated", "why"], rows, right={1, 2}))
    _print_evaluation(report, language)
    for u in report.units:
        if not u.actions:
            continue
        print()
        print(clean(f"{u.name}: fix first (index points saved by bringing the factor to the best grade), by who can act"))
        rows = [[a.node.label(language), owner_label(owner, language), a.grade.label(language) + ("~" if a.spread else ""),
                 f"{a.weight:.3f}", f"{a.gain:.2f}"] for owner, group in u.actions_by_owner() for a in group[:limit]]
        print(render_table(["factor", "owner", "grade", "weight", "gain"], rows, right={3, 4}))
        if u.unrated:
            print(clean(f"not rated: {', '.join(u.unrated)}"))
    if any(a.spread for u in report.units for a in u.actions):
        print(clean("~ rated by counts per grade: the grade of maximum membership"))
    if report.owner:
        print(clean(f"actions only of owner {owner_label(report.owner, language)} ({report.owner})"))
    print(clean(settings_line(report.synthesis, judgments_source(project, respondent))))


def _print_evaluation(report: RiskReport, language: str) -> None:
    """The fuzzy comprehensive evaluation: B per unit and criterion, churn degree, grade of
    maximum membership."""
    rows = []
    for u in report.units:
        if u.evaluation is None or u.evaluation.grade is None:
            continue
        levels = [("", u.evaluation), *((f"  {c.node.label(language)}", c.evaluation) for c in u.criteria)]
        for level, e in levels:
            if e.grade is None:
                continue
            rows.append([u.name if not level else "", level.strip() or "(all)", *(f"{v:.3f}" for v in e.membership),
                         f"{e.degree:.1f}", report.grades[e.grade].label(language)])
    if not rows:
        return
    print()
    print(f"Fuzzy comprehensive evaluation, operator {report.operator_name} ({report.operator}): B = W o R, "
          "churn degree = 100 B · grade levels, grade of maximum membership")
    header = ["unit", "level", *(g.label(language) for g in report.grades), "degree", "grade"]
    print(render_table(header, rows, right=set(range(2, 3 + len(report.grades)))))
