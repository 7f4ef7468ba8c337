"""The selected node's pairs, two lines each: the two elements, then the 9..1..9 scale.

The table draws only the rows that fit and keeps the cursor row in view, so it needs no
scrolling container (whose arrow-key bindings would fight the judgment keys).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import RenderableType
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
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
    """The judgments of one node; up/down move the cursor, which posts :class:`CursorMoved`."""

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

    def show(self, rows: list[PairRow], cursor: int | None = None, language: str | None = None) -> None:
        """Replace the rows (and optionally the cursor and language), then redraw."""
        self.rows = rows
        if language is not None:
            self.language = language
        if cursor is not None:
            self.cursor = cursor
        self.cursor = max(0, min(self.cursor, len(rows) - 1))
        self.refresh()

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
            self.cursor = index
            self.refresh()
            self.post_message(self.CursorMoved(index))

    def _visible(self) -> range:
        per_page = max(1, self.size.height // 2)
        if self.cursor < self._top:
            self._top = self.cursor
        elif self.cursor >= self._top + per_page:
            self._top = self.cursor - per_page + 1
        self._top = max(0, min(self._top, max(0, len(self.rows) - per_page)))
        return range(self._top, min(len(self.rows), self._top + per_page))

    def render(self) -> RenderableType:
        width = self.size.width
        cursor = self.get_component_rich_style("pair-table--cursor", partial=True)
        marked = self.get_component_rich_style("pair-table--value", partial=True)
        plain = self.get_component_rich_style("pair-table--scale", partial=True)
        label_style = self.get_component_rich_style("pair-table--label", partial=True)
        out = Text(no_wrap=True, end="")
        lines = []
        for i in self._visible():
            row = self.rows[i]
            here = i == self.cursor
            pointer = "▶ " if here else "  "
            span = SCALE_WIDTH if cell_len(row.left) + cell_len(row.right) + 2 <= SCALE_WIDTH else width - 2
            half = max(1, (span - 2) // 2)
            left, right = fit(row.left, half), fit(row.right, half)
            names = Text(pointer, no_wrap=True) + left
            names.append(" " * max(1, span - left.cell_len - right.cell_len))
            names += right
            scale = Text("  ", no_wrap=True) + scale_line(row.value, marked, plain)
            scale.append("  ")
            scale += fit(value_label(row.value, self.language), max(0, width - scale.cell_len))
            scale.stylize(label_style, 2 + SCALE_WIDTH)
            for line in (names, scale):
                line.truncate(width, pad=True)
                if here:
                    line.stylize_before(cursor)
                lines.append(line)
        return Text("\n", no_wrap=True).join(lines) if lines else out
