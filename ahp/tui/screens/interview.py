"""Interview mode: one question at a time, in full sentences, as the planner orders them: spanning
pairs first, then those that can still change the top factors; once nothing can, it says so and
offers to stop or go on (today's order). The order itself is :class:`~ahp.tui.session.Interview`'s."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Header, Static

from ahp.core.hierarchy import Node
from ahp.io.glossary import say
from ahp.io.interview import answered_text, at_most, settled_text
from ahp.tui.screens.judging import JudgmentActions
from ahp.tui.screens.keys import JUDGMENT_BINDINGS
from ahp.tui.session import Interview, Question
from ahp.tui.texts import answer, question, t
from ahp.tui.widgets.consistency import consistency_text
from ahp.tui.widgets.footer import KeysFooter
from ahp.tui.widgets.pair_table import PairRow, PairTable
from ahp.tui.widgets.weights import WeightBars


def pair_help(node: Node, a: str, b: str, language: str) -> Text:
    """What each of the two elements compared means (their descriptions), dimmed; empty when
    neither has one. In Chinese after a full-width colon.

    >>> from ahp.io.model import load_model
    >>> goal = load_model("retail-churn").root
    >>> pair_help(goal, "service", "quality", "zh").plain.splitlines()[0][:4]
    '服务：售'
    """
    text = Text(style="dim")
    kids = {c.id: c for c in node.children}
    for child in (kids[a], kids[b]):
        if child.explain(language):
            text.append("\n" if text.plain else "").append(f"{child.label(language)}{say('colon', language)}", "bold")
            text.append(child.explain(language))
    return text


class InterviewScreen(JudgmentActions):
    """Asks the :class:`~ahp.tui.session.Interview`'s questions of the respondent on screen."""

    AUTO_FOCUS = "PairTable"
    #: Whether the planner orders the questions (else today's order, every question).
    ADAPTIVE = True
    BINDINGS = [
        *JUDGMENT_BINDINGS,
        Binding("enter", "next", "next"),
        Binding("s", "skip", "skip"),
        Binding("backspace", "previous", "back"),
        Binding("escape", "app.pop_screen", "leave"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.interview: Interview | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="interview"):
            yield Static(id="progress", classes="caption", markup=False)
            yield Static(id="question")
            yield Static(id="question-help", markup=False)
            yield PairTable(id="interview-pair")
            yield Static(id="answer")
            yield Static(id="interview-keys")
            yield Static(id="interview-weights-title", classes="caption")
            yield WeightBars(id="interview-weights")
            yield Static(id="interview-consistency")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.interview = Interview(self.session, adaptive=self.ADAPTIVE)
        self.refresh_view()

    @property
    def current(self) -> Question | None:
        """The question on screen (``None``: the settled offer, or all were asked)."""
        return None if self.interview is None else self.interview.current

    def _progress(self, q: Question | None) -> str:
        """Who, how far, and (while the planner orders the questions) how many may remain."""
        talk, lang = self.interview, self.language
        parts = [t("interview", lang), self.session.respondent_name or ""]
        if q is None:
            parts.append(answered_text(talk.answered, len(talk.order), lang))
        elif talk.remaining is not None:
            parts.append(at_most(talk.remaining, lang))
        else:
            parts.append(t("question", lang, i=talk.position(q) + 1, n=len(talk.order)))
        return " · ".join(parts)

    def _no_question(self, text: str) -> None:
        """No pair on screen: ``text`` instead; at the settled offer, the top factors as they stand."""
        lang = self.language
        self.query_one("#question", Static).update(text)
        self.query_one(PairTable).show([], language=lang)
        parts = ("#question-help", "#answer", "#interview-keys", "#interview-weights-title", "#interview-consistency")
        for part in parts:
            self.query_one(part, Static).update("")
        top = self.session.synthesis.ranking[: self.interview.top] if self.interview and self.interview.offer else ()
        if top:
            self.query_one("#interview-weights-title", Static).update(t("top factors", lang, k=len(top)))
        self.query_one(WeightBars).show([leaf.node.label(lang) for leaf in top], [leaf.global_weight for leaf in top])

    def refresh_view(self) -> None:
        """Redraw the question, the answer and the node's live weights."""
        s, lang = self.session, self.language
        if self.interview is None or self.interview.roster != s.roster:
            self.interview = Interview(s, adaptive=self.ADAPTIVE)
        q = self.current
        progress = self.query_one("#progress", Static)
        if s.respondent_name is None:
            progress.update(t("interview", lang))
            self._no_question(t("no respondents", lang))
            return
        if q is None:
            progress.update(self._progress(q))
            if self.interview.offer:
                settled = settled_text(self.interview.plan.unanswered, self.interview.top, lang)
                self._no_question(f"{settled}{'。' if lang == 'zh' else '. '}{t('stop or go on', lang)}")
            else:
                self._no_question(t("interview done", lang))
            return
        node = s.node(q.path)
        names = {c.id: c.label(lang) for c in node.children}
        parent = None if q.path == "goal" else node.label(lang)
        where = node.label(lang)
        progress.update(f"{self._progress(q)} · {where}")
        self.query_one("#question", Static).update(question(names[q.a], names[q.b], parent, lang))
        self.query_one("#question-help", Static).update(pair_help(node, q.a, q.b, lang))
        value = s.value(q.path, q.a, q.b)
        self.query_one(PairTable).show([PairRow(names[q.a], names[q.b], value)], 0, lang)
        self.query_one("#answer", Static).update(
            answer(names[q.a], names[q.b], value, lang) if value is not None else t("unanswered", lang)
        )
        self.query_one("#interview-keys", Static).update(t("interview keys", lang))
        a = s.synthesis.nodes[q.path]
        self.query_one("#interview-weights-title", Static).update(f"{t('weights', lang)} · {where}")
        self.query_one(WeightBars).show(list(names.values()), list(a.local_weights), provisional=a.result is None)
        self.query_one("#interview-consistency", Static).update(
            consistency_text(a, list(names.values()), s.project.settings.threshold, lang).split()[1]
            if a.result is not None
            else consistency_text(a, list(names.values()), s.project.settings.threshold, lang)
        )

    def show_change(self, path: str, a: str, b: str) -> None:
        """After undo/redo: go to that question."""
        if self.interview is None or self.interview.roster != self.session.roster:
            self.interview = Interview(self.session, adaptive=self.ADAPTIVE)
        self.interview.show(path, a, b)
        self.refresh_view()

    # -- answering -------------------------------------------------------------------------
    def judged_pair(self) -> tuple[str, str, str] | None:
        """The question on screen (``None`` once all were asked, or without a respondent)."""
        q = self.current
        if q is None or self.session.respondent is None:
            return None
        return q.path, q.a, q.b

    def action_move(self, direction: int) -> None:
        """Move the judgment one step; at the settled offer, → goes on."""
        if self.interview is not None and self.interview.offer and direction > 0:
            self.action_next()
        else:
            super().action_move(direction)

    def action_next(self) -> None:
        """Go to the next question (from the settled offer: go on)."""
        if self.interview is not None:
            self.interview.next()
        self.refresh_view()

    def action_skip(self) -> None:
        """Leave this pair as it is (missing if unanswered) and go on."""
        self.action_next()

    def action_previous(self) -> None:
        """Back to the previous question."""
        if self.interview is not None:
            self.interview.back()
        self.refresh_view()
