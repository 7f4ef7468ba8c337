"""The respondent keys of the main and group screens: next, add, rename, weight, remove.

A bad name or weight becomes a notification (and the dialog stays open), never a crash.
Removing asks first, keeps a copy of the file as it was (where no save overwrites it, and
says where), and ctrl+z brings the respondent back.
"""

from __future__ import annotations

from pathlib import Path

from ahp.errors import AHPError
from ahp.io.project_data import bad_weight
from ahp.tui.screens.base import ProjectScreen
from ahp.tui.texts import t

#: (action, title, help) of the respondent actions, for the command palette.
RESPONDENT_COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("next_respondent(1)", "Next respondent", "Show the next respondent's judgments"),
    ("next_respondent(-1)", "Previous respondent", "Show the previous respondent's judgments"),
    ("add_respondent", "Add a respondent", "A new respondent, with no judgments yet"),
    ("rename_respondent", "Rename the respondent", "Give the respondent on screen another name"),
    ("respondent_weight", "Set the respondent's weight", "How much the respondent on screen counts in the group"),
    ("remove_respondent", "Remove the respondent", "Delete the respondent on screen and their judgments (asks first)"),
)


class RespondentActions(ProjectScreen):
    """The respondent actions of :data:`RESPONDENT_BINDINGS`."""

    def action_next_respondent(self, step: int = 1) -> None:
        """Show the next (``step`` 1) or previous (-1) respondent's judgments."""
        s = self.session
        if s.respondent is None:
            self.no_respondent()
        elif len(s.project.respondents) < 2:
            self.app.bell()
        else:
            s.switch(s.respondent + step)
            self.refresh_view()

    def action_show_respondent(self, index: int) -> None:
        """Show respondent ``index``'s judgments."""
        if self.session.project.respondents:
            self.session.switch(index)
            self.refresh_view()

    def action_add_respondent(self) -> None:
        """Ask for a name, then add a respondent with no judgments and show them."""
        s, lang = self.session, self.language
        self.ask(t("add respondent", lang), "add help", "", lambda name: self.attempt(
            lambda: s.add_respondent(name), lambda: t("added", lang, name=s.respondent_name)))

    def action_rename_respondent(self) -> None:
        """Ask for a new name for the respondent on screen."""
        s, lang = self.session, self.language
        if s.respondent is None:
            self.no_respondent()
            return
        old = s.respondent_name or ""
        self.ask(t("rename respondent", lang, name=old), "rename help", old, lambda new: self.attempt(
            lambda: s.rename_respondent(new), lambda: t("renamed", lang, old=old, new=s.respondent_name)))

    def action_respondent_weight(self) -> None:
        """Ask for the weight of the respondent on screen in the group."""
        s, lang = self.session, self.language
        if s.respondent is None:
            self.no_respondent()
            return
        name = s.respondent_name
        current = s.project.respondents[s.respondent].weight

        def set_weight(text: str) -> None:
            try:
                weight = float(text.strip())
            except ValueError:
                raise AHPError(bad_weight(name, text.strip())) from None
            s.set_weight(weight)

        def weighted() -> str:
            return t("weighted", lang, name=name, weight=s.project.respondents[s.respondent].weight)

        self.ask(t("weight respondent", lang, name=name), "weight help", f"{current:g}",
                 lambda text: self.attempt(lambda: set_weight(text), weighted))

    def action_remove_respondent(self) -> None:
        """Ask, keep a copy of the file, then remove the respondent on screen (ctrl+z undoes)."""
        s, lang = self.session, self.language
        if s.respondent is None:
            self.no_respondent()
            return
        name = s.respondent_name

        def remove() -> None:
            if s.respondent_name != name:  # someone else came on screen meanwhile
                return
            kept = self.app.keep_copy(f"remove {name}")  # type: ignore[attr-defined]
            if kept is None:  # the copy failed (the app said why): nothing is removed
                return
            s.remove_respondent(kept)
            self.changed(t("removed", lang, name=name, kept=Path(kept).name))

        self.confirm(t("remove respondent", lang, name=name), t("remove help", lang), remove)
