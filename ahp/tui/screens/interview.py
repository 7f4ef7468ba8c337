"""Interview mode: one question at a time, in full sentences, spanning pairs first."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Header, Static

from ahp.core.hierarchy import Node
from ahp.tui.screens.judging import JUDGMENT_BINDINGS, JudgmentActions
from ahp.tui.session import Question
from ahp.tui.texts import answer, question, t
from ahp.tui.widgets.consistency import consistency_text
from ahp.tui.widgets.footer import KeysFooter
from ahp.tui.widgets.pair_table import PairRow, PairTable
from ahp.tui.widgets.weights import WeightBars

def pair_help(node: Node, a: str, b: str, language: str) -> Text:
    """What each of the two elements compared means (their descriptions), dimmed; empty when
    neither has one."""
    text = Text(style="dim")
    kids = {c.id: c for c in node.children}
    for child in (kids[a], kids[b]):
        if child.explain(language):
            text.append("\n" if text.plain else "").append(f"{child.label(language)}: ", "bold").append(child.explain(language))
    return text


class InterviewScreen(JudgmentActions):
    """Asks :meth:`Session.interview`'s questions in order, starting at the first unanswered one."""


    AUTO_FOCUS = "PairTable"
    BINDINGS = [
        *JUDGMENT_BINDINGS,
        Binding("enter", "next", "next"),
        Binding("s", "skip", "skip"),
        Binding("backspace", "previous", "back"),
        Binding("escape", "app.pop_screen", "leave"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.questions: list[Question] = []
        self.index = 0

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
        s = self.session
        self.questions = s.interview()
        self.index = next((k for k, q in enumerate(self.questions) if s.value(q.path, q.a, q.b) is None), 0)
        self.refresh_view()

    @property
    def current(self) -> Question | None:
        """The question on screen (``None`` once all were asked)."""
        return self.questions[self.index] if self.index < len(self.questions) else None

    def refresh_view(self) -> None:
        """Redraw the question, the answer and the node's live weights."""
        s, lang = self.session, self.language
        q = self.current
        progress = self.query_one("#progress", Static)
        who = s.respondent_name
        if who is None:
            progress.update(t("interview", lang))
            self.query_one("#question", Static).update(t("no respondents", lang))
            self.query_one("#question-help", Static).update("")
            self.query_one(PairTable).show([], language=lang)
            self.query_one("#answer", Static).update("")
            return
        if q is None:
            progress.update(f"{t('interview', lang)} · {who} · {len(self.questions)}/{len(self.questions)}")
            self.query_one("#question", Static).update(t("interview done", lang))
            self.query_one("#question-help", Static).update("")
            self.query_one(PairTable).show([], language=lang)
            self.query_one("#answer", Static).update("")
            return
        node = s.node(q.path)
        names = {c.id: c.label(lang) for c in node.children}
        parent = None if q.path == "goal" else node.label(lang)
        where = node.label(lang)
        progress.update(
            f"{t('interview', lang)} · {who} · {t('question', lang, i=self.index + 1, n=len(self.questions))} · {where}"
        )
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
        for k, q in enumerate(self.questions):
            if q.path == path and {q.a, q.b} == {a, b}:
                self.index = k
        self.refresh_view()

    # -- answering -------------------------------------------------------------------------
    def judged_pair(self) -> tuple[str, str, str] | None:
        """The question on screen (``None`` once all were asked, or without a respondent)."""
        q = self.current
        if q is None or self.session.respondent is None:
            return None
        return q.path, q.a, q.b

    def action_next(self) -> None:
        """Go to the next question."""
        self.index = min(self.index + 1, len(self.questions))
        self.refresh_view()

    def action_skip(self) -> None:
        """Leave this pair as it is (missing if unanswered) and go on."""
        self.action_next()

    def action_previous(self) -> None:
        """Back to the previous question."""
        self.index = max(0, self.index - 1)
        self.refresh_view()
