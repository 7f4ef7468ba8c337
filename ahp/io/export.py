"""Results as text: JSON (a stable contract), CSV (safe for spreadsheets) and Markdown.

Every export names the method, the random index table and the threshold rule it used.

>>> csv_cell("=SUM(A1)"), csv_cell("-3 pts"), csv_cell("Price")
("'=SUM(A1)", "'-3 pts", 'Price')
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

import numpy as np

from ahp.core.completion import Unlinked
from ahp.core.fuzzy import Evaluation
from ahp.core.hierarchy import CombinedTest, NodeAnalysis, Synthesis
from ahp.core.panel import Panel
from ahp.core.priorities import PriorityResult
from ahp.core.sensitivity import MonteCarlo, OneWay, TippingPoint
from ahp.errors import AHPError, Phrase
from ahp.io import markdown as md
from ahp.io.glossary import say, setting
from ahp.io.model import Grade
from ahp.io.project import Project
from ahp.io.risk import RiskReport
from ahp.io.sheet import BOM
from ahp.io.wording import judgments_source, problem_text, project_title, settings_line

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """A cell a spreadsheet will show as text, never run as a formula."""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def result_dict(result: PriorityResult, labels: list[str] | None = None) -> dict[str, Any]:
    """The JSON form of one matrix's analysis (``ahp weights --json``)."""
    out: dict[str, Any] = {
        "n": result.n,
        "labels": labels,
        "method": result.method,
        "weights": [float(w) for w in result.weights],
        "lambda_max": result.lambda_max,
        "ci": result.ci,
        "ri": result.ri,
        "ri_table": result.ri_table,
        "cr": result.cr,
        "threshold": result.threshold,
        "acceptance": result.acceptance,
        "lambda_max_convention": result.lambda_convention,
        "consistent": result.consistent,
        "suggestions": [
            {"row": s.row, "col": s.col, "current": s.current, "suggested": s.suggested, "cr_after": s.cr_after,
             "kind": s.kind, "implied": s.implied}
            for s in result.suggestions
        ],
        "missing": result.missing,
        "warnings": [str(note) for note in result.warnings],
    }
    if result.gci is not None:
        out["gci"], out["gci_threshold"] = result.gci, result.gci_threshold
    if result.completed is not None:
        out["completion"] = result.completion
        out["completed"] = result.completed.tolist()
    return out


def _node_dict(a: NodeAnalysis, language: str = "en") -> dict[str, Any]:
    r = a.result
    out: dict[str, Any] = {
        "path": a.path,
        "name": a.node.name,
        "n": len(a.node.children),
        "status": a.status,
        "consistent": a.status == "consistent",
        "global_weight": a.global_weight,
        "local_weights": {c.id: float(w) for c, w in zip(a.node.children, a.local_weights, strict=False)},
    }
    if r is None:
        ids = [c.id for c in a.node.children]
        unlinked = {"linked": [ids[i] for i in a.problem.linked], "cut": [ids[i] for i in a.problem.cut]} \
            if isinstance(a.problem, Unlinked) else None
        out.update(cr=None, problem=problem_text(a, language), unlinked=unlinked)
    else:
        out.update(
            lambda_max=r.lambda_max, ci=r.ci, ri=r.ri, ri_table=r.ri_table, cr=r.cr, threshold=r.threshold,
            acceptance=r.acceptance, missing=r.missing,
        )
    return out


def ranking_dict(
    project: Project, synthesis: Synthesis, respondent: str | None = None, panel: Panel | None = None,
    language: str = "en",
) -> dict[str, Any]:
    """The JSON form of a project's results (``ahp rank --format json``); with the ``panel`` the
    synthesis comes from, who was left out and how each node was combined. Keys and codes are
    English whatever the ``language``, which only words the ``judgments_of`` sentence."""
    nodes = [_node_dict(a, language) for a in synthesis.nodes.values()]
    if panel is not None:
        for node in nodes:
            pn = panel.nodes[node["path"]]
            node.update(aggregation_used=pn.aggregation_used, aggregation_note=pn.aggregation_note)
    return {
        "title": project.title,
        "goal": project.model.goal,
        "settings": {**project.settings.as_dict(), **synthesis.settings},
        "respondent": respondent,
        "judgments_of": judgments_source(project, respondent, language, panel=panel),
        "left_out": [] if panel is None else [
            {"name": project.respondents[r].name, "reason": reason} for r, reason in panel.left_out],
        "nodes": nodes,
        "cr_total": synthesis.cr_total,
        "cr_combined": _combined_dict(synthesis.combined),
        "failing": list(synthesis.failing),
        "consistent": synthesis.consistent,
        "warnings": list(synthesis.warnings),
        "ranking": [
            {
                "rank": leaf.rank,
                "path": leaf.path,
                "name": leaf.node.name,
                "name_zh": leaf.node.name_zh,
                "local_weight": leaf.local_weight,
                "global_weight": leaf.global_weight,
            }
            for leaf in synthesis.ranking
        ],
    }


def _combined_dict(test: CombinedTest) -> dict[str, Any]:
    """The combined (hierarchy) consistency test: each level's CR, their sum, the limit, the verdict."""
    return {"levels": list(test.levels), "cr": test.cr, "limit": test.limit, "acceptance": test.acceptance,
            "consistent": test.passed}


def check_dict(
    project: Project, synthesis: Synthesis, respondent: str | None,
    failures: Sequence[tuple[str, NodeAnalysis | CombinedTest]] = (), left_out: Sequence[str] = (),
    language: str = "en",
) -> dict[str, Any]:
    """The JSON form of ``ahp check``: ``consistent`` (the exit status's verdict: every node and
    the combined test, for the judgments checked and every respondent), the nodes with why an
    incomplete one has no weights, both hierarchy tests, and each respondent's failures (a node,
    or ``combined_test`` when their whole hierarchy alone fails)."""
    return {
        "respondent": respondent,
        "judgments_of": judgments_source(project, respondent, language),
        "consistent": synthesis.consistent and not failures,
        "nodes": [_node_dict(a, language) for a in synthesis.nodes.values()],
        "cr_total": synthesis.cr_total,
        "cr_combined": _combined_dict(synthesis.combined),
        "failing": list(synthesis.failing),
        "respondents_failing": [
            {"name": name, "path": None, "test": "combined_test", "status": "inconsistent", "cr": what.cr,
             "threshold": what.limit} if isinstance(what, CombinedTest) else
            {"name": name, "path": what.path, "test": "node", "status": what.status,
             "cr": None if what.result is None else what.result.cr,
             "threshold": None if what.result is None else what.result.threshold}
            for name, what in failures
        ],
        "left_out": list(left_out),
        "warnings": list(synthesis.warnings),
    }


def ranking_csv(synthesis: Synthesis, language: str = "en", bom: bool = True) -> str:
    """One row per churn factor, best first; the method and RI table on every row. In Chinese,
    headed in Chinese with the Chinese names only; with ``bom``, it starts with :data:`BOM`.

    >>> import ahp
    >>> text = ranking_csv(ahp.load_project("examples/retail-churn-demo.ahp.toml").synthesize(), "zh")
    >>> text.startswith(BOM), text[1:].splitlines()[0]
    (True, '排序,路径,流失因素,单排序权重,总排序权重,权重计算方法,随机一致性指标表')
    """
    buf = io.StringIO(BOM if bom else "")
    buf.seek(0, io.SEEK_END)
    w = csv.writer(buf, lineterminator="\n")
    s = synthesis.settings
    method, ri = setting("method", s["method"], language), setting("ri", s["random_index"], language)
    if language == "zh":
        w.writerow([say(k, language) for k in ("rank.export", "rank.path", "rank.factor", "rank.local weight",
                                               "rank.global weight", "rank.method", "rank.random index")])
    else:
        w.writerow(["rank", "path", "name", "name_zh", "local_weight", "global_weight", "method", "random_index"])
    for leaf in synthesis.ranking:
        names = [csv_cell(leaf.node.label(language))] if language == "zh" else [
            csv_cell(leaf.node.name), csv_cell(leaf.node.name_zh or "")]
        w.writerow([leaf.rank, csv_cell(leaf.path), *names, f"{leaf.local_weight:.6f}", f"{leaf.global_weight:.6f}",
                    method, ri])
    return buf.getvalue()


def ranking_markdown(project: Project, synthesis: Synthesis, respondent: str | None = None,
                     language: str = "en") -> str:
    """A Markdown report: settings, the ranking, each node's consistency, and what each factor
    means (its description, when the model gives one)."""
    goal = project.model.root.label(language)
    settings = settings_line(synthesis, judgments_source(project, respondent, language), language)
    lines = [f"# {md.escape(project_title(project, language))}", "",
             md.escape(say("goal", language, goal=goal, settings=settings)), ""]
    en = language == "en"
    header = ["rank", "factor", "path", "local weight", "global weight"] if en else [
        say(k, language) for k in ("rank.export", "rank.factor", "rank.path", "rank.local weight",
                                   "rank.global weight")]
    lines += md.table(header, [
        [leaf.rank, leaf.node.label(language), f"`{leaf.path}`", f"{leaf.local_weight:.4f}",
         f"{leaf.global_weight:.4f}"]
        for leaf in synthesis.ranking
    ], numeric={0, 3, 4})
    rows = []
    for a in synthesis.nodes.values():
        r = a.result
        status = a.status if en else say(f"status.{a.status}", language)
        rows.append([say("named path", language, name=a.node.label(language), path=a.path), len(a.node.children),
                     f"{r.cr:.4f}" if r else "-", f"{r.threshold:.2f}" if r else "-", status])
    header = [say(k, language) for k in ("matrix", "order n")] + ["CR"] + [
        say(k, language) for k in ("threshold", "status")]
    lines += ["", *md.table(header, rows, numeric={1, 2, 3})]
    lines += ["", say("hierarchy cr", language, cr=f"{synthesis.cr_total:.4f}"), ""]
    explained = [leaf for leaf in synthesis.ranking if leaf.node.explain(language)]
    if explained:
        lines += [say("factors", language), "", *(
            "- " + say("named path", language, name=md.escape(leaf.node.label(language)), path=leaf.path)
            + say("colon", language) + md.escape(leaf.node.explain(language))
            for leaf in explained), ""]
    return "\n".join(lines)


def render(
    project: Project, synthesis: Synthesis, fmt: str, respondent: str | None = None, panel: Panel | None = None,
    language: str = "en", bom: bool = True,
) -> str:
    """A project's results as ``json``, ``csv`` (with ``bom``, a UTF-8 byte-order mark first) or
    ``md`` text (``panel``: the one the synthesis comes from)."""
    if fmt == "json":
        return json.dumps(ranking_dict(project, synthesis, respondent, panel, language), ensure_ascii=False,
                          indent=2) + "\n"
    if fmt == "csv":
        return ranking_csv(synthesis, language, bom)
    if fmt == "md":
        return ranking_markdown(project, synthesis, respondent, language)
    raise AHPError(Phrase("unknown export format {fmt!r}; choose one of json, csv or md", {"fmt": fmt}))


def panel_dict(project: Project, panel: Panel) -> dict[str, Any]:
    """The JSON form of ``ahp group``: per node and per respondent, how the panel agrees."""
    names = [r.name for r in project.respondents]
    group_global = {leaf.path: leaf.global_weight for leaf in panel.synthesis.ranking}
    nodes = []
    for path, pn in panel.nodes.items():
        ids = [c.id for c in project.inner[path].children]
        ind = pn.individuals
        nodes.append({
            "path": path,
            "consensus": pn.consensus,
            "band": pn.band,
            "consensus_reason": pn.consensus_reason or None,
            "aggregation_used": pn.aggregation_used,
            "aggregation_note": pn.aggregation_note,
            "group_weights": dict(zip(ids, map(float, panel.synthesis.nodes[path].local_weights), strict=False)),
            "respondents": [
                {
                    "name": names[r],
                    "cr": None if not ind.determined[r] else float(ind.cr[r]),
                    "consistent": bool(ind.consistent[r]),
                    "included": bool(pn.included[r]),
                    "flagged": bool(pn.flagged[r]),
                    "weights": None if not ind.determined[r] else dict(zip(ids, ind.weights[r].tolist(), strict=True)),
                    "distance": None if not ind.determined[r] else float(pn.distance[r]),
                    "correlation": None if not ind.determined[r] else float(pn.correlation[r]),
                }
                for r in range(len(names)) if panel.counted[r]
            ],
        })
    respondents = []
    for r, name in enumerate(names):
        if not panel.counted[r]:
            continue
        gap = np.abs(panel.global_weights[r] - np.array([group_global[p] for p in panel.leaves]))
        worst = int(gap.argmax())
        respondents.append({
            "name": name,
            "weight": project.respondents[r].weight,
            "distance": float(panel.distance[r]),
            "correlation": float(panel.correlation[r]),
            "disagrees_most_on": {
                "path": panel.leaves[worst],
                "weight": float(panel.global_weights[r, worst]),
                "group_weight": group_global[panel.leaves[worst]],
            },
            "flagged_nodes": [p for p, pn in panel.nodes.items() if pn.flagged[r]],
            "excluded_nodes": [p for p, pn in panel.nodes.items() if not pn.included[r]],
        })
    return {
        "aggregation": panel.aggregation,
        "aip_mean": project.settings.aip_mean,
        "inconsistent": panel.inconsistent,
        "settings": {**project.settings.as_dict(), **panel.synthesis.settings},
        "consensus": panel.consensus,
        "band": panel.band,
        "consensus_left_out": list(panel.consensus_left_out),
        "nodes": nodes,
        "respondents": respondents,
        "left_out": [{"name": names[r], "reason": reason} for r, reason in panel.left_out],
        "ranking": ranking_dict(project, panel.synthesis, panel=panel)["ranking"],
    }


def _tipping(t: TippingPoint | None) -> dict[str, Any] | None:
    if t is None:
        return None
    return {"node": t.node, "weight": t.weight, "current": t.current, "change": t.change, "swap": list(t.swap)}


def sensitivity_dict(project: Project, one_way: OneWay, mc: MonteCarlo | None, grid: int = 21) -> dict[str, Any]:
    """The JSON form of ``ahp sensitivity``: tipping points, curves and Monte Carlo ranks."""
    x = np.linspace(0, 1, grid)
    curves = one_way.curves(x)
    out: dict[str, Any] = {
        "settings": project.settings.as_dict(),
        "tipping_points": [_tipping(t) for t in one_way.tipping_points],
        "critical": {str(k): _tipping(t) for k, t in one_way.critical.items()},
        "curves": {
            node: {
                "current": float(one_way.current[v]),
                "x": x.tolist(),
                "global_weights": {leaf: curves[v, :, k].tolist() for k, leaf in enumerate(one_way.leaves)},
            }
            for v, node in enumerate(one_way.nodes)
        },
    }
    if mc is not None:
        out["monte_carlo"] = {
            "draws": mc.draws,
            "seed": mc.seed,
            "noise": mc.noise,
            "spread": mc.spread,
            "baseline_rank": {leaf: int(r) for leaf, r in zip(mc.leaves, mc.baseline_rank, strict=False)},
            "rank_probabilities": {leaf: mc.rank_probabilities[k].tolist() for k, leaf in enumerate(mc.leaves)},
            "rank_interval": {leaf: [int(v) for v in mc.rank_interval[k]] for k, leaf in enumerate(mc.leaves)},
            "weight_percentiles": {leaf: mc.weight_percentiles[:, k].tolist() for k, leaf in enumerate(mc.leaves)},
            "top_stable": {str(size): p for size, p in mc.top_stable.items()},
        }
    return out


def _evaluation_dict(e: Evaluation, grades: tuple[Grade, ...]) -> dict[str, Any] | None:
    """B by grade id, the churn degree and the grade of maximum membership (``None``: nothing rated)."""
    if e.grade is None:
        return None
    return {"membership": {g.id: float(v) for g, v in zip(grades, e.membership, strict=True)}, "churn_degree": e.degree,
            "grade": grades[e.grade].id}


def risk_dict(report: RiskReport) -> dict[str, Any]:
    """The JSON form of ``ahp risk``: the ranked units riskiest first, then the ones rated on too
    little of the weight (``rank`` and, when nothing is rated, ``risk_index`` and ``fuzzy`` null,
    with ``reason``). ``fuzzy`` holds each unit's evaluation B = W o R (``membership`` by grade),
    ``churn_degree`` and maximum-membership ``grade``, and the same for each criterion; actions
    name their ``owner`` (store, head-office, external or null) and, with ``owner`` set at the
    top, are only that owner's."""
    grades = report.grades
    units = []
    for u in report.units:
        fuzzy = _evaluation_dict(u.evaluation, grades) if u.evaluation is not None else None
        if fuzzy is not None:
            fuzzy["criteria"] = [{"path": c.path, "name": c.node.name, **(_evaluation_dict(c.evaluation, grades) or {})}
                                 for c in u.criteria if c.evaluation.grade is not None]
        units.append({
            "rank": u.rank,
            "name": u.name,
            "risk_index": u.index if u.coverage > 0 else None,
            "coverage": u.coverage,
            "reason": u.reason,
            "fuzzy": fuzzy,
            "actions": [
                {"path": a.path, "name": a.node.name, "owner": a.owner, "grade": a.grade.id,
                 "membership": {g.id: v for g, v in zip(grades, a.membership, strict=True)},
                 "global_weight": a.weight, "gain": a.gain}
                for a in u.actions
            ],
            "unrated": list(u.unrated),
        })
    return {
        "grades": [{"id": g.id, "name": g.name, "name_zh": g.name_zh, "intensity": g.intensity} for g in grades],
        "settings": report.synthesis.settings,
        "min_coverage": report.min_coverage,
        "fuzzy": {"operator": report.operator, "operator_name": report.operator_name},
        "owner": report.owner,
        "units": units,
    }
