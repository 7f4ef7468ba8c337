"""The judgment matrices (判断矩阵) in the standard layout, and the overall ranking (层次总排序).

Each matrix: the judgments with the weight column W, then λmax, CI, RI, CR and the verdict;
missing judgments that the method completed are marked.

>>> import ahp
>>> from ahp.io.report.data import gather
>>> d = gather(ahp.load_project("examples/retail-churn-demo.ahp.toml"))
>>> t = matrix_tables(d, d.synthesis, "goal")[0]
>>> t.header
('A', 'B1', 'B2', 'B3', 'B4', 'W')
>>> ranking_part(d).blocks[0].header[1]
'B1 Service a = 0.3522'
"""

from __future__ import annotations

import math

import numpy as np

from ahp.core.consistency import passes, verdict_operator
from ahp.core.hierarchy import NodeAnalysis, Synthesis, child_path
from ahp.core.panel import AIP_UNDETERMINED
from ahp.core.scale import format_value
from ahp.io.report.data import ReportData
from ahp.io.report.document import Block, Cell, Chart, Heading, Paragraph, Part, Table, row
from ahp.io.wording import note_text, problem_text


def matrices_part(d: ReportData) -> Part:
    """Every node's combined (or single expert's) judgment matrix, criteria first."""
    blocks: list[Block] = []
    for path in _matrix_paths(d):
        blocks += matrix_blocks(d, d.synthesis, path, level=2)
        blocks += _expert_notes(d, path)
    return Part(d.t("matrices"), d.t("matrices"), tuple(blocks))


def _matrix_paths(d: ReportData) -> list[str]:
    return [path for path, node, _ in d.levels() if node.children]


def matrix_blocks(d: ReportData, synthesis: Synthesis, path: str, level: int) -> list[Block]:
    """A heading, the matrix with W, its λmax/CI/RI/CR table and the verdict line."""
    a = synthesis.nodes[path]
    blocks: list[Block] = [Heading(d.t("matrix", code=d.matrix_code(path), name=d.name(a.node)), level)]
    if a.result is None:
        problem = problem_text(a, d.language)
        return blocks + [Paragraph(d.t("no_judgments") + (d.t("paren", x=problem) if problem else ""), "bad")]
    blocks += matrix_tables(d, synthesis, path)
    r = a.result
    if r.n <= 2:
        blocks.append(Paragraph(d.t("small_line"), "muted"))
    else:
        line = "pass_line" if r.consistent else "fail_line"
        blocks.append(Paragraph(d.t(line, cr=f"{r.cr:.4f}", op=_op(r.consistent, r.strict), limit=f"{r.threshold:.2f}"),
                                "" if r.consistent else "bad"))
    if r.completed is not None:
        blocks.append(Paragraph(d.t("completed_note"), "muted"))
    blocks += [Paragraph(d.t("warning", note=note_text(note, d.language)), "bad") for note in r.warnings]
    return blocks


def matrix_tables(d: ReportData, synthesis: Synthesis, path: str) -> tuple[Table, Table]:
    """The matrix with its weight column W, and the table of λmax, CI, RI, CR and verdict."""
    a: NodeAnalysis = synthesis.nodes[path]
    r = a.result
    codes = d.codes
    kids = [child_path(path, c.id) for c in a.node.children]
    values = r.completed if r.completed is not None else r.matrix
    rows = []
    for i, child in enumerate(a.node.children):
        cells = [Cell(f"{codes[kids[i]]} {d.name(child)}")]
        for j in range(r.n):
            missing = bool(np.isnan(r.matrix[i, j]))
            cells.append(Cell(_judgment(float(values[i, j])) if not missing else f"[{_judgment(float(values[i, j]))}]",
                              mark="completed" if missing else "judgment"))
        cells.append(Cell(float(a.local_weights[i]), "0.0000", "strong"))
        rows.append(tuple(cells))
    header = (codes[path], *(codes[k] for k in kids), d.t("w"))
    verdict = Cell(d.verdict(r.consistent), mark="ok" if r.consistent else "bad")
    stats = Table((d.t("lambda_max"), d.t("ci"), d.t("ri"), d.t("cr"), d.t("verdict")),
                  (row(Cell(r.lambda_max, "0.0000"), Cell(r.ci, "0.0000"), Cell(r.ri, "0.00"), Cell(r.cr, "0.0000"),
                       verdict),),
                  f"stats:{path}")
    return Table(header, tuple(rows), f"matrix:{path}"), stats


def _judgment(value: float) -> str:
    """A judgment as people write it (3, 1/3), or 3 decimals for a combined or completed value."""
    text = format_value(value)
    return text if "/" in text or text.isdigit() else f"{value:.3f}"


def _expert_notes(d: ReportData, path: str) -> list[Block]:
    """Under a combined matrix: how it was combined and which experts fail it on their own."""
    if d.panel is None:
        return []
    node = d.panel.nodes[path]
    notes: list[Block] = [Paragraph(d.t("combined_note", n=int(node.included.sum())), "muted")]
    if node.aggregation_note:
        why = d.t("aip_undetermined") if node.aggregation_note == AIP_UNDETERMINED else node.aggregation_note
        notes.append(Paragraph(d.t("aij_here_note", why=why), "bad"))
    elif node.aggregation_used == "aip":
        notes.append(Paragraph(d.t("aip_note"), "muted"))
    for e in d.experts:
        r = e.synthesis.nodes[path].result
        if r is not None and not r.consistent:
            notes.append(Paragraph(d.t("expert_fails_here", name=e.name, cr=f"{r.cr:.4f}"), "bad"))
    return notes


def ranking_part(d: ReportData) -> Part:
    """层次总排序表: factors as rows, criteria (with their weights a_j) as columns, then the
    overall weight and rank; the hierarchy's consistency; a chart of the overall weights."""
    s = d.synthesis
    codes = d.codes
    goal = s.nodes["goal"]
    criteria = [(c.id, c, float(w)) for c, w in zip(goal.node.children, goal.local_weights, strict=False)]
    header = (d.t("factor"),
              *(d.t("criterion_head", code=codes[cid], name=d.name(c), a=f"{w:.4f}") for cid, c, w in criteria),
              d.t("overall"), d.t("rank"))
    by_path = {leaf.path: leaf for leaf in s.ranking}
    rows = []
    for path, node, _ in d.levels():
        if path not in by_path:
            continue
        leaf = by_path[path]
        top = path.split("/")[0]
        cells = [Cell(f"{codes[path]} {d.name(node)}")]
        for cid, _, w in criteria:
            within = (leaf.local_weight if path.count("/") == 1 else leaf.global_weight / w) if cid == top else None
            cells.append(Cell(within, "0.0000") if within is not None else Cell(""))
        cells += [Cell(leaf.global_weight, "0.0000", "strong"), Cell(leaf.rank)]
        rows.append(tuple(cells))
    blocks: list[Block] = [Table(header, tuple(rows), "ranking"), *_total_consistency(d)]
    ranked = s.ranking
    blocks.append(Chart(d.t("ranking_chart"), tuple(f"{x.rank}. {d.name(x.node)}" for x in ranked),
                        (tuple(x.global_weight for x in ranked),), maximum=max((x.global_weight for x in ranked),
                                                                               default=1.0)))
    return Part(d.t("ranking"), d.t("ranking"), tuple(blocks))


def _total_consistency(d: ReportData) -> list[Block]:
    """The level-wise total CR, the combined test of Chinese textbooks, and every matrix that fails on its own."""
    s = d.synthesis
    test = s.combined
    level_wise = not math.isnan(s.cr_total) and bool(passes(s.cr_total, test.limit, test.strict))
    limit = f"{test.limit:.2f}"
    out: list[Block] = [
        Paragraph(d.t("total_cr", cr=f"{s.cr_total:.4f}", op=_op(level_wise, test.strict), limit=limit,
                      verdict=d.verdict(level_wise)), "" if level_wise else "bad"),
        Paragraph(d.t("combined_cr", terms=" + ".join(f"{cr:.4f}" for cr in test.levels), cr=f"{test.cr:.4f}",
                      op=_op(test.passed, test.strict), limit=limit, verdict=d.verdict(test.passed)),
                  "" if test.passed else "bad"),
    ]
    failing = [d.matrix_code(p) for p, a in s.nodes.items() if a.status != "consistent"]
    failing += [e.name + d.t("paren", x=d.matrix_code(p)) for e in d.experts for p, a in e.synthesis.nodes.items()
                if a.status == "inconsistent"] if d.panel is not None else []
    if failing:
        out.append(Paragraph(d.t("total_but", names=d.t("sep").join(failing)), "bad"))
    return out


def _op(passed: bool, strict: bool) -> str:
    """The comparison a verdict rests on, as printed: <, ≤, ≥ or >."""
    return verdict_operator(passed, strict).replace("<=", "≤").replace(">=", "≥")
