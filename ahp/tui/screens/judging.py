"""The judgment keys shared by the main screen and the interview: ← → one step, 1-9, =, x."""

from __future__ import annotations

from collections.abc import Callable

from ahp.tui.scale import step, with_intensity
from ahp.tui.screens.base import ProjectScreen


class JudgmentActions(ProjectScreen):
    """The actions of :data:`JUDGMENT_BINDINGS`, for a screen that says which pair is under the
    cursor (:meth:`judged_pair`)."""

    def judged_pair(self) -> tuple[str, str, str] | None:
        """``(path, a, b)`` of the pair the keys change, ``None`` when there is none."""
        raise NotImplementedError

    def change_judgment(self, path: str, a: str, b: str, value: float | None) -> None:
        """Set one judgment of the respondent on screen; redraw and save if it changed."""
        if self.session.set_judgment(path, a, b, value):
            self.changed()

    def _set(self, change: Callable[[float | None], float | None]) -> None:
        pair = self.judged_pair()
        if pair is None:
            if self.session.respondent is None:
                self.no_respondent()
            else:
                self.app.bell()
            return
        self.change_judgment(*pair, change(self.session.value(*pair)))

    def action_move(self, direction: int) -> None:
        """Move the judgment one step toward the left (-1) or right (+1) element."""
        self._set(lambda v: step(v, direction))

    def action_intensity(self, k: int) -> None:
        """Set intensity ``k`` toward the side the judgment favours."""
        self._set(lambda v: with_intensity(v, k))

    def action_equal(self) -> None:
        """Both elements matter equally."""
        self._set(lambda v: 1.0)

    def action_clear(self) -> None:
        """Clear the judgment (missing: the engine completes it)."""
        self._set(lambda v: None)
