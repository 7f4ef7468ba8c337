"""The risk screen: units ranked by churn-risk index, what to fix first at the one selected
(grouped by who can act: store, head office, external) and its fuzzy comprehensive evaluation.

Churn-risk index = sum over factors of global weight x the grade's intensity, on 0-100 (over the
rated factors; "Rated" is the share of the weight that is rated). The action list orders a unit's
factors by the index points the best grade would save (weight x shortfall).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Header, Static

from ahp.tui.screens.base import ProjectScreen
from ahp.tui.screens.ratings import grade_style
from ahp.tui.texts import t
from ahp.tui.widgets.footer import KeysFooter
from ahp.tui.widgets.pair_table import fit
from ahp.tui.widgets.rendered import rendered
from ahp.tui.widgets.weights import bar

if TYPE_CHECKING:
    from ahp.io.risk import RiskReport, UnitRisk
    from ahp.tui.session import Session

#: Actions listed per unit (the rest are smaller).
ACTIONS_SHOWN = 8


def risk_style(index: float) -> str:
    return "bold #ff005f" if index >= 60 else ("#ff8700" if index >= 45 else ("#d7d700" if index >= 30 else "#87d75f"))


def actions_table(s: Session, report: RiskReport, unit: UnitRisk, lang: str, width: int) -> Table:
    """A unit's factors by index points saved, grouped by who can act (store, head office,
    external): factor, owner, grade, weight, points with a bar."""
    from ahp.io.model import owner_label

    ids = [g.id for g in report.grades]
    name_w = max(14, min(40, width - 54))
    bar_w = max(4, min(20, width - name_w - 40))
    table = Table(box=None, pad_edge=False, padding=(0, 1), show_header=True, header_style="bold", expand=False)
    for name, justify in ((t("factor", lang), "left"), (t("owner", lang), "left"), (t("grade", lang), "left"),
                          (t("global", lang), "right"), (t("gain", lang), "right"), ("", "left")):
        table.add_column(name, justify=justify, no_wrap=True)
    top = max((a.gain for a in unit.actions), default=0.0) or 1.0
    for owner, group in unit.actions_by_owner():
        for a in [a for a in group if a.gain > 0][:ACTIONS_SHOWN]:
            style = grade_style(ids.index(a.grade.id), len(ids))
            table.add_row(fit(a.node.label(lang), name_w), owner_label(owner, lang), Text(a.grade.label(lang), style),
                          f"{a.weight:.3f}", f"{a.gain:.1f}", Text(bar(a.gain / top, bar_w), "cyan"))
    return table


def evaluation_table(report: RiskReport, unit: UnitRisk, lang: str) -> Table:
    """A unit's fuzzy evaluation, whole and by criterion: membership of each grade (B = W o R),
    churn degree, grade of maximum membership."""
    table = Table(box=None, pad_edge=False, padding=(0, 1), show_header=True, header_style="bold", expand=False)
    table.add_column(t("level", lang), no_wrap=True)
    for g in report.grades:
        table.add_column(g.label(lang), justify="right", no_wrap=True)
    table.add_column(t("degree", lang), justify="right", no_wrap=True)
    table.add_column(t("max grade", lang), no_wrap=True)
    rows = [(t("whole unit", lang), unit.evaluation), *((c.node.label(lang), c.evaluation) for c in unit.criteria)]
    for name, e in rows:
        if e is None or e.grade is None:
            continue
        style = grade_style(e.grade, len(report.grades))
        table.add_row(name, *(f"{v:.2f}" for v in e.membership), Text(f"{e.degree:.1f}", risk_style(e.degree)),
                      Text(report.grades[e.grade].label(lang), style))
    return table


class RiskScreen(ProjectScreen):
    """Units by churn-risk index (↑↓ choose one); its action list below; ``t`` rates it.

    The weights are those of the results in scope (the panel comes from a worker if needed).
    """

    BINDINGS = [
        Binding("escape", "app.pop_screen", "back"),
        Binding("k", "app.pop_screen", "back", show=False),
        Binding("t", "rate", "rate"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.report: RiskReport | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="risk-title", classes="caption")
        yield DataTable(id="risk-units", cursor_type="row")
        with VerticalScroll(id="risk-detail"):
            yield Static(id="risk-actions-title", classes="caption")
            yield Static(id="risk-actions")
            yield Static(id="risk-help")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()

    def on_resize(self) -> None:
        self.refresh_view()

    def selected(self) -> UnitRisk | None:
        """The unit under the cursor."""
        table = self.query_one(DataTable)
        if self.report is None or not self.report.units or not table.row_count:
            return None
        return self.report.units[min(table.cursor_row, len(self.report.units) - 1)]

    def refresh_view(self) -> None:
        """Recompute every unit's index (milliseconds) and redraw."""
        s, lang = self.session, self.language
        width = max(50, self.size.width - 4)
        self.query_one("#risk-title", Static).update(t("risk title", lang))
        self.query_one("#risk-help", Static).update(Text(t("risk keys", lang), "dim"))
        table = self.query_one(DataTable)
        if not (s.results_ready() or self.fill_in("panel")):
            table.display = False
            self.query_one("#risk-actions", Static).update(self.computing_text())
            return
        self.report = report = s.risk()
        keep = self.selected().name if self.selected() is not None else (
            s.project.units[s.unit].name if s.project.units else None)
        table.clear(columns=True)
        if not report.units:
            table.display = False
            self.query_one("#risk-actions-title", Static).update("")
            self.query_one("#risk-actions", Static).update(Text(t("no units", lang), "bold yellow"))
            return
        table.display = True
        table.styles.height = min(len(report.units) + 1, max(4, (self.size.height or 24) // 2 - 2))
        name_w = max(12, min(30, width // 3))
        bar_w = max(6, width - name_w - 40)
        table.add_column(t("rank", lang), key="rank")
        table.add_column(t("unit", lang), key="unit", width=name_w)
        table.add_column(t("risk index", lang), key="index")
        table.add_column("", key="bar", width=bar_w)
        table.add_column(t("coverage", lang), key="coverage")
        table.add_column(t("max grade", lang), key="grade")
        for u in report.units:  # the ranked ones, riskiest first, then those apart
            rated = u.coverage > 0
            ranked = u.rank is not None
            k = u.evaluation.grade if u.evaluation is not None else None
            why = Text(t("not ranked", lang, reason=u.reason), "yellow", no_wrap=True, overflow="ellipsis")
            table.add_row(
                Text(str(u.rank) if ranked else "—", justify="right"), fit(u.name, name_w),
                Text(f"{u.index:.1f}" if rated else "—", risk_style(u.index) if rated else "dim", justify="right"),
                Text(bar(u.index / 100, bar_w), risk_style(u.index)) if ranked else why,
                Text(f"{u.coverage:.0%}", justify="right"),
                Text("—", "dim") if k is None
                else Text(report.grades[k].label(lang), grade_style(k, len(report.grades))),
                key=u.name,
            )
        names = [u.name for u in report.units]
        table.move_cursor(row=names.index(keep) if keep in names else 0)
        self._show_actions()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_actions()

    def _show_actions(self) -> None:
        s, lang = self.session, self.language
        unit = self.selected()
        if unit is None or self.report is None:
            return
        width = max(50, self.size.width - 4)
        title = Text(t("actions", lang, name=unit.name))
        if unit.unrated:
            title.append(f" · {t('unrated', lang, n=len(unit.unrated))}", "yellow")
        self.query_one("#risk-actions-title", Static).update(title)
        if not any(a.gain > 0 for a in unit.actions):
            text = Text(t("no actions", lang), "green")
        else:
            text = rendered(actions_table(s, self.report, unit, lang, width), self.app.console, width)
        if unit.rank is None:
            text = Text.assemble((t("not ranked", lang, reason=unit.reason), "bold yellow"), "\n", text)
        if unit.evaluation is not None and unit.evaluation.grade is not None:
            fce = rendered(evaluation_table(self.report, unit, lang), self.app.console, width)
            caption = Text(t("fce", lang, op=self.report.operator_name), "bold")
            text = Text("\n").join([text, Text(""), caption, fce])
        self.query_one("#risk-actions", Static).update(text)

    async def action_rate(self) -> None:
        """Rate the selected unit on the ratings screen."""
        s = self.session
        unit = self.selected()
        index = next((i for i, u in enumerate(s.project.units) if unit is not None and u.name == unit.name), None)
        await self.app.run_action("ratings" if index is None else f"ratings({index})")


__all__ = ["RiskScreen", "actions_table", "evaluation_table", "risk_style"]
