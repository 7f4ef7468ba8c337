"""The first frame: the main screen's layout, tree, title and keys, drawn from the project file's
outline while the engine (numpy, the project loader, the synthesis) is loaded.

Once it has painted, the screen tells the app (:class:`StartScreen.Shown`), which loads the engine
and puts the main screen in its place; a key pressed before that waits for the engine (the app
loads it first), so nothing typed is lost.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header

from ahp.tui.outline import Outline
from ahp.tui.screens.keys import MAIN_BINDINGS, NEEDS_RESPONDENT
from ahp.tui.texts import t
from ahp.tui.widgets.footer import KeysFooter
from ahp.tui.widgets.hierarchy import HierarchyTree
from ahp.tui.widgets.text_block import TextBlock


def respondent_chip(name: str | None, index: int | None, count: int, language: str) -> Text:
    """`` Store manager 1/2 ``, reversed: whose judgments are on screen."""
    if name is None:
        return Text(f" {t('no respondent title', language)} ", "reverse bold yellow")
    return Text(f" {name}{f' {index + 1}/{count}' if count > 1 and index is not None else ''} ", "reverse bold")


class StartScreen(Screen[None]):
    """The hierarchy and the main screen's keys; "computing…" where the judgments and weights go."""

    BINDINGS = MAIN_BINDINGS

    class Shown(Message):
        """The first frame is on the terminal: time to load the engine."""

    def __init__(self, outline: Outline) -> None:
        super().__init__()
        self.outline = outline

    def compose(self) -> ComposeResult:
        lang = self.app.language  # type: ignore[attr-defined]
        yield Header()
        with Horizontal():
            yield HierarchyTree(self.outline.entries, lang, id="tree")
            with Vertical(id="right"):
                names = self.outline.respondents
                goal = self.outline.entries[0]
                criteria = sum(1 for e in self.outline.entries[1:] if "/" not in e.path)
                position = f" · 1/{criteria * (criteria - 1) // 2}" if names and criteria > 1 else ""
                yield TextBlock(Text.assemble(respondent_chip(names[0] if names else None, 0, len(names), lang), " ",
                                              (goal.label(lang), "bold"), position), id="node-title")
                yield TextBlock(Text(goal.explain(lang), "dim"), id="node-description")
                yield TextBlock(Text(t("computing", lang), "dim italic"), id="detail")
        yield KeysFooter()

    def on_mount(self) -> None:
        tree = self.query_one(HierarchyTree)
        tree.move_cursor(tree.root)
        self.call_after_refresh(self.post_message, StartScreen.Shown())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (not self.outline.respondents and action in NEEDS_RESPONDENT)

    def footer_also(self) -> set[str]:
        """As on the main screen: ``n`` when nobody is on screen."""
        return set() if self.outline.respondents else {"add_respondent"}
