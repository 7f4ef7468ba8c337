"""Results as readable terminal tables, for ``ahp weights``, ``rank``, ``group``, ``sensitivity``
and ``risk`` (``check`` in :mod:`ahp.io.terminal_check`), in English or Chinese (every word from
:mod:`ahp.io.glossary`).

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
from ahp.core.hierarchy import CombinedTest
from ahp.core.panel import ALL_EXCLUDED, ONE_DETERMINES, UNDETERMINED
from ahp.io.glossary import say, separator, setting
from ahp.io.wording import (  # project_title: also for ahp export-survey
    aggregation_notes,
    combined_line,
    judgments_source,
    note_text,
    path_name,
    project_title,
    settings_line,
    suggestion_text,
    warning_lines,
)

if TYPE_CHECKING:  # only for annotations: `ahp rank` should not pay for these imports
    from ahp.core.hierarchy import NodeAnalysis, Synthesis
    from ahp.core.panel import Panel
    from ahp.core.priorities import PriorityResult
    from ahp.core.sensitivity import MonteCarlo, OneWay, TippingPoint
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
        for k, (cell, code) in enumerate(zip(cells, codes, strict=False)):
            pad = " " * (widths[k] - width(cell))
            shown = cell if code is None else colour(cell, code)
            padded.append(pad + shown if k in right else shown + pad)
        return " │ ".join(padded).rstrip()

    rule = "─┼─".join("─" * w for w in widths)
    body = (line(t, c) for t, c in zip(texts[1:], colours[1:], strict=False))
    return "\n".join([line(texts[0], colours[0]), rule, *body])


def colour(text: str, code: str) -> str:
    """``text`` in the ANSI colour ``code`` (``"33"`` yellow) on a terminal without ``NO_COLOR``; else as it is."""
    if not sys.stdout.isatty() or os.environ.get("NO_COLOR"):
        return text
    return f"\033[{code}m{text}\033[0m"


def verdict_text(result: PriorityResult, language: str = "en") -> str:
    """A matrix's verdict in words, coloured: ``consistent: CR 0.0170 <= 0.08``."""
    if result.n <= 2:
        return colour(say("verdict.small", language), "32")
    figures = {"cr": f"{result.cr:.4f}", "limit": f"{result.threshold:.2f}",
               "op": setting("op", verdict_operator(result.consistent, result.strict), language)}
    if result.consistent:
        return colour(say("verdict.pass", language, **figures), "32")
    return colour(say("verdict.fail", language, **figures), "1;31")


def print_weights(result: PriorityResult, labels: list[str], language: str = "en") -> None:
    """One matrix: weights with bars, consistency figures, the judgments to revisit."""
    top = float(result.weights.max())
    rows = [[str(i + 1), label, f"{w:.4f}", bar(w / top)] for i, (label, w) in enumerate(zip(labels, result.weights,
                                                                                             strict=False))]
    print(say("weights.title", language, method=setting("method", result.method, language)))
    print(render_table(["#", say("element", language), say("weight", language), ""], rows, right={0, 2}))
    print(say("weights.figures", language, lambda_max=f"{result.lambda_max:.4f}",
              convention=say("weights.eigenvalue", language) if result.lambda_convention == "eigenvalue"
              else setting("lambda_max", result.lambda_convention, language), ci=f"{result.ci:.4f}",
              ri=f"{result.ri:.4f}", ri_zh=f"{result.ri:.2f}", table=setting("ri", result.ri_table, language),
              cr=f"{result.cr:.4f}"))
    if result.gci is not None:
        print(say("weights.gci", language, gci=f"{result.gci:.4f}", limit=f"{result.gci_threshold:.2f}"))
    print(verdict_text(result, language))
    if result.completed is not None:
        print(say("weights.completed", language, k=result.missing, how=setting("completion", result.completion,
                                                                               language)))
    for note in result.warnings:
        print(colour(clean(say("warning", language, note=note_text(note, language))), "33"))
    if result.suggestions:
        print(say("weights.revisit", language))
    for line in suggestion_text(result, labels, language):
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
    print(clean(project_title(project, language)))
    header = ["#", say("churn factor", language), say("weight.global", language), say("weight.local", language), ""]
    print(render_table(header, rows, right={0, 2, 3}))
    print()
    print_nodes(synthesis, language)
    _print_aggregation_notes(project, panel, language)
    print(clean(settings_line(synthesis, judgments_source(project, respondent, language, panel=panel), language)))


def _print_aggregation_notes(project: Project, panel: Panel | None, language: str) -> None:
    for line in aggregation_notes(project, panel, language) if panel is not None else ():
        print(colour(clean(line), "33"))


def node_name(a: NodeAnalysis, language: str) -> str:
    """A matrix as the tables name it: its path in English, its node's name in Chinese."""
    return a.node.label(language) if language == "zh" else a.path


def status_cell(status: str, language: str) -> Cell:
    """A node's status as a coloured table cell: ``("通过", "32")``."""
    return say(f"status.{status}", language), _STATUS_COLOUR[status]


def print_nodes(synthesis: Synthesis, language: str = "en") -> None:
    """Every matrix's λmax, CR, limit and status, the hierarchy line, then the completion's warnings."""
    rows = []
    for a in synthesis.nodes.values():
        r = a.result
        figures = ["-", "-", "-"] if r is None else [f"{r.lambda_max:.4f}", f"{r.cr:.4f}", f"{r.threshold:.2f}"]
        rows.append([node_name(a, language), str(len(a.node.children)), *figures, status_cell(a.status, language)])
    header = [say(k, language) for k in ("matrix", "order n", "lambda_max")] + ["CR"] + [
        say(k, language) for k in ("threshold", "status")]
    print(render_table(header, rows, right={1, 2, 3, 4}))
    print(combined_line(synthesis, language))
    for line in warning_lines(synthesis, language):
        print(colour(clean(line), "33"))


def print_failures(failures: Sequence[tuple[str, NodeAnalysis | CombinedTest]], n: int, language: str = "en") -> None:
    """The respondents' failures, one line each (respondent, node or the combined test, CR,
    threshold, status), under a heading counting the respondents who fail among ``n``."""
    print(say("check.failing", language, k=len(dict.fromkeys(name for name, _ in failures)), n=n))
    header = [say(k, language) for k in ("respondent", "matrix")] + ["CR"] + [
        say(k, language) for k in ("threshold", "status")]
    print(render_table(header, [_failure_row(name, what, language) for name, what in failures], right={2, 3}))


def _failure_row(name: str, what: NodeAnalysis | CombinedTest, language: str) -> list[Cell]:
    """A row of the respondents' failures: who, which matrix (or the combined test), CR, limit, status."""
    if isinstance(what, CombinedTest):
        return [name, say("check.combined test", language), f"{what.cr:.4f}", f"{what.limit:.2f}",
                status_cell("inconsistent", language)]
    r = what.result
    return [name, node_name(what, language), "-" if r is None else f"{r.cr:.4f}",
            "-" if r is None else f"{r.threshold:.2f}", status_cell(what.status, language)]


#: The glossary key of each reason a node has no consensus.
NO_CONSENSUS = {UNDETERMINED: "group.undetermined", ONE_DETERMINES: "group.one determines",
                ALL_EXCLUDED: "group.all excluded"}


def overall_consensus_line(project: Project, panel: Panel, language: str = "en") -> str:
    """The panel's overall consensus and its band, naming the nodes it leaves out (no consensus
    there); or that there is none."""
    if panel.consensus is None:
        return say("group.no overall", language)
    s, band = f"{panel.consensus:.3f}", setting("band", panel.band, language)
    if not panel.consensus_left_out:
        return say("group.overall", language, s=s, band=band)
    nodes = separator(language).join(path_name(project, p, language) for p in panel.consensus_left_out)
    return say("group.overall without", language, s=s, band=band, nodes=nodes)


def print_panel(project: Project, panel: Panel, limit: int = 20, language: str = "en") -> None:
    """The panel of respondents: consensus per node, and who sits furthest from the group."""
    from ahp.io.export import panel_dict

    data = panel_dict(project, panel)
    print(clean(say("group.panel", language, source=judgments_source(project, None, language, panel=panel))))
    print(overall_consensus_line(project, panel, language))
    print()
    rows = []
    for node in data["nodes"]:
        crs = [r for r in node["respondents"] if r["cr"] is not None]
        failing = [r["name"] for r in crs if not r["consistent"]]
        name = path_name(project, node["path"], language)
        cr_range = say("range", language, lo=f"{min(r['cr'] for r in crs):.3f}",
                       hi=f"{max(r['cr'] for r in crs):.3f}") if crs else "-"
        failing_cell = (separator(language).join(failing), "1;31") if failing else say("none", language)
        if node["consensus"] is None:  # fewer than two determine it: no consensus to speak of
            why = (say(NO_CONSENSUS[panel.nodes[node["path"]].consensus_reason], language), "33")
            rows.append([name, "-", why, cr_range, failing_cell if crs else "-"])
        else:
            rows.append([name, f"{node['consensus']:.3f}", setting("band", node["band"], language), cr_range,
                         failing_cell])
    header = [say("matrix", language), "S*"] + [say(k, language) for k in ("group.consensus", "group.cr range",
                                                                             "group.inconsistent")]
    print(render_table(header, rows, right={1}))
    _print_aggregation_notes(project, panel, language)
    print()
    people = sorted(data["respondents"], key=lambda r: -r["distance"])
    rows = [
        [r["name"], f"{r['weight']:g}", f"{r['distance']:.3f}", f"{r['correlation']:.2f}",
         say("group.disagreement", language, node=path_name(project, r["disagrees_most_on"]["path"], language),
             weight=f"{r['disagrees_most_on']['weight']:.3f}", group=f"{r['disagrees_most_on']['group_weight']:.3f}")]
        for r in people[:limit]
    ]
    print(say("group.against", language))
    print(render_table([say(k, language) for k in ("respondent", "respondent.weight", "group.distance",
                                                   "group.rank corr", "group.disagrees")], rows, right={1, 2, 3}))
    if len(people) > limit:
        print(say("group.more", language, n=len(people) - limit))
    print(say("group.distance note", language))
    print(say("group.corr note", language))
    print(clean(settings_line(panel.synthesis, judgments_source(project, None, language, panel=panel), language)))


def print_sensitivity(
    project: Project, synthesis: Synthesis, one_way: OneWay, mc: MonteCarlo | None, respondent: str | None,
    limit: int = 12, language: str = "en",
) -> None:
    """Tipping points, the smallest changes that alter the top, and Monte Carlo rank stability."""

    def name(path: str) -> str:
        return path_name(project, path, language)

    def swap(t: TippingPoint) -> str:
        return say("overtakes", language, a=name(t.swap[1]), b=name(t.swap[0]))

    print(say("sens.critical", language))
    rows = []
    for k, t in one_way.critical.items():
        label = say("sens.top factor", language) if k == 1 else say("sens.top set", language, k=k)
        if t is None:
            rows.append([label, "-", "-", "-", say("sens.never", language)])
        else:
            rows.append([label, name(t.node), say("from to", language, a=f"{t.current:.3f}", b=f"{t.weight:.3f}"),
                         f"{t.change:+.3f}", swap(t)])
    print(render_table([say(f"sens.{k}", language) for k in ("what", "node", "local weight", "change", "swap")],
                       rows, right={3}))
    print()
    shown = min(limit, len(one_way.tipping_points))
    print(say("sens.tipping", language, shown=shown, n=len(one_way.tipping_points)))
    rows = [[name(t.node), f"{t.current:.3f}", f"{t.weight:.3f}", f"{t.change:+.3f}", swap(t)]
            for t in one_way.tipping_points[:limit]]
    print(render_table([say(f"sens.{k}", language) for k in ("node", "now", "at", "change", "swap")], rows,
                       right={1, 2, 3}))
    if mc is not None:
        print()
        how = say("sens.lognormal", language, spread=mc.spread) if mc.noise == "lognormal" else say("sens.step",
                                                                                                    language)
        print(say("sens.mc", language, draws=mc.draws, how=how, seed=mc.seed))
        order = np.argsort(mc.baseline_rank)
        rows = []
        for leaf in order:
            same = mc.rank_probabilities[leaf, mc.baseline_rank[leaf] - 1]
            lo, hi = mc.rank_interval[leaf]
            p5, _, p95 = mc.weight_percentiles[:, leaf]
            rows.append([str(mc.baseline_rank[leaf]), name(mc.leaves[leaf]), f"{same:.2f}",
                         f"{mc.rank_probabilities[leaf, :3].sum():.2f}", say("range", language, lo=lo, hi=hi),
                         say("range", language, lo=f"{p5:.3f}", hi=f"{p95:.3f}"), bar(same, 10)])
        header = ["#", say("churn factor" if language == "zh" else "factor", language)] + [
            say(f"sens.{k}", language) for k in ("p rank", "p top", "rank 90", "weight 90")] + [""]
        print(render_table(header, rows, right={0, 2, 3, 4}))
        print(say("sens.stable sep", language).join(
            say("sens.stable first" if k == 1 else "sens.stable", language, k=k, p=f"{p:.2f}")
            for k, p in mc.top_stable.items()))
    print(clean(settings_line(synthesis, judgments_source(project, respondent, language), language)))


def print_risk(project: Project, report: RiskReport, respondent: str | None, language: str = "en",
               limit: int = 5) -> None:
    """Units by churn-risk index, riskiest first; then the units rated on too little of the
    weight to rank, and why; the fuzzy evaluation of each unit and criterion; each unit's factors
    to fix first, grouped by who can act on them (store, head office, external)."""
    from ahp.io.model import owner_label
    from ahp.io.risk import apart_reason

    rows = [[str(u.rank), u.name, f"{u.index:.1f}", bar(u.index / 100, 20), f"{u.coverage:.0%}"] for u in report.ranked]
    print(say("risk.title", language))
    print(render_table(["#", say("unit", language), say("risk.risk", language), "", say("risk.rated", language)], rows,
                       right={0, 2, 4}))
    if report.apart:
        print()
        print(say("risk.apart", language, share=f"{report.min_coverage:.0%}"))
        rows = [[u.name, "-" if u.coverage <= 0 else f"{u.index:.1f}", f"{u.coverage:.0%}",
                 apart_reason(u.coverage, report.min_coverage, language) or ""] for u in report.apart]
        print(render_table([say(k, language) for k in ("unit", "risk.risk", "risk.rated", "risk.why")], rows, right={1,
            2}))
    _print_evaluation(report, language)
    for u in report.units:
        if not u.actions:
            continue
        print()
        print(clean(say("risk.fix first", language, unit=u.name)))
        rows = [[a.node.label(language), owner_label(owner, language),
                 a.grade.label(language) + ("~" if a.spread else ""),
                 f"{a.weight:.3f}", f"{a.gain:.2f}"] for owner, group in u.actions_by_owner() for a in group[:limit]]
        factor = "churn factor" if language == "zh" else "factor"
        weight = "weight.global" if language == "zh" else "weight"
        print(render_table([say(k, language) for k in (factor, "risk.owner", "grade", weight, "risk.gain")], rows,
                           right={3, 4}))
        if u.unrated:
            print(clean(say("risk.not rated", language,
                            names=separator(language).join(path_name(project, p, language) for p in u.unrated))))
    if any(a.spread for u in report.units for a in u.actions):
        print(clean(say("risk.spread", language)))
    if report.owner:
        print(clean(say("risk.owner only", language, owner=owner_label(report.owner, language), id=report.owner)))
    print(clean(settings_line(report.synthesis, judgments_source(project, respondent, language), language)))


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
            rows.append([u.name if not level else "", level.strip() or say("eval.all", language),
                         *(f"{v:.3f}" for v in e.membership), f"{e.degree:.1f}",
                             report.grades[e.grade].label(language)])
    if not rows:
        return
    print()
    print(say("eval.title", language, name=report.operator_name, operator=report.operator))
    header = [say("unit", language), say("eval.level", language), *(g.label(language) for g in report.grades),
              say("eval.degree", language), say("grade", language)]
    print(render_table(header, rows, right=set(range(2, 3 + len(report.grades)))))
