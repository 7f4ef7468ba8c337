"""Every expert: CR per judgment matrix with failures marked, how many questions they answered
(the rest completed by the project's method), their own top factors, the panel's consensus per
matrix, and (in the appendix) each expert's judgment matrices.

>>> import ahp
>>> from ahp.io.report.data import gather
>>> d = gather(ahp.load_project("examples/retail-churn-demo.ahp.toml"), "zh")
>>> t = experts_part(d).blocks[0]
>>> t.header[:3], t.rows[0][-1].text
(('专家', 'A-B', 'B1-C'), '全部通过')
"""

from __future__ import annotations

from ahp.core.panel import ALL_EXCLUDED, ONE_DETERMINES, UNDETERMINED, PanelNode
from ahp.io.interview import question_count
from ahp.io.report.data import ReportData
from ahp.io.report.document import Block, Cell, Heading, Paragraph, Part, Table, row
from ahp.io.report.matrices import matrix_blocks

_TOP = 3
#: The report's words for each reason a matrix has no consensus.
_NO_CONSENSUS = {UNDETERMINED: "no_consensus_none", ONE_DETERMINES: "no_consensus_one",
                 ALL_EXCLUDED: "no_consensus_excluded"}


def experts_part(d: ReportData) -> Part:
    """CR of every expert at every matrix, who fails where, top factors, and the consensus."""
    paths = [path for path, node, _ in d.levels() if node.children]
    rows, failures = [], []
    for e in d.experts:
        cells, where = [Cell(e.name)], []
        for path in paths:
            r = e.synthesis.nodes[path].result
            if r is None:
                cells.append(Cell(d.t("incomplete"), mark="bad"))
                where.append(d.matrix_code(path) + d.t("paren", x=d.t("incomplete")))
                continue
            cells.append(Cell(r.cr, "0.0000", "" if r.consistent else "bad"))
            if not r.consistent:
                where.append(f"{d.matrix_code(path)} (CR {r.cr:.4f} > {r.threshold:.2f})")
        test = e.synthesis.combined
        if not where and not test.passed:  # the whole fails while every matrix passes
            where.append(d.t("combined_fails", cr=f"{test.cr:.4f}", limit=f"{test.limit:.2f}"))
        cells.append(Cell(d.t("all_pass"), mark="ok") if not where else Cell(d.t("failing", n=len(where)), mark="bad"))
        rows.append(tuple(cells))
        if where:
            failures.append(Paragraph(d.t("fails_list", name=e.name, where=d.t("sep").join(where)), "bad"))
    header = (d.t("expert"), *(d.matrix_code(p) for p in paths), d.t("verdict"))
    blocks: list[Block] = [Table(header, tuple(rows), "expert_cr")]
    blocks += failures or [Paragraph(d.t("everyone_passes"))]
    blocks += [Heading(d.t("answered")), *_answered(d)]
    blocks += [Heading(d.t("top")), _top_factors(d)]
    if d.panel is not None:
        blocks += _consensus(d, paths)
    return Part(d.t("experts"), d.t("experts"), tuple(blocks))


def _answered(d: ReportData) -> list[Paragraph]:
    """How many of the interview's questions each expert answered, and what completed the rest."""
    n = question_count(d.project)
    method = d.t(f"by_{d.project.settings.completion}")
    out = []
    for e in d.experts:
        judgments = d.project.respondents[d.project.respondent_index(e.name)].judgments
        k = sum(len(pairs) for pairs in judgments.values())
        if k == n:
            out.append(Paragraph(d.t("answered_all", name=e.name, n=n)))
        else:
            out.append(Paragraph(d.t("answered_some", name=e.name, k=k, n=n, m=n - k, method=method)))
    return out


def _top_factors(d: ReportData) -> Table:
    words = [d.t("first"), d.t("second"), d.t("third")][:_TOP]
    rows = []
    for e in d.experts:
        # the panel's view of each expert: their weights, the group's where theirs are undetermined
        if d.panel is not None:
            k = [r.name for r in d.project.respondents].index(e.name)
            mine = sorted(zip(d.panel.global_weights[k], d.panel.leaves, strict=False), reverse=True)[:_TOP]
            top = [(d.path_name(path), float(w)) for w, path in mine]
        else:
            top = [(d.name(x.node), x.global_weight) for x in e.synthesis.ranking[:_TOP]]
        rows.append(row(e.name, *(name + d.t("paren", x=f"{w:.4f}") for name, w in top)))
    return Table((d.t("expert"), *words), tuple(rows), "expert_top")


def _consensus(d: ReportData, paths: list[str]) -> list[Block]:
    pn = d.panel
    nodes = tuple(row(f"{d.matrix_code(p)} {d.path_name(p)}", Cell(pn.nodes[p].consensus, "0.000"),
                      _band_or_why(d, pn.nodes[p])) for p in paths)
    index = {r.name: k for k, r in enumerate(d.project.respondents)}
    people = tuple(row(e.name, Cell(float(pn.distance[index[e.name]]), "0.000"),
                       Cell(float(pn.correlation[index[e.name]]), "0.00")) for e in d.experts)
    return [Heading(d.t("consensus")), Paragraph(_overall(d)),
            Table((d.t("matrices"), d.t("s_star"), d.t("band")), nodes, "consensus"),
            Table((d.t("expert"), d.t("distance"), d.t("correlation")), people, "distance")]


def _overall(d: ReportData) -> str:
    """The overall consensus, naming the matrices it leaves out (no consensus there); or that there is none."""
    pn = d.panel
    if pn.consensus is None:
        return d.t("consensus_none")
    s, band = f"{pn.consensus:.3f}", d.t(f"band_{pn.band}")
    if not pn.consensus_left_out:
        return d.t("consensus_overall", s=s, band=band)
    nodes = d.t("sep").join(f"{d.matrix_code(p)} {d.path_name(p)}" for p in pn.consensus_left_out)
    return d.t("consensus_overall_without", s=s, band=band, nodes=nodes)


def _band_or_why(d: ReportData, node: PanelNode) -> Cell:
    """A matrix's consensus band, or why it has no consensus."""
    if node.consensus is None:
        return Cell(d.t(_NO_CONSENSUS[node.consensus_reason]), mark="bad")
    return Cell(d.t(f"band_{node.band}"))


def appendix_part(d: ReportData) -> Part:
    """Each expert's own judgment matrices with λmax, CI, RI, CR and verdict."""
    blocks: list[Block] = []
    for e in d.experts:
        blocks.append(Heading(d.t("appendix_expert", name=e.name), 2))
        for path, node, _ in d.levels():
            if node.children:
                blocks += matrix_blocks(d, e.synthesis, path, level=3)
    return Part(d.t("appendix"), d.t("appendix_sheet"), tuple(blocks))
