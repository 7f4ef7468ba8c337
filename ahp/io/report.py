"""The report managers read: HTML (one self-contained file), Markdown, or an Excel workbook.

Everything a report shows is gathered once (:func:`gather`): the goal and the settings, the
criteria weights and the factor ranking, each node's consistency, the panel's consensus when
there are several respondents, the sensitivity summary when asked for, and every rated unit's
churn-risk index and action list. Labels come in English or Chinese.

>>> import ahp
>>> data = gather(ahp.load_project("examples/retail-churn-demo.ahp.toml"))
>>> data.ranking[0].path, data.risk.units[0].name
('price/level', 'Riverside store')
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ahp.core.hierarchy import Synthesis
from ahp.io.wording import judgments_source, settings_line

if TYPE_CHECKING:
    from ahp.core.panel import Panel
    from ahp.core.sensitivity import MonteCarlo, OneWay
    from ahp.io.project import Project
    from ahp.io.risk import RiskReport

FORMATS: tuple[str, ...] = ("html", "md", "xlsx")

TEXT = {
    "en": {
        "report": "Churn factor report", "goal": "Goal", "how": "How the numbers were made",
        "how_line": "{how}: {settings}.",
        "criteria": "Criteria weights", "ranking": "Churn factors, by weight", "consistency": "Consistency of the judgments",
        "node": "Node", "n": "n", "cr": "CR", "threshold": "Threshold", "status": "Status", "hierarchy_cr": "Hierarchy CR",
        "factor": "Churn factor", "criterion": "Criterion", "weight": "Weight", "local": "Local weight", "rank": "Rank",
        "consensus": "Agreement between respondents", "overall": "Overall consensus S*", "respondent": "Respondent",
        "distance": "Distance from group", "correlation": "Rank correlation", "disagrees": "Disagrees most on",
        "sensitivity": "How sure is the ranking", "critical": "Smallest change of one weight that changes the top",
        "changes": "What changes", "change": "Change", "swap": "Swap", "top1": "top factor", "topk": "top {k} set",
        "none": "no single weight change alters it", "mc": "Monte Carlo: {draws} draws, seed {seed}",
        "stable": "P(top {k} unchanged)", "interval": "Rank, 90% of draws", "p_rank": "P(same rank)",
        "units": "Churn risk by unit", "unit": "Unit", "risk": "Risk index (0-100)", "coverage": "Rated weight",
        "actions": "What to fix first at {unit}", "grade": "Grade", "gain": "Index points saved at best grade",
        "unrated": "Not rated: {n} factor(s)", "status_consistent": "consistent",
        "status_inconsistent": "inconsistent", "status_incomplete": "incomplete", "overtakes": "{a} overtakes {b}",
    },
    "zh": {
        "report": "客户流失因素报告", "goal": "目标", "how": "计算方法", "how_line": "{how}：{settings}。",
        "criteria": "准则权重", "ranking": "流失因素排序（按权重）", "consistency": "判断一致性",
        "node": "节点", "n": "阶数", "cr": "CR", "threshold": "阈值", "status": "结论", "hierarchy_cr": "层次总排序 CR",
        "factor": "流失因素", "criterion": "准则", "weight": "权重", "local": "局部权重", "rank": "排名",
        "consensus": "受访者之间的一致程度", "overall": "总体共识度 S*", "respondent": "受访者",
        "distance": "与群体的距离", "correlation": "排序相关系数", "disagrees": "分歧最大的因素",
        "sensitivity": "排序的稳健性", "critical": "改变排名前列所需的最小单一权重变化",
        "changes": "变化对象", "change": "变化量", "swap": "交换", "top1": "第一名", "topk": "前 {k} 名",
        "none": "单一权重变化不会改变", "mc": "蒙特卡洛模拟：{draws} 次，随机种子 {seed}",
        "stable": "前 {k} 名不变的概率", "interval": "90% 排名区间", "p_rank": "排名不变的概率",
        "units": "各门店流失风险", "unit": "门店", "risk": "风险指数（0-100）", "coverage": "已评价权重",
        "actions": "{unit}：优先改进事项", "grade": "评价", "gain": "改至最佳可降低的指数",
        "unrated": "未评价：{n} 个因素", "status_consistent": "通过",
        "status_inconsistent": "未通过", "status_incomplete": "不完整", "overtakes": "{a} 超过 {b}",
    },
}


_BANDS_ZH = {"very high": "很高", "high": "高", "moderate": "中等", "low": "低", "very low": "很低"}


@dataclass(frozen=True, eq=False)
class ReportData:
    """Everything a report shows, in one place."""

    project: Project
    synthesis: Synthesis
    ranking: tuple
    panel: Panel | None
    one_way: OneWay | None
    monte_carlo: MonteCarlo | None
    risk: RiskReport
    language: str
    respondent: str | None = None

    def t(self, key: str, **values: object) -> str:
        """A label in the report's language."""
        return TEXT[self.language][key].format(**values)

    def name(self, node) -> str:
        """A node's name in the report's language."""
        return node.label(self.language)

    def path_name(self, path: str) -> str:
        """The name, in the report's language, of the node at ``path``."""
        tree = self.project.model.root.layout
        return tree.nodes[tree.index[path]].label(self.language)

    def band(self, band: str) -> str:
        """Goepel's consensus words in the report's language."""
        return _BANDS_ZH[band] if self.language == "zh" else band

    @property
    def settings(self) -> str:
        """The line naming method, RI table, threshold and whose judgments."""
        return settings_line(self.synthesis, judgments_source(self.project, self.respondent, self.language), self.language)


def gather(
    project: Project, language: str = "en", draws: int | None = None, seed: int = 0, respondent: str | None = None,
) -> ReportData:
    """Compute what the report shows; ``draws`` adds the sensitivity summary (0: tipping points only).

    ``respondent`` reports one person's judgments; by default all respondents are combined
    (and the panel's consensus is shown).
    """
    panel = project.panel(suggestions=0) if respondent is None and len(project.respondents) > 1 else None
    synthesis = panel.synthesis if panel is not None else project.synthesize(respondent, suggestions=0)
    one_way = mc = None
    if draws is not None:
        one_way = project.sensitivity(respondent)
        mc = project.monte_carlo(respondent, draws=draws, seed=seed) if draws > 0 else None
    from ahp.io.risk import risk_report

    return ReportData(project, synthesis, synthesis.ranking, panel, one_way, mc, risk_report(project, synthesis), language,
                      respondent)


# -- HTML ------------------------------------------------------------------------------------
_CSS = """
body{font-family:"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei","PingFang SC",system-ui,sans-serif;
margin:2rem auto;max-width:60rem;color:#1d2430;line-height:1.45;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:2px solid #dde3ea;padding-bottom:.2rem}
h3{font-size:1rem;margin-top:1.2rem}.muted{color:#5b6675;font-size:.9rem}
table{border-collapse:collapse;margin:.6rem 0;font-size:.9rem}th,td{padding:.25rem .6rem;border-bottom:1px solid #e6eaef;text-align:left}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}.bad{color:#b42318;font-weight:600}.ok{color:#067647}
.warn{color:#b54708}svg{display:block;margin:.5rem 0}svg text{font-size:12px;fill:#1d2430}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def svg_bars(labels: list[str], values: list[float], *, fmt: str = "{:.3f}", colour: str = "#3b6fb6", maximum: float | None = None) -> str:
    """A horizontal bar chart as inline SVG (no scripts, no external references)."""
    top = maximum if maximum is not None else max(values, default=1.0) or 1.0
    label_w, bar_w, row_h = 300, 340, 22
    height = row_h * len(labels) + 6
    rows = []
    for i, (label, v) in enumerate(zip(labels, values)):
        y = 3 + i * row_h
        w = max(0.0, bar_w * v / top)
        rows.append(
            f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end">{_e(label)}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row_h - 8}" rx="2" fill="{colour}"/>'
            f'<text x="{label_w + w + 6:.1f}" y="{y + 15}">{_e(fmt.format(v))}</text>'
        )
    return (f'<svg width="{label_w + bar_w + 70}" height="{height}" role="img">'
            + "".join(rows) + "</svg>")


def _table(header: list[str], rows: list[list[str]], numeric: set[int] = frozenset()) -> str:
    head = "".join(f'<th class="num">{_e(h)}</th>' if k in numeric else f"<th>{_e(h)}</th>" for k, h in enumerate(header))
    body = "".join(
        "<tr>" + "".join(f'<td class="num">{c}</td>' if k in numeric else f"<td>{c}</td>" for k, c in enumerate(r)) + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render_html(d: ReportData) -> str:
    """One self-contained HTML file: inline CSS and SVG, nothing fetched from anywhere."""
    p, s = d.project, d.synthesis
    goal = s.nodes["goal"]
    parts = [
        f'<!DOCTYPE html><html lang="{"zh-CN" if d.language == "zh" else "en"}"><head><meta charset="utf-8">',
        f"<title>{_e(p.title or d.t('report'))}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_e(p.title or d.t('report'))}</h1>",
        f'<p>{_e(d.t("goal"))}: <strong>{_e(d.name(p.model.root))}</strong></p>',
        f'<p class="muted">{_e(d.t("how_line", how=d.t("how"), settings=d.settings))}</p>',
        f"<h2>{_e(d.t('criteria'))}</h2>",
        svg_bars([d.name(c) for c in goal.node.children], [float(w) for w in goal.local_weights], colour="#5a8f29"),
        f"<h2>{_e(d.t('ranking'))}</h2>",
        svg_bars([f"{leaf.rank}. {d.name(leaf.node)}" for leaf in d.ranking], [leaf.global_weight for leaf in d.ranking]),
        f"<h2>{_e(d.t('consistency'))}</h2>",
    ]
    rows = []
    for a in s.nodes.values():
        cls = {"consistent": "ok", "inconsistent": "bad", "incomplete": "warn"}[a.status]
        r = a.result
        rows.append([_e(d.name(a.node)), str(len(a.node.children)), f"{r.cr:.4f}" if r else "-",
                     f"{r.threshold:.2f}" if r else "-", f'<span class="{cls}">{_e(d.t("status_" + a.status))}</span>'])
    parts.append(_table([d.t("node"), d.t("n"), d.t("cr"), d.t("threshold"), d.t("status")], rows, {1, 2, 3}))
    parts.append(f'<p class="muted">{_e(d.t("hierarchy_cr"))}: {s.cr_total:.4f}</p>')
    if d.panel is not None:
        parts.append(_html_panel(d))
    if d.one_way is not None:
        parts.append(_html_sensitivity(d))
    if d.risk.units:
        parts.append(_html_risk(d))
    parts.append("</body></html>")
    return "\n".join(parts)


def _html_panel(d: ReportData) -> str:
    pn = d.panel
    nodes = d.project.inner
    rows = [[_e(d.name(nodes[path])), f"{node.consensus:.3f}", _e(d.band(node.band))] for path, node in pn.nodes.items()]
    people = [
        [_e(r.name), f"{pn.distance[i]:.3f}", f"{pn.correlation[i]:.2f}"]
        for i, r in enumerate(d.project.respondents)
    ]
    return (f"<h2>{_e(d.t('consensus'))}</h2><p>{_e(d.t('overall'))}: <strong>{pn.consensus:.3f}</strong> ({_e(d.band(pn.band))})</p>"
            + _table([d.t("node"), "S*", ""], rows, {1})
            + _table([d.t("respondent"), d.t("distance"), d.t("correlation")], people, {1, 2}))


def _critical_rows(d: ReportData) -> list[list[str]]:
    rows = []
    for k, t in d.one_way.critical.items():
        what = d.t("top1") if k == 1 else d.t("topk", k=k)
        if t is None:
            rows.append([what, "-", "-", d.t("none")])
        else:
            rows.append([what, d.path_name(t.node), f"{t.current:.3f} → {t.weight:.3f}",
                         d.t("overtakes", a=d.path_name(t.swap[1]), b=d.path_name(t.swap[0]))])
    return rows


def _html_sensitivity(d: ReportData) -> str:
    out = [f"<h2>{_e(d.t('sensitivity'))}</h2><h3>{_e(d.t('critical'))}</h3>",
           _table([d.t("changes"), d.t("node"), d.t("change"), d.t("swap")], [[_e(c) for c in r] for r in _critical_rows(d)])]
    mc = d.monte_carlo
    if mc is not None:
        order = sorted(range(len(mc.leaves)), key=lambda k: mc.baseline_rank[k])[:10]
        rows = [[str(mc.baseline_rank[k]), _e(d.path_name(mc.leaves[k])), f"{mc.rank_probabilities[k, mc.baseline_rank[k] - 1]:.2f}",
                 f"{mc.rank_interval[k][0]}–{mc.rank_interval[k][1]}"] for k in order]
        stable = ", ".join(f"{d.t('stable', k=k)} {p:.2f}" for k, p in mc.top_stable.items())
        out += [f"<h3>{_e(d.t('mc', draws=mc.draws, seed=mc.seed))}</h3>",
                _table([d.t("rank"), d.t("factor"), d.t("p_rank"), d.t("interval")], rows, {0, 2, 3}),
                f'<p class="muted">{_e(stable)}</p>']
    return "".join(out)


def _html_risk(d: ReportData) -> str:
    units = d.risk.units
    out = [f"<h2>{_e(d.t('units'))}</h2>",
           svg_bars([u.name for u in units], [u.index for u in units], fmt="{:.1f}", colour="#c4320a", maximum=100.0)]
    rows = [[str(u.rank), _e(u.name), f"{u.index:.1f}", f"{100 * u.coverage:.0f}%"] for u in units]
    out.append(_table([d.t("rank"), d.t("unit"), d.t("risk"), d.t("coverage")], rows, {0, 2, 3}))
    for u in units:
        rows = [[_e(d.name(a.node)), _e(a.grade.label(d.language)), f"{a.weight:.3f}", f"{a.gain:.2f}"] for a in u.actions[:5]]
        out.append(f"<h3>{_e(d.t('actions', unit=u.name))}</h3>")
        out.append(_table([d.t("factor"), d.t("grade"), d.t("weight"), d.t("gain")], rows, {2, 3}))
        if u.unrated:
            out.append(f'<p class="muted">{_e(d.t("unrated", n=len(u.unrated)))}</p>')
    return "".join(out)


# -- Markdown --------------------------------------------------------------------------------
def _md(text: object) -> str:
    return str(text).replace("|", "\\|")


def _md_table(header: list[str], rows: list[list[str]], numeric: set[int] = frozenset()) -> list[str]:
    align = ["---:" if k in numeric else "---" for k in range(len(header))]
    return ["| " + " | ".join(map(_md, header)) + " |", "|" + "|".join(align) + "|",
            *("| " + " | ".join(map(_md, r)) + " |" for r in rows), ""]


def render_markdown(d: ReportData) -> str:
    """The same tables as the HTML report, as Markdown text."""
    p, s = d.project, d.synthesis
    goal = s.nodes["goal"]
    out = [f"# {_md(p.title or d.t('report'))}", "", f"{d.t('goal')}: **{_md(d.name(p.model.root))}**", "",
           d.t("how_line", how=d.t("how"), settings=d.settings), "", f"## {d.t('criteria')}", ""]
    out += _md_table([d.t("criterion"), d.t("weight")],
                     [[d.name(c), f"{w:.4f}"] for c, w in zip(goal.node.children, goal.local_weights)], {1})
    out += [f"## {d.t('ranking')}", ""]
    out += _md_table([d.t("rank"), d.t("factor"), d.t("local"), d.t("weight")],
                     [[str(x.rank), d.name(x.node), f"{x.local_weight:.4f}", f"{x.global_weight:.4f}"] for x in d.ranking],
                     {0, 2, 3})
    out += [f"## {d.t('consistency')}", ""]
    out += _md_table([d.t("node"), d.t("n"), d.t("cr"), d.t("threshold"), d.t("status")], [
        [d.name(a.node), str(len(a.node.children)), f"{a.result.cr:.4f}" if a.result else "-",
         f"{a.result.threshold:.2f}" if a.result else "-", d.t("status_" + a.status)] for a in s.nodes.values()
    ], {1, 2, 3})
    out += [f"{d.t('hierarchy_cr')}: {s.cr_total:.4f}", ""]
    if d.panel is not None:
        pn = d.panel
        out += [f"## {d.t('consensus')}", "", f"{d.t('overall')}: **{pn.consensus:.3f}** ({d.band(pn.band)})", ""]
        out += _md_table([d.t("node"), "S*", ""],
                         [[d.name(p.inner[path]), f"{n.consensus:.3f}", d.band(n.band)] for path, n in pn.nodes.items()], {1})
        out += _md_table([d.t("respondent"), d.t("distance"), d.t("correlation")],
                         [[r.name, f"{pn.distance[i]:.3f}", f"{pn.correlation[i]:.2f}"] for i, r in enumerate(p.respondents)], {1, 2})
    if d.one_way is not None:
        out += [f"## {d.t('sensitivity')}", "", f"### {d.t('critical')}", ""]
        out += _md_table([d.t("changes"), d.t("node"), d.t("change"), d.t("swap")], _critical_rows(d))
        mc = d.monte_carlo
        if mc is not None:
            order = sorted(range(len(mc.leaves)), key=lambda k: mc.baseline_rank[k])[:10]
            out += [f"### {d.t('mc', draws=mc.draws, seed=mc.seed)}", ""]
            out += _md_table([d.t("rank"), d.t("factor"), d.t("p_rank"), d.t("interval")], [
                [str(mc.baseline_rank[k]), d.path_name(mc.leaves[k]), f"{mc.rank_probabilities[k, mc.baseline_rank[k] - 1]:.2f}",
                 f"{mc.rank_interval[k][0]}-{mc.rank_interval[k][1]}"] for k in order], {0, 2})
            out += [", ".join(f"{d.t('stable', k=k)} {v:.2f}" for k, v in mc.top_stable.items()), ""]
    if d.risk.units:
        out += [f"## {d.t('units')}", ""]
        out += _md_table([d.t("rank"), d.t("unit"), d.t("risk"), d.t("coverage")],
                         [[str(u.rank), u.name, f"{u.index:.1f}", f"{100 * u.coverage:.0f}%"] for u in d.risk.units], {0, 2, 3})
        for u in d.risk.units:
            out += [f"### {d.t('actions', unit=u.name)}", ""]
            out += _md_table([d.t("factor"), d.t("grade"), d.t("weight"), d.t("gain")],
                             [[d.name(a.node), a.grade.label(d.language), f"{a.weight:.3f}", f"{a.gain:.2f}"] for a in u.actions[:5]], {2, 3})
    return "\n".join(out)


# -- Excel -----------------------------------------------------------------------------------
def write_xlsx(d: ReportData, path: str) -> None:
    """The report's tables on sheets of an Excel workbook (needs openpyxl: ``pip install 'ahp[xlsx]'``).

    Written to a temporary file beside ``path`` and renamed into place, so a reader never sees
    half a workbook.
    """
    try:
        from openpyxl import Workbook
    except ImportError:
        from ahp.errors import AHPError

        raise AHPError("writing .xlsx needs openpyxl: pip install 'ahp[xlsx]'") from None
    p, s = d.project, d.synthesis
    wb = Workbook()
    ws = wb.active
    ws.title = "Summary"
    for row in ([d.t("report"), p.title], [d.t("goal"), d.name(p.model.root)], [d.t("how"), d.settings],
                [d.t("hierarchy_cr"), s.cr_total]):
        ws.append(row)
    goal = s.nodes["goal"]
    sheets = {
        "Criteria": ([d.t("criterion"), "id", d.t("weight")],
                     [[d.name(c), c.id, float(w)] for c, w in zip(goal.node.children, goal.local_weights)]),
        "Ranking": ([d.t("rank"), "path", d.t("factor"), d.t("local"), d.t("weight")],
                    [[x.rank, x.path, d.name(x.node), x.local_weight, x.global_weight] for x in d.ranking]),
        "Consistency": ([d.t("node"), "path", d.t("n"), d.t("cr"), d.t("threshold"), d.t("status")],
                        [[d.name(a.node), a.path, len(a.node.children), a.result.cr if a.result else None,
                          a.result.threshold if a.result else None, a.status] for a in s.nodes.values()]),
    }
    if d.panel is not None:
        sheets["Consensus"] = (["path", "S*", "band"], [[path, n.consensus, n.band] for path, n in d.panel.nodes.items()])
    if d.one_way is not None:
        sheets["Sensitivity"] = ([d.t("changes"), d.t("node"), d.t("change"), d.t("swap")], _critical_rows(d))
    if d.monte_carlo is not None:
        mc = d.monte_carlo
        sheets["Monte Carlo"] = (["path", "baseline rank", "P(same rank)", "rank 5%", "rank 95%"], [
            [leaf, int(mc.baseline_rank[k]), float(mc.rank_probabilities[k, mc.baseline_rank[k] - 1]),
             int(mc.rank_interval[k][0]), int(mc.rank_interval[k][1])] for k, leaf in enumerate(mc.leaves)])
    if d.risk.units:
        sheets["Units"] = ([d.t("rank"), d.t("unit"), d.t("risk"), d.t("coverage")],
                           [[u.rank, u.name, u.index, u.coverage] for u in d.risk.units])
        sheets["Actions"] = ([d.t("unit"), "path", d.t("factor"), d.t("grade"), d.t("weight"), d.t("gain")], [
            [u.name, a.path, d.name(a.node), a.grade.id, a.weight, a.gain] for u in d.risk.units for a in u.actions])
    for title, (header, rows) in sheets.items():
        sheet = wb.create_sheet(title)
        sheet.append(header)
        for row in rows:
            sheet.append(row)
    import os
    import tempfile

    fd, tmp = tempfile.mkstemp(suffix=".xlsx", dir=os.path.dirname(os.path.abspath(path)))
    os.close(fd)
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
