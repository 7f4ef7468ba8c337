"""Horizontal weight bars: the selected node's local weights, and the results screen's ranking.

A Line API widget: each line is drawn straight to a strip, without Textual's markup layer.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.strip import Strip
from textual.widget import Widget

from ahp.tui.widgets.pair_table import fit


def bar(fraction: float, columns: int) -> str:
    """A bar of eighth-blocks for a fraction in [0, 1].

    >>> bar(0.5, 4), bar(1 / 16, 2)
    ('██', '▏')
    """
    eighths = round(max(0.0, min(1.0, fraction)) * columns * 8)
    full, rest = divmod(eighths, 8)
    return "█" * full + ("" if rest == 0 else " ▏▎▍▌▋▊▉"[rest])


class WeightBars(Widget):
    """Names, bars scaled to the largest weight, and the weights to three decimals."""

    COMPONENT_CLASSES = {"weight-bars--bar", "weight-bars--dim"}

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.names: list[str] = []
        self.weights: list[float] = []
        self.provisional = False

    def show(self, names: list[str], weights: list[float], *, provisional: bool = False) -> None:
        """Draw ``weights``; ``provisional`` (not yet determined, shown equal) dims them."""
        weights = [float(w) for w in weights]
        if (names, weights, provisional) == (self.names, self.weights, self.provisional):
            return
        resized = len(names) != len(self.names) or not self.names
        self.names, self.weights, self.provisional = names, weights, provisional
        if resized:
            self.styles.height = max(1, len(names))
        self.refresh(layout=resized)

    def render_line(self, y: int) -> Strip:
        """One weight per line, drawn straight to a strip (this repaints on every keypress)."""
        width = self.size.width
        base = self.rich_style
        if y >= len(self.names) or width <= 0:
            return Strip.blank(width, base)
        layout_w = max(20, width)
        name_w = min(max((cell_len(n) for n in self.names), default=8), max(8, layout_w * 2 // 5))
        bar_w = max(4, min(40, layout_w - name_w - 7))
        top = max(self.weights, default=1.0) or 1.0
        style = self.get_component_rich_style("weight-bars--dim" if self.provisional else "weight-bars--bar")
        w = self.weights[y]
        line = fit(self.names[y], name_w)
        line.pad_right(name_w - line.cell_len + 1)
        line.append(bar(w / top, bar_w).ljust(bar_w), style)
        line.append(f" {w:.3f}")
        line.truncate(width, pad=True)
        line.stylize_before(base)
        return Strip(line.render(self.app.console), line.cell_len)
