"""A plotext plot drawn once per figure and size.

``textual_plotext.PlotextPlot`` draws its figure again on every render (30-80 ms for the
sensitivity curves), and Textual renders every widget of a screen that comes back on top: the
kept sensitivity screen, opened again, waited for its plot before its first frame. This one keeps
what it drew until the figure, the size or the theme changes.
"""

from __future__ import annotations

from textual.app import RenderResult
from textual_plotext import PlotextPlot


class DrawnPlot(PlotextPlot):
    """A :class:`PlotextPlot` that draws again only after :meth:`redraw` or a change of size or theme.

    >>> plot = DrawnPlot()
    >>> plot.plt.plot([0, 1], [0, 1])
    >>> plot.redraw()  # the figure changed: drawn again at the next render
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._drawn: tuple[tuple, RenderResult] | None = None

    def render(self) -> RenderResult:
        key = (self.size, self.app.theme)
        if self._drawn is None or self._drawn[0] != key:
            self._drawn = (key, super().render())
        return self._drawn[1]

    def redraw(self) -> None:
        """Draw the figure again (it was changed through :attr:`plt`)."""
        self._drawn = None
        if self.is_mounted:
            self.refresh()
