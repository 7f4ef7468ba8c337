"""The interview's order: the planner's question while the top factors are not settled; once
they are, an offer to stop or go on; going on, today's order (:meth:`SessionCore.interview`).

No Textual: the interview screen (and a respondent's in the browser) keeps one
:class:`Interview`, and calls :meth:`Interview.next` when the respondent moves on.

>>> import tempfile, pathlib
>>> from ahp.io.project import new_project
>>> from ahp.tui.session import Session
>>> s = Session(new_project(pathlib.Path(tempfile.mkdtemp()) / "t.ahp.toml"))
>>> talk = Interview(s)
>>> talk.current, talk.remaining
(Question(path='goal', a='service', b='quality'), 43)
>>> s.set_judgment("goal", "service", "quality", 3.0)
True
>>> talk.remaining
42
>>> talk.next(); talk.current, talk.remaining
(Question(path='goal', a='quality', b='price'), 42)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ahp.tui.session.core import Question

if TYPE_CHECKING:
    from ahp.core.planner import Plan
    from ahp.tui.session.core import SessionCore

#: How many top factors the interview settles (fewer when the model has fewer factors).
INTERVIEW_TOP = 5


class Interview:
    """The questions shown to the respondent on screen, in order (``asked``, ``index`` the one on
    screen; ``index == len(asked)`` past the last), and what the planner made of the answers.

    Moving on from a question left unanswered skips it: the planner is not asked it again (the
    next unanswered one in today's order comes instead). A respondent whose every pair is answered
    reviews them in today's order; so does every respondent when ``adaptive`` is false.
    """

    def __init__(self, session: SessionCore, top: int = INTERVIEW_TOP, *, adaptive: bool = True) -> None:
        self.session = session
        self.top = min(top, len(session.project.model.root.layout.leaves))
        self.order = session.interview()
        #: The roster this interview was made for: another respondent needs another interview.
        self.roster = session.roster
        self.asked: list[Question] = []
        self.index = 0
        self.skipped: set[Question] = set()
        #: Whether the questions come in today's order: the respondent chose to go on after the
        #: top was settled, is reviewing, or the interview is not ``adaptive``.
        self.going_on = not adaptive
        #: The planner's view as of the last question it chose (``None`` while going on).
        self.plan: Plan | None = None
        if session.respondent is None:
            return
        if all(self._answered(q) for q in self.order):
            self.asked, self.going_on = list(self.order), True
        else:
            self._pick()

    # -- what is on screen -------------------------------------------------------------------
    @property
    def current(self) -> Question | None:
        """The question on screen (``None``: the settled offer, or nothing left to ask)."""
        return self.asked[self.index] if self.index < len(self.asked) else None

    @property
    def offer(self) -> bool:
        """Whether the screen offers to stop or go on: the top is settled with pairs unanswered."""
        return self.current is None and self.plan is not None and self.plan.settled and self.plan.unanswered > 0

    @property
    def remaining(self) -> int | None:
        """How many questions may still be needed, the one on screen included unless it is
        answered (``None`` while going on, or back at a question asked before)."""
        q = self.current
        if self.plan is None or q is None or self.index != len(self.asked) - 1:
            return None
        return self.plan.remaining - self._answered(q)

    @property
    def answered(self) -> int:
        """How many of the interview's questions the respondent has answered."""
        return sum(self._answered(q) for q in self.order)

    def position(self, q: Question) -> int:
        """Where ``q`` comes in today's order (0-based)."""
        return next(k for k, o in enumerate(self.order) if o.path == q.path and {o.a, o.b} == {q.a, q.b})

    # -- moving ------------------------------------------------------------------------------
    def next(self) -> None:
        """On to the next question (skipping the one on screen if it is unanswered); from the
        settled offer, go on."""
        q = self.current
        if q is None:
            if self.offer:
                self.go_on()
            return
        if not self._answered(q):
            self.skipped.add(q)
        if self.index < len(self.asked) - 1:
            self.index += 1
        else:
            self._pick()

    def go_on(self) -> None:
        """Past the settled offer: the unanswered questions in today's order."""
        self.going_on, self.plan = True, None
        self._pick()

    def back(self) -> None:
        """Back to the question asked before."""
        self.index = max(0, self.index - 1)

    def show(self, path: str, a: str, b: str) -> None:
        """Put the pair ``a`` vs ``b`` of ``path`` on screen (after undo or redo)."""
        for k, q in enumerate(self.asked):
            if q.path == path and {q.a, q.b} == {a, b}:
                self.index = k
                return
        self.asked.append(self.order[self.position(Question(path, a, b))])
        self.index = len(self.asked) - 1

    def _pick(self) -> None:
        q = self._choose()
        if q is not None:
            self.asked.append(q)
        self.index = len(self.asked) - 1 if q is not None else len(self.asked)

    def _choose(self) -> Question | None:
        if not self.going_on:
            self.plan = self.session.project.plan(self.session.respondent_name, self.top)
            if self.plan.next is None:
                return None
            pick = self.order[self.position(Question(self.plan.next.path, self.plan.next.a, self.plan.next.b))]
            if pick not in self.skipped:
                return pick
        return next((q for q in self.order if not self._answered(q) and q not in self.skipped), None)

    def _answered(self, q: Question) -> bool:
        return self.session.value(q.path, q.a, q.b) is not None
