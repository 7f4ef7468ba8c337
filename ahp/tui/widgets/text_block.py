"""A Static that repaints only when its text changes, and lays the screen out again only when
its height may have changed (a layout of the whole screen costs milliseconds per keypress)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class TextBlock(Static):
    """Plain or rich text; :meth:`set` is a cheap no-op when nothing changed."""

    def __init__(self, content: str | Text = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(content, id=id, classes=classes, markup=False)
        self._shown: str | Text | None = None
        self._lines = -1

    def set(self, content: str | Text) -> None:
        """Show ``content`` (a no-op when it is what is shown)."""
        if type(content) is type(self._shown) and content == self._shown:
            return
        height = self.styles.height
        if height is not None and height.is_cells:  # a fixed height: the size cannot change
            self.update(content, layout=False)
            self._shown = content
            return
        lines = self._line_count(content)
        self.update(content, layout=lines != self._lines or lines < 0)
        self._shown, self._lines = content, lines

    def _line_count(self, content: str | Text) -> int:
        width = self.content_region.width
        if width <= 0 or not self.is_mounted:
            return -1
        from rich.cells import cell_len

        plain = content.plain if isinstance(content, Text) else content
        lines = plain.split("\n")
        if all(cell_len(line) <= width for line in lines):  # nothing wraps: the usual case
            return len(lines)
        text = content if isinstance(content, Text) else Text(content)
        return len(text.wrap(self.app.console, width))

    def on_resize(self) -> None:
        self._lines = -1
