"""The ratings screen: how each unit (store, region, customer segment) does on every churn factor.

One unit at a time (``u`` / ``U`` next / previous, ``n`` add, ``m`` rename, del remove after
asking); one row per churn factor with its global weight and grade. ← → move the grade one step
(toward the best / the worst), 1-5 pick a grade, ``x`` clears it; every change is saved at once
and ctrl+z undoes it. The unit's churn-risk index (0-100) follows every keypress.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Static

from ahp.tui.screens.base import ProjectScreen
from ahp.tui.texts import t
from ahp.tui.widgets.footer import KeysFooter
from ahp.tui.widgets.pair_table import fit

if TYPE_CHECKING:
    from ahp.io.model import Grade
    from ahp.tui.session import Session

#: Grade colours from the best to the worst (spread over however many grades the model has).
GRADE_STYLES = ("bold #00d75f", "#87d75f", "#d7d700", "#ff8700", "bold #ff005f")


def grade_style(k: int, n: int) -> str:
    """The colour of grade ``k`` (0 = best) of ``n``."""
    if n <= 1:
        return GRADE_STYLES[0]
    return GRADE_STYLES[round(k * (len(GRADE_STYLES) - 1) / (n - 1))]


def grade_cells(grades: tuple[Grade, ...], grade_id: str | dict[str, float] | None, lang: str) -> tuple[Text, Text]:
    """The grade's name in its colour, and a small scale ``■■■□□`` (the worse, the longer).

    A rating by counts per grade shows its grade of maximum membership followed by ``~``.
    """
    ids = [g.id for g in grades]
    if isinstance(grade_id, dict):
        counts = [grade_id.get(i, 0) for i in ids]
        k = counts.index(max(counts))
        style = grade_style(k, len(grades))
        bar = Text("■" * (k + 1), style) + Text("□" * (len(grades) - k - 1), "dim")
        return Text(f"{grades[k].label(lang)}~", style), bar
    if grade_id not in ids:
        return Text(t("not rated", lang), "dim"), Text("·" * len(grades), "dim")
    k = ids.index(grade_id)
    style = grade_style(k, len(grades))
    return Text(grades[k].label(lang), style), Text("■" * (k + 1), style) + Text("□" * (len(grades) - k - 1), "dim")


def unit_line(s: Session, lang: str) -> Text:
    """`` Unit ‹ Riverside store › 1/3 · Risk 60.5 · rated 15/15``."""
    units = s.project.units
    u = units[s.unit]
    risk = next((r for r in s.risk().units if r.name == u.name), None)
    leaves = s.leaves()
    rated = sum(p in u.ratings for p in leaves)
    out = Text.assemble((f" {t('unit', lang)} ", "reverse"), " ‹ ", (u.name, "bold"), " › ",
                        f"{s.unit + 1}/{len(units)}")
    if risk is not None and risk.coverage > 0:
        out.append(f" · {t('risk index', lang)} ")
        out.append(f"{risk.index:.1f}", "bold")
    out.append(" · " + t("rated", lang, k=rated, n=len(leaves)))
    return out


class RatingsScreen(ProjectScreen):
    """Rate one unit's churn factors; every change saved at once.

    The weights are those of the results in scope: when they need the panel, it is computed
    in a worker and the screen says "computing…" meanwhile.
    """

    BINDINGS = [
        Binding("escape", "app.pop_screen", "back"),
        Binding("left", "step(-1)", "grade", priority=True, key_display="←→"),
        Binding("right", "step(1)", "→", priority=True, show=False),
        *[Binding(str(k), f"grade({k})", str(k), show=False) for k in range(1, 10)],
        Binding("x", "clear", "clear"),
        Binding("backspace", "clear", "clear", show=False),
        Binding("u", "unit(1)", "unit"),
        Binding("U", "unit(-1)", "previous unit", show=False),
        Binding("n", "add_unit", "add unit"),
        Binding("m", "rename_unit", "rename", show=False),
        Binding("delete", "remove_unit", "remove", key_display="del"),
        Binding("ctrl+z", "undo", "undo"),
        Binding("k", "app.risk", "risk"),
    ]
    PALETTE = (
        ("add_unit", "Add a unit to rate", "A store, region or customer segment, with no ratings yet"),
        ("rename_unit", "Rename the unit", "Give the unit on the ratings screen another name"),
        ("remove_unit", "Remove the unit", "Delete the unit on screen and its ratings (asks first)"),
    )

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="ratings-unit")
        yield DataTable(id="ratings-table", cursor_type="row", zebra_stripes=False)
        yield Static(id="ratings-help")
        yield KeysFooter()

    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple | None = None

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()

    def on_resize(self) -> None:
        self._shown = None
        self.refresh_view()

    def current_factor(self) -> str | None:
        """The churn factor under the cursor."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return self.session.leaves()[table.cursor_row]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action in ("step", "grade", "clear", "unit") and not self.session.project.units)

    def refresh_view(self) -> None:
        """Rebuild the table when the unit, language, weights or size changed; else update the cells."""
        s, lang = self.session, self.language
        table = self.query_one(DataTable)
        grades = s.project.model.grades
        self.query_one("#ratings-help", Static).update(Text(t("ratings keys", lang, g=len(grades)), "dim"))
        ready = s.results_ready() or self.fill_in("panel")
        if not s.project.units or not ready:
            self.query_one("#ratings-unit", Static).update(
                Text(t("no units", lang), "bold yellow") if not s.project.units else self.computing_text())
            table.display = False
            self._shown = None
            self.refresh_bindings()
            return
        table.display = True
        s.unit = max(0, min(s.unit, len(s.project.units) - 1))
        self.query_one("#ratings-unit", Static).update(unit_line(s, lang))
        weights = s.global_weights()
        key = (id(s.project.units[s.unit]), lang, s.version, s.results_respondent(), self.size.width)
        leaves = s.leaves()
        unit = s.project.units[s.unit]
        if key != self._shown:
            row = table.cursor_row if table.row_count else 0
            table.clear(columns=True)
            width = max(60, self.size.width - 2)
            name_w = max(16, min(40, width - 50))
            crit_w = max(8, min(16, width // 8))
            table.add_column(t("factor", lang), key="factor", width=name_w)
            table.add_column(t("criterion", lang), key="criterion", width=crit_w)
            table.add_column(t("global", lang), key="weight", width=max(6, cell_len(t("global", lang))))
            table.add_column(t("grade", lang), key="grade", width=max(6, max(len(g.label(lang)) for g in grades) + 1))
            table.add_column("", key="scale", width=len(grades))
            table.add_column(t("points", lang), key="points", width=5)
            for path in leaves:
                grade, scale = grade_cells(grades, unit.ratings.get(path), lang)
                crit = s.leaf(path.split("/")[0]).label(lang)
                table.add_row(fit(s.leaf(path).label(lang), name_w), fit(crit, crit_w),
                              Text(f"{weights.get(path, 0.0):.3f}", justify="right"), grade, scale,
                              self._points(path, weights), key=path)
            table.move_cursor(row=min(row, len(leaves) - 1))
            self._shown = key
            self.refresh_bindings()
            return
        for path in leaves:
            grade, scale = grade_cells(grades, unit.ratings.get(path), lang)
            table.update_cell(path, "grade", grade)
            table.update_cell(path, "scale", scale)
            table.update_cell(path, "points", self._points(path, weights))

    def _points(self, path: str, weights: dict[str, float]) -> Text:
        """The factor's share of the unit's risk index: 100 x weight x the grade's intensity."""
        s = self.session
        grade = s.project.model.grade(s.project.units[s.unit].ratings.get(path, "")) if s.project.units else None
        if grade is None:
            return Text("", justify="right")
        return Text(f"{100 * weights.get(path, 0.0) * grade.intensity:.1f}", justify="right")

    # -- changing ratings --------------------------------------------------------------------
    def _set(self, grade: str | None) -> None:
        path = self.current_factor()
        if path is None:
            return
        if self.session.set_rating(self.session.unit, path, grade):
            self.changed()

    def action_step(self, direction: int) -> None:
        """Move the grade one step toward the best (-1) or the worst (1); an unrated factor starts in the middle."""
        path = self.current_factor()
        if path is None:
            return
        ids = [g.id for g in self.session.project.model.grades]
        now = self.session.rating(self.session.unit, path)
        k = len(ids) // 2 if now not in ids else max(0, min(len(ids) - 1, ids.index(now) + direction))
        self._set(ids[k])

    def action_grade(self, k: int) -> None:
        """Grade ``k`` (1 = the best)."""
        ids = [g.id for g in self.session.project.model.grades]
        if 1 <= k <= len(ids):
            self._set(ids[k - 1])
        else:
            self.app.bell()

    def action_clear(self) -> None:
        """Leave the factor unrated."""
        self._set(None)

    def action_undo(self) -> None:
        """Undo the last rating change (showing its unit)."""
        where = self.session.undo_rating()
        if where is None:
            self.app.bell()
            return
        unit, path = where
        self.changed()
        self.query_one(DataTable).move_cursor(row=self.session.leaves().index(path))

    def action_unit(self, step: int) -> None:
        """Show the next (1) or previous (-1) unit."""
        n = len(self.session.project.units)
        if n < 2:
            self.app.bell()
            return
        self.session.unit = (self.session.unit + step) % n
        self.refresh_view()

    # -- units -------------------------------------------------------------------------------
    def action_add_unit(self) -> None:
        """Ask for a name, then add a unit to rate and show it."""
        s, lang = self.session, self.language
        self.ask(t("add unit", lang), "add unit help", "", lambda name: self.attempt(
            lambda: s.add_unit(name), lambda: t("unit added", lang, name=s.project.units[s.unit].name)))

    def action_rename_unit(self) -> None:
        """Ask for a new name for the unit on screen."""
        s, lang = self.session, self.language
        if not s.project.units:
            self.app.bell()
            return
        s.unit = max(0, min(s.unit, len(s.project.units) - 1))
        old = s.project.units[s.unit].name
        self.ask(t("rename unit", lang, name=old), "rename unit help", old, lambda new: self.attempt(
            lambda: s.rename_unit(new), lambda: t("unit renamed", lang, old=old, new=s.project.units[s.unit].name)))

    def action_remove_unit(self) -> None:
        """Ask, keep a copy of the file, then remove the unit on screen and its ratings."""
        s, lang = self.session, self.language
        if not s.project.units:
            self.app.bell()
            return
        who = s.project.units[s.unit]

        def remove() -> None:
            if who not in s.project.units:
                return
            kept = self.app.keep_copy(f"remove {who.name}")  # type: ignore[attr-defined]
            if kept is not None:
                s.remove_unit(next(i for i, u in enumerate(s.project.units) if u is who))
                self.changed(t("unit removed", lang, name=who.name, kept=Path(kept).name))

        self.confirm(t("remove unit", lang, name=who.name), t("remove unit help", lang), remove)


__all__ = ["RatingsScreen", "grade_cells", "grade_style", "unit_line"]
