"""The settings screen (``c``): how the numbers are made, saved to the project's ``[settings]``.

One row per setting: the practice (a preset of the next three conventions), the weighting
method, the random index table, the acceptance rule, the lambda_max convention, and the
language. up/down choose a row, left/right (or enter) change its value; each change is saved at
once, and every screen's numbers follow. Choosing a practice brings its preset conventions;
a convention changed afterwards is kept as set, and shown so.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Header, Static

from ahp.tui.screens.base import ProjectScreen
from ahp.tui.texts import t
from ahp.tui.widgets.footer import KeysFooter

#: The settings shown, in order, keyed as in the project file.
ROWS: tuple[str, ...] = ("practice", "method", "random_index", "threshold", "lambda_max", "language")
#: The settings a practice presets.
PRESET = frozenset({"random_index", "threshold", "lambda_max"})


def choices(key: str, current: object) -> tuple[object, ...]:
    """The values a setting cycles through (a threshold set to a number keeps it among them)."""
    from ahp.core.consistency import LAMBDA_MAX_RULES, RI_TABLES, THRESHOLD_RULES
    from ahp.core.practice import PRACTICES
    from ahp.core.weights import METHODS
    from ahp.tui.texts import LANGUAGES

    values: tuple[object, ...] = {
        "practice": PRACTICES, "method": METHODS, "random_index": RI_TABLES, "threshold": THRESHOLD_RULES,
        "lambda_max": LAMBDA_MAX_RULES, "language": LANGUAGES,
    }[key]
    return values if current in values else (*values, current)


def value_text(key: str, value: object, language: str) -> str:
    """A value as the screen shows it: its name, and what it means.

    >>> value_text("threshold", "lt0.10", "en"), value_text("threshold", 0.15, "zh")
    ('lt0.10  CR < 0.10 for every n', '0.15  各阶均为 CR <= 0.15')
    """
    from ahp.io.wording import threshold_label

    if key == "threshold":
        meaning = t(f"setting {value}", language) if value in ("saaty1994", "saaty1980", "lt0.10") else t(
            "setting fixed", language, rule=threshold_label(value))  # type: ignore[arg-type]
        return f"{value:g}  {meaning}" if isinstance(value, float) else f"{value}  {meaning}"
    if key == "random_index":
        from ahp.core.consistency import ri_source

        return f"{value}  {ri_source(str(value))}"
    return f"{value}  {t(f'setting {value}', language)}"


class SettingsScreen(ProjectScreen):
    """The project's settings, one row each; changes are saved at once."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "back"),
        Binding("c", "app.pop_screen", "back", show=False),
        Binding("up", "move(-1)", "setting", key_display="↑↓"),
        Binding("down", "move(1)", "setting", show=False),
        Binding("right", "step(1)", "change", key_display="←→"),
        Binding("left", "step(-1)", "change", show=False),
        Binding("enter", "step(1)", "change", show=False),
    ]
    PALETTE = (
        ("step(1)", "Settings: next value of the chosen setting", "Change the setting under the cursor"),
    )

    def __init__(self) -> None:
        super().__init__()
        self.row = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="settings"):
            yield Static(id="settings-title", classes="caption")
            yield Static(id="settings-rows")
            yield Static(id="settings-help")
        yield KeysFooter()

    def action_move(self, step: int) -> None:
        """Choose the setting above (-1) or below (1)."""
        self.row = (self.row + step) % len(ROWS)
        self.refresh_view()

    def action_step(self, step: int) -> None:
        """Give the chosen setting its next (1) or previous (-1) value, and save."""
        key = ROWS[self.row]
        current = self._current(key)
        values = choices(key, current)
        new = values[(values.index(current) + step) % len(values)]
        s = self.session
        if self.attempt(lambda: s.set_settings(**{key: new}),
                        lambda: t("settings changed", self.language, what=f"{t(f'setting {key}', self.language)} "
                                  f"{value_text(key, new, self.language)}")) is None and key == "language":
            self.app.language = str(new)  # type: ignore[attr-defined]

    def _current(self, key: str) -> object:
        if key == "language":
            return self.language
        return getattr(self.session.project.settings, key)

    def refresh_view(self) -> None:
        """Redraw every row, the chosen one highlighted, with where each convention comes from."""
        lang = self.language
        explicit = self.session.project.settings.explicit
        table = Table(box=None, pad_edge=False, padding=(0, 1), show_header=False, expand=False)
        for column in ("mark", "setting", "value", "origin"):
            table.add_column(column, no_wrap=column != "value", style="dim" if column == "origin" else "")
        for k, key in enumerate(ROWS):
            chosen = k == self.row
            origin = t("setting set" if key in explicit else "setting from practice", lang) if key in PRESET else ""
            table.add_row("▶" if chosen else "", Text(t(f"setting {key}", lang), "bold" if chosen else ""),
                          Text(value_text(key, self._current(key), lang), "reverse" if chosen else ""), origin)
        self.query_one("#settings-title", Static).update(t("settings title", lang))
        self.query_one("#settings-rows", Static).update(table)
        self.query_one("#settings-help", Static).update(Text(t("settings help", lang), "dim"))
