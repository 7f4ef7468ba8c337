"""A rich renderable (a table) rendered once into styled text, for a ``Static`` to show.

A ``Static`` holding a rich ``Table`` renders it again each time the layout measures it (tens of
times when a screen opens); the same table as text is measured by counting its lines.
"""

from __future__ import annotations

from rich.console import Console, RenderableType
from rich.text import Text


def rendered(renderable: RenderableType, console: Console, width: int) -> Text:
    """``renderable`` laid out ``width`` cells wide, as text with its styles, one line per row.

    >>> from rich.table import Table
    >>> table = Table("a", "b", box=None)
    >>> table.add_row("1", "2")
    >>> rendered(table, Console(), 10).plain.splitlines()
    [' a  b ', ' 1  2 ']
    """
    lines = console.render_lines(renderable, console.options.update_width(width), pad=False)
    out = Text(no_wrap=True, end="")
    for k, line in enumerate(lines):
        if k:
            out.append("\n")
        for segment in line:
            if not segment.control:
                out.append(segment.text, segment.style)
    return out
