"""The ``ahp`` Textual app: open a project, show its screens, save every change, undo.

The app holds what every screen shares: the session, the language, saving (:mod:`.saving`),
undo/redo and the keys that open each screen. Each screen owns its own actions and tells the
app what changed by a message (:class:`~ahp.tui.messages.ProjectChanged`).
``run(path)`` is what ``ahp`` and ``ahp open FILE`` call.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen

from ahp.errors import AHPError
from ahp.tui.commands import COMMANDS
from ahp.tui.messages import ProjectChanged
from ahp.tui.navigation import ScreenActions
from ahp.tui.outline import read_outline
from ahp.tui.saving import Saver, reason
from ahp.tui.screens.base import ProjectScreen
from ahp.tui.screens.start import StartScreen
from ahp.tui.texts import t

if TYPE_CHECKING:
    from ahp.tui.session import Session

#: Seconds after start when the sensitivity screen's plot library is imported in the background.
PRELOAD_AFTER = 1.0

#: Seconds between looks at the file's modification time (other writers' saves are taken in).
FOLLOW_EVERY = 1.0

#: Actions that need an open project (hidden from the footer on the error screen).
PROJECT_ACTIONS = frozenset({
    "interview", "results", "group", "export", "language", "undo", "redo", "sensitivity", "ratings", "risk",
    "report", "settings",
})


class AHPApp(ScreenActions):
    """Collect pairwise judgments on a project file and show weights, consistency and ranking."""

    #: Every screen's CSS, read once at start: a screen's own CSS_PATH would be read when it is
    #: first shown, and Textual then parses every stylesheet again and restyles every widget.
    CSS_PATH = ["app.tcss", "interview.tcss", "results.tcss", "group.tcss", "sensitivity.tcss", "ratings.tcss",
                "risk.tcss", "export.tcss", "prompt.tcss", "help.tcss", "error.tcss", "settings.tcss"]
    TITLE = "ahp"
    BINDINGS = [
        Binding("i", "interview", "interview"),
        Binding("r", "results", "results"),
        Binding("g", "group", "group"),
        Binding("e", "export", "export"),
        Binding("s", "sensitivity", "sensitivity"),
        Binding("t", "ratings", "ratings"),
        Binding("k", "risk", "risk"),
        Binding("c", "settings", "settings"),
        Binding("l", "language", "中文"),
        Binding("ctrl+z", "undo", "undo"),
        Binding("ctrl+y", "redo", "redo", show=False),
        Binding("question_mark", "help", "help", key_display="?"),
        Binding("q", "quit", "quit"),
    ]

    #: ``en`` or ``zh``: every screen redraws in it when it changes.
    language = reactive("en", repaint=False)

    def __init__(self, path: Path, *, language: str | None = None) -> None:
        """``language``: of every label (default: the project's ``[settings] language``)."""
        super().__init__()
        self.path = Path(path)
        self.chosen_language = language
        self.error: str | None = None
        self._session: Session | None = None
        self.saver: Saver | None = None
        #: What the first frame shows before the engine is loaded (``None``: the file is not read then).
        self.outline = read_outline(self.path) if self.path.exists() else None
        #: Whether the first frame is up and the project's screen not yet in its place.
        self.starting = self.outline is not None
        self.set_reactive(AHPApp.language, language or (self.outline.language if self.outline else "en"))
        if self.outline is None:  # nothing to show before the engine: load it now
            self._load()

    @property
    def session(self) -> Session | None:
        """The open project (``None`` when the file could not be loaded). Loaded once the first
        frame is on the terminal, or at once when asked for before that."""
        if self._session is None and self.error is None:  # not loaded yet
            self._load()
        return self._session

    def _load(self) -> None:
        """Load the project and work out its synthesis (imports numpy, the loader and the engine)."""
        from ahp.io.glossary import told
        from ahp.io.project import load_project, new_project
        from ahp.io.settings import file_language
        from ahp.tui.session import Session

        try:
            project = load_project(self.path) if self.path.exists() else new_project(self.path)
        except (AHPError, OSError) as exc:
            if self.chosen_language is None:  # the file's own language, when it reads as TOML
                self.set_reactive(AHPApp.language, file_language(str(self.path)) or "en")
            self.error = told(exc, self.language)
            return
        self._session = Session(project)
        self.saver = Saver(self, self._session, self._saved)
        if self.chosen_language is None:  # the project's own language
            self.set_reactive(AHPApp.language, project.settings.language)

    def on_mount(self) -> None:
        if self.outline is not None:
            self.title, self.sub_title = self.outline.title, self.path.name
            self.push_screen(StartScreen(self.outline))
        else:
            self._show_project()

    def on_start_screen_shown(self, _message: StartScreen.Shown) -> None:
        """The first frame is drawn: once it is on the terminal, load the engine and show the project.

        Textual holds the display back while the app starts, so the frame is drawn again here, when
        it is let through, and the engine is loaded after that refresh."""
        self.screen.refresh()
        self.screen.call_after_refresh(self.call_next, self._finish_loading)  # in the app's turn: it swaps screens

    async def on_event(self, event: events.Event) -> None:
        """A key or a click on the first frame waits for the project's screen (the engine is loaded first)."""
        if isinstance(event, events.InputEvent) and self.starting:
            await self._finish_loading()
        await super().on_event(event)

    async def run_action(self, action, default_namespace=None) -> bool:
        """An action on the first frame (from the command palette, say) waits for it too."""
        if self.starting:
            await self._finish_loading()
        return await super().run_action(action, default_namespace)

    async def _finish_loading(self) -> None:
        """Put the project's screen (or the error screen) in the first frame's place, once."""
        if self.starting:
            self.starting = False
            await self._show_project(replace=True)

    def _show_project(self, replace: bool = False):
        """The main screen, or the error screen when the file could not be loaded (in place of the
        first frame when ``replace``); returns what to await for it to be mounted."""
        show = self.switch_screen if replace else self.push_screen
        if self.session is None:
            from ahp.tui.screens.error import ErrorScreen

            return show(ErrorScreen(self.error or "", self.path))
        from ahp.tui.screens.main import MainScreen

        self._show_saved()
        self.set_timer(PRELOAD_AFTER, self._preload)
        self.set_interval(FOLLOW_EVERY, self._follow_file)
        return show(MainScreen())

    def _follow_file(self) -> None:
        """Take in what other writers saved to the file, and show it."""
        assert self.saver is not None
        if self.saver.take_in_others() and isinstance(self.screen, ProjectScreen):
            self.screen.refresh_view()

    def _preload(self) -> None:
        """A moment after start, import the sensitivity screen in a worker thread: its plot library
        takes 100-400 ms to import, which the first ``s`` would otherwise wait for (started at once,
        it held up the first screen as long)."""
        from importlib import import_module

        self.run_worker(lambda: import_module("ahp.tui.screens.sensitivity"), thread=True, group="preload",
                        exit_on_error=False)

    # -- saving ----------------------------------------------------------------------------
    def on_project_changed(self, _message: ProjectChanged) -> None:
        """A screen changed the project: save it once the screen has shown the change."""
        if self.saver is not None:
            self.saver.save_soon()

    def _saved(self, error: str | None) -> None:
        """After each save: a failure is a notification with the reason and a mark in front of the
        title that stays until a save succeeds."""
        self._show_saved()
        if error is not None:
            self.notify(t("not saved", self.language, reason=error), severity="error", timeout=30, markup=False)

    def _show_saved(self) -> None:
        """The title: the project's, after a NOT SAVED mark while the last save failed."""
        assert self.session is not None and self.saver is not None
        title = self.session.project.title or self.path.name
        self.title = title if self.saver.error is None else f"⚠ {t('not saved mark', self.language)} · {title}"
        self.sub_title = self.path.name

    def keep_copy(self, label: str) -> str | None:
        """Before a destructive step: save what is pending, then keep the file as it is now where no
        save overwrites it; returns the copy's path (``None``: it failed, and the user was told)."""
        from ahp.io.atomic import keep_copy

        assert self.saver is not None
        if self.saver.save_now() is not None:
            return None
        try:
            return keep_copy(self.path, label)
        except OSError as exc:
            self.notify(t("no copy kept", self.language, reason=reason(exc, self.language)), severity="error",
                        markup=False)
            return None

    async def action_quit(self) -> None:
        """Leave ahp; with changes not saved, ask first (and exit with status 1)."""
        if self.saver is None or not self.saver.unsaved:
            self.exit()
            return
        self.saver.save_now()
        if self.saver.error is None:
            self.exit()
            return
        from ahp.tui.screens.prompt import ConfirmScreen

        lang = self.language
        self.push_screen(
            ConfirmScreen(t("quit unsaved", lang), t("quit unsaved help", lang, reason=self.saver.error)),
            lambda yes: self.exit(return_code=1) if yes else None,
        )

    # -- undo ------------------------------------------------------------------------------
    def action_undo(self) -> None:
        """Undo the last judgment change or respondent removal (of whoever made it)."""
        if self.session is not None:
            self._undo_redo(self.session.undo, "restored")

    def action_redo(self) -> None:
        """Redo the last undone change."""
        if self.session is not None:
            self._undo_redo(self.session.redo, "removed again")

    def _undo_redo(self, step, removal_words: str) -> None:
        assert self.session is not None
        before = self.session.respondent
        done = step()
        if done is None:
            self.bell()
            return
        screen = self.screen
        from ahp.tui.session import Removal

        if isinstance(done, Removal):
            self.notify(t(removal_words, self.language, name=done.who.name), markup=False)
            if isinstance(screen, ProjectScreen):
                screen.refresh_view()
        else:
            if isinstance(screen, ProjectScreen):
                screen.show_change(done.path, done.a, done.b)
            if self.session.respondent != before:
                self.notify(t("now showing", self.language, name=self.session.respondent_name), markup=False)
        self.post_message(ProjectChanged())

    # -- keys ------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Without a project (the error screen) only help and quit apply; no interview without a respondent."""
        if self.starting and self.outline is not None:  # the first frame: a key loads the engine, then runs
            return not (action == "interview" and not self.outline.respondents)
        if self.session is None:
            return action not in PROJECT_ACTIONS
        return not (action == "interview" and self.session.respondent is None)

    def action_language(self) -> None:
        """Toggle every label between English and Chinese (each screen follows ``language``) and
        remember the choice in the project's ``[settings] language``."""
        self.language = "zh" if self.language == "en" else "en"
        if self.session is not None and self.saver is not None:
            project = self.session.project  # the language changes no number: nothing to work out again
            project.settings = project.settings.with_changes(language=self.language)
            self.saver.save_soon()
            self._show_saved()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The app's actions and the screen's own in the command palette, then Textual's."""
        for action, title, help_text in COMMANDS:
            yield SystemCommand(title, help_text, lambda a=action: self.run_action(a))
        if not isinstance(screen, ProjectScreen):
            yield from super().get_system_commands(screen)
            return
        for action, title, help_text in screen.PALETTE:
            yield SystemCommand(title, help_text, lambda a=action, s=screen: self.run_action(a, s))
        from ahp.tui.screens.respondents import RespondentActions

        if isinstance(screen, RespondentActions):
            from textual.markup import escape  # the palette reads titles as markup

            for k, name in enumerate(self.session.names[:50]):
                yield SystemCommand(f"Show respondent: {escape(name)}", "Show this respondent's judgments",
                                    lambda k=k, s=screen: s.action_show_respondent(k))
        yield from super().get_system_commands(screen)


def run(path: Path, language: str | None = None) -> int:
    """Open the project at ``path`` (created from the retail-churn model when absent) in the TUI,
    in ``language`` (default: the project's ``[settings] language``).

    Returns the exit code: 0; 1 when the user quit with changes not saved; 2 when the file could
    not be opened (the error was shown).
    """
    app = AHPApp(Path(path), language=language)
    app.run()
    return 2 if app.error else (app.return_code or 0)
