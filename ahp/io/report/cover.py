"""The first part of the report: who, when, how the numbers were made, and what each factor means.

>>> import ahp
>>> from ahp.io.report.data import gather
>>> part = overview(gather(ahp.load_project("examples/retail-churn-demo.ahp.toml"), "zh"))
>>> part.sheet, [b.key for b in part.blocks if isinstance(b, Table)]
('概况', ['facts', 'participants', 'method', 'ri', 'definitions'])
"""

from __future__ import annotations

from ahp.core.consistency import ri_table_name
from ahp.io.report.data import ReportData
from ahp.io.report.document import Block, Cell, Heading, Paragraph, Part, Table, row
from ahp.io.report.texts import RI_SOURCES


def overview(d: ReportData) -> Part:
    """Cover facts, participants, the method statement with its RI values, and the definitions."""
    p = d.project
    title = p.title or d.t("report")
    facts = [(d.t("title"), title), (d.t("client"), d.client or d.t("unnamed")),
             (d.t("consultant"), d.consultant or d.t("unnamed")), (d.t("date"), d.date),
             (d.t("goal"), d.name(p.model.root))]
    blocks: list[Block] = [Table((d.t("facts"), ""), tuple(row(k, v) for k, v in facts), "facts")]
    total = sum(e.weight for e in d.experts) or 1.0
    blocks += [Heading(d.t("participants")),
               Table((d.t("expert"), d.t("weight"), d.t("share")),
                     tuple(row(e.name, Cell(e.weight, "0.00"), Cell(e.weight / total, "0%")) for e in d.experts),
                     "participants")]
    if d.panel is not None and d.panel.left_out:
        respondents = d.project.respondents
        names = d.t("sep").join(
            d.t("left_out_one", name=respondents[r].name, why=d.t("why_" + why)) for r, why in d.panel.left_out
        )
        blocks.append(Paragraph(d.t("left_out", names=names), "bad"))
    blocks.append(Table((d.t("method"), ""), tuple(row(k, v) for k, v in _method(d)), "method"))
    sizes = sorted({a.result.n: a.result for a in d.synthesis.nodes.values() if a.result is not None}.items())
    blocks.append(Table((d.t("ri_n"), d.t("ri_value"), d.t("threshold_value")),
                        tuple(row(n, Cell(r.ri, "0.00"), Cell(r.threshold, "0.00")) for n, r in sizes), "ri"))
    blocks += [Heading(d.t("definitions")), _definitions(d)]
    return Part(d.t("overview"), d.t("overview"), tuple(blocks))


def _method(d: ReportData) -> list[tuple[str, str]]:
    s = d.project.settings
    used = d.synthesis.settings
    rule = used["threshold"]
    threshold = d.t(f"threshold_{rule}") if isinstance(rule, str) else d.t("threshold_fixed", value=rule)
    if len(d.experts) == 1 or d.panel is None:
        how = d.t("agg_one", name=d.experts[0].name if d.experts else d.t("unnamed"))
    else:
        n = len(d.experts)
        how = d.t("agg_aij", n=n) if s.aggregation == "aij" else d.t("agg_aip", n=n, mean=d.t(f"mean_{s.aip_mean}"))
        how += ("; " if d.language == "en" else "；") + d.t(f"policy_{s.inconsistent}")
    return [
        (d.t("practice_rule"), d.t(f"practice_{s.practice}")),
        (d.t("priority_method"), d.t(f"method_{s.method}")),
        (d.t("lambda_rule"), d.t(f"lambda_{used['lambda_max']}")),
        (d.t("ri_rule"), d.t("ri_text", table=RI_SOURCES[d.language][ri_table_name(str(used["random_index"]))])),
        (d.t("threshold_rule"), threshold),
        (d.t("aggregation_rule"), how),
        (d.t("completion_rule"), d.t(f"completion_{s.completion}")),
    ]


def _definitions(d: ReportData) -> Table:
    codes = d.codes
    rows = tuple(
        row(codes[path], d.t("level_goal" if depth == 0 else "level_criterion" if node.children else "level_factor"),
            d.name(node), d.description(node))
        for path, node, depth in d.levels()
    )
    return Table((d.t("code"), d.t("level"), d.t("name"), d.t("description")), rows, "definitions")
