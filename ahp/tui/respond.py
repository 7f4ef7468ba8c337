"""The interview for one respondent alone, as ``ahp serve`` shows it in their browser.

It reuses the interview screen (the question, both elements' descriptions, the pair table) and
adds the scale and the full consistency feedback with the suggested revision. The questions come in the
planner's order, as in the TUI's interview: after each answer the respondent sees how many remain
at most; once no answer can change their top factors they are told so in plain words and may
stop there (the "done" screen) or go on; they may always answer everything. It has no key and no
command for anything else: no other respondent, no group, no respondent list, no settings, no
file path. Every answer is saved at once through the merging save (:mod:`ahp.io.shared_save`).

``python -m ahp.tui.respond FILE NAME LANGUAGE`` runs it (the server starts it so, after
checking the respondent's token).
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static

from ahp.io.interview import settled_text
from ahp.io.project import load_project
from ahp.tui.messages import ProjectChanged
from ahp.tui.saving import Saver
from ahp.tui.screens.interview import InterviewScreen
from ahp.tui.screens.keys import JUDGMENT_BINDINGS
from ahp.tui.session import Session
from ahp.tui.widgets.consistency import consistency_text

#: The respondent's own words, (English, Chinese).
WORDS = {
    "scale": (
        "Scale: 1 equally important · 3 moderately more · 5 strongly more · 7 very strongly more · "
        "9 extremely more (2, 4, 6, 8 in between). ← → move toward the side that matters more.",
        "标度：1 同等重要 · 3 稍微重要 · 5 明显重要 · 7 强烈重要 · 9 极端重要（2、4、6、8 介于其间）。"
        "← → 向更重要的一方移动。",
    ),
    "keys": (
        "enter next question · s skip · backspace previous · your answers are saved at once",
        "enter 下一题 · s 跳过 · backspace 上一题 · 每个回答即时保存",
    ),
    "done": (
        "Thank you, {who}: you have answered {answered} of {total} questions, and every answer is saved. "
        "You may close this page, or press backspace to go back and change an answer.",
        "谢谢，{who}：您已回答 {total} 题中的 {answered} 题，所有回答均已保存。"
        "您可以关闭本页面，或按 backspace 返回修改。",
    ),
    "stop or go on": ("You may stop here (enter) or go on answering the rest (→).",
                      "您可以到此为止（enter），也可以继续回答其余问题（→）。"),
    "not saved": ("Your last answer could not be saved: {reason}", "最近的回答未能保存：{reason}"),
}


def words(key: str, language: str, **values: object) -> str:
    """A respondent-facing sentence in ``language``.

    >>> words("done", "en", who="Ann", answered=3, total=3)[:14]
    'Thank you, Ann'
    """
    en, zh = WORDS[key]
    return (zh if language == "zh" else en).format(**values)


class RespondentInterview(InterviewScreen, inherit_bindings=False):
    """The interview screen with descriptions, the scale and full feedback; no way out of it."""

    BINDINGS = [
        *JUDGMENT_BINDINGS,
        Binding("enter", "next", "next"),
        Binding("s", "skip", "skip"),
        Binding("backspace", "previous", "back"),
    ]

    def on_mount(self) -> None:
        box = self.query_one("#interview", Vertical)
        box.mount(Static(id="scale", markup=False), after="#question-help")
        super().on_mount()

    def refresh_view(self) -> None:
        """The interview screen's view (the question, both elements' descriptions), with the scale
        and the node's full consistency feedback; at the settled offer, the offer in plain words."""
        super().refresh_view()
        q, lang = self.current, self.language
        if not self.query("#scale"):
            return
        self.query_one("#scale", Static).update(words("scale", lang) if q is not None else "")
        if q is None:
            if self.interview is not None and self.interview.offer:
                settled = settled_text(self.interview.plan.unanswered, self.interview.top, lang)
                self.query_one("#question", Static).update(f"{settled}{'。' if lang == 'zh' else '. '}"
                                                           f"{words('stop or go on', lang)}")
            return
        node = self.session.node(q.path)
        self.query_one("#interview-keys", Static).update(words("keys", lang))
        a = self.session.synthesis.nodes[q.path]
        names = [c.label(lang) for c in node.children]
        self.query_one("#interview-consistency", Static).update(
            consistency_text(a, names, self.session.project.settings.threshold, lang)
        )

    def action_next(self) -> None:
        """The next question; at the settled offer, stop (the done screen); past the last, done."""
        if self.interview is not None and self.interview.offer:
            self.app.push_screen(DoneScreen())
            return
        super().action_next()
        if self.current is None and not self.interview.offer:
            self.app.push_screen(DoneScreen())
            self.interview.back()

    def action_move(self, direction: int) -> None:
        """Move the judgment one step; at the settled offer, → goes on with the rest."""
        if self.interview is not None and self.interview.offer and direction > 0:
            self.interview.go_on()
            self.refresh_view()
        else:
            super().action_move(direction)

    def action_skip(self) -> None:
        self.action_next()


class DoneScreen(Screen[None], inherit_bindings=False):
    """Thanks, with how many questions were answered; backspace goes back."""

    BINDINGS = [Binding("backspace", "app.pop_screen", "back")]

    def compose(self) -> ComposeResult:
        s = self.app.session  # type: ignore[attr-defined]
        questions = s.interview()
        answered = sum(s.value(q.path, q.a, q.b) is not None for q in questions)
        who = s.respondent_name
        yield Static(words("done", self.app.language, who=who, answered=answered, total=len(questions)),  # type: ignore[attr-defined]
                     id="done", markup=False)


class RespondentApp(App[None]):
    """The interview of one respondent of a project file, and nothing else."""

    CSS_PATH = ["app.tcss", "interview.tcss"]
    TITLE = "ahp"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: list[Binding] = []
    language = reactive("en", repaint=False)

    def __init__(self, path: Path, respondent: str, *, language: str = "en") -> None:
        super().__init__()
        self.set_reactive(RespondentApp.language, language)
        project = load_project(path)
        self.session = Session(project, project.respondent_index(respondent) or 0)
        self.saver = Saver(self, self.session, self._saved)

    def on_mount(self) -> None:
        self.title = self.session.project.title
        self.sub_title = self.session.respondent_name or ""
        self.push_screen(RespondentInterview())

    def on_project_changed(self, _message: ProjectChanged) -> None:
        self.saver.save_soon()

    def _saved(self, error: str | None) -> None:
        if error is not None:
            self.notify(words("not saved", self.language, reason=error), severity="error", timeout=30, markup=False)


def main(argv: list[str]) -> int:
    """``FILE NAME LANGUAGE``: run the respondent's interview."""
    path, name, language = argv
    RespondentApp(Path(path), name, language=language).run()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
