"""The selected node's pairs, two lines each: the two elements, then the 9..1..9 scale.

The table draws only the rows that fit and keeps the cursor row in view, so it needs no
scrolling container (whose arrow-key bindings would fight the judgment keys).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from ahp.core.scale import intensity, verbal
from ahp.tui.scale import CELLS, DIGITS, cell_of
from ahp.tui.texts import t

SCALE_WIDTH = CELLS * 2 - 1


@dataclass(frozen=True)
class PairRow:
    """What one row shows: the left and right element names and the judgment (``None``: missing)."""

    left: str
    right: str
    value: float | None


def fit(text: str, width: int) -> Text:
    """``text`` cut to ``width`` terminal cells with an ellipsis (wide characters count 2)."""
    out = Text(text, no_wrap=True)
    if cell_len(text) > width:
        out.truncate(max(width, 0), overflow="ellipsis")
    return out


def value_label(value: float | None, language: str) -> str:
    """``◀ moderate``, ``equal`` or ``strong ▶``: the verbal label pointing at the favoured side."""
    if value is None:
        return t("missing", language)
    words = verbal(value, language)
    if intensity(value) < 1 + 1e-9:
        return words
    return f"◀ {words}" if value > 1 else f"{words} ▶"


def scale_line(value: float | None, marked: str, plain: str) -> Text:
    """The 17 digits ``9 8 .. 1 .. 8 9`` with the judgment's cell in the ``marked`` style."""
    line = Text(no_wrap=True)
    chosen = None if value is None else cell_of(value)
    for c, digit in enumerate(DIGITS):
        if c:
            line.append(" ", plain)
        line.append(str(digit), marked if c == chosen else plain)
    return line


class PairTable(Widget, can_focus=True):
    """The judgments of one node; up/down move the cursor, which posts :class:`CursorMoved`.

    A Line API widget: each row is two lines, rendered on demand, and a change repaints only
    the rows that differ (a judgment key repaints one row, not the table).
    """

    COMPONENT_CLASSES = {"pair-table--cursor", "pair-table--value", "pair-table--scale", "pair-table--label"}
    BINDINGS = [
        Binding("up", "cursor(-1)", "Pair ↑", show=False),
        Binding("down", "cursor(1)", "Pair ↓", show=False),
        Binding("home", "cursor_to(0)", show=False),
        Binding("end", "cursor_to(-1)", show=False),
    ]

    class CursorMoved(Message):
        """The cursor moved to row ``index``."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.rows: list[PairRow] = []
        self.cursor = 0
        self.language = "en"
        self._top = 0
        self._last: tuple[tuple, list[Strip]] | None = None
        self._style_cache: tuple[tuple, tuple] | None = None

    def show(self, rows: list[PairRow], cursor: int | None = None, language: str | None = None) -> None:
        """Replace the rows (and optionally the cursor and language); repaint the rows that changed."""
        old_rows, old_cursor, old_language = self.rows, self.cursor, self.language
        self.rows = rows
        if language is not None:
            self.language = language
        if cursor is not None:
            self.cursor = cursor
        self.cursor = max(0, min(self.cursor, len(rows) - 1))
        if len(old_rows) != len(rows) or old_language != self.language:
            self._scroll_to_cursor()
            self.refresh()
            return
        changed = {i for i, (a, b) in enumerate(zip(old_rows, rows, strict=False)) if a != b}
        if old_cursor != self.cursor:
            changed |= {old_cursor, self.cursor}
        self._repaint(changed)

    def action_cursor(self, delta: int) -> None:
        """Move the cursor up or down one pair."""
        self.move_to(self.cursor + delta)

    def action_cursor_to(self, index: int) -> None:
        """Jump to the first (0) or last (-1) pair."""
        self.move_to(index % max(len(self.rows), 1))

    def move_to(self, index: int) -> None:
        """Put the cursor on row ``index`` (clamped) and tell the screen."""
        index = max(0, min(index, len(self.rows) - 1))
        if index != self.cursor:
            old, self.cursor = self.cursor, index
            self._repaint({old, index})
            self.post_message(self.CursorMoved(index))

    # -- drawing ---------------------------------------------------------------------------
    def _per_page(self) -> int:
        return max(1, self.size.height // 2)

    def _scroll_to_cursor(self) -> bool:
        """Move the window of visible rows so the cursor shows; returns whether it moved."""
        per_page = self._per_page()
        top = self._top
        if self.cursor < top:
            top = self.cursor
        elif self.cursor >= top + per_page:
            top = self.cursor - per_page + 1
        top = max(0, min(top, max(0, len(self.rows) - per_page)))
        moved, self._top = top != self._top, top
        return moved

    def _repaint(self, rows: set[int]) -> None:
        """Repaint only ``rows`` (all of them if the window of visible rows moved)."""
        if self._scroll_to_cursor():
            self.refresh()
            return
        width = self.size.width
        for i in rows:
            if self._top <= i < self._top + self._per_page():
                self.refresh(Region(0, 2 * (i - self._top), width, 2))

    def on_resize(self) -> None:
        self._scroll_to_cursor()
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        i = self._top + y // 2
        base = self.rich_style
        if i >= len(self.rows) or width <= 0 or y >= 2 * self._per_page():
            return Strip.blank(width, base)
        key = (self.rows[i], i == self.cursor, width, self.has_focus, base)
        if self._last is None or self._last[0] != key:  # a row's two lines are asked for in turn
            strips = []
            for line in self._row_lines(self.rows[i], i == self.cursor, width):
                line.stylize_before(base)
                strips.append(Strip(line.render(self.app.console), line.cell_len))
            self._last = (key, strips)
        return self._last[1][y % 2]

    def _row_lines(self, row: PairRow, here: bool, width: int) -> tuple[Text, Text]:
        """The names line and the scale line of one row, ``width`` cells each."""
        marked, plain, label_style, cursor_style = self._styles()
        pointer = "▶ " if here else "  "
        span = SCALE_WIDTH if cell_len(row.left) + cell_len(row.right) + 2 <= SCALE_WIDTH else width - 2
        half = max(1, (span - 2) // 2)
        left, right = fit(row.left, half), fit(row.right, half)
        names = Text(pointer, no_wrap=True, end="") + left
        names.append(" " * max(1, span - left.cell_len - right.cell_len))
        names += right
        scale = Text("  ", no_wrap=True, end="") + scale_line(row.value, marked, plain)
        scale.append("  ")
        scale += fit(value_label(row.value, self.language), max(0, width - scale.cell_len))
        scale.stylize(label_style, 2 + SCALE_WIDTH)
        for line in (names, scale):
            line.truncate(width, pad=True)
            if here:
                line.stylize_before(cursor_style)
        return names, scale

    def _styles(self) -> tuple[Style, Style, Style, Style]:
        """The component styles (value, scale, label, cursor), looked up once per theme and focus."""
        key = (self.rich_style, self.has_focus)
        if self._style_cache is None or self._style_cache[0] != key:
            styles = tuple(self.get_component_rich_style(f"pair-table--{name}", partial=True)
                           for name in ("value", "scale", "label", "cursor"))
            self._style_cache = (key, styles)
        return self._style_cache[1]
