"""The ``ahp`` Textual app: open a project, edit its respondents' judgments, save every change.

The respondent actions (next, add, rename, weight, remove) and the group settings
(aggregation, inconsistent-respondent policy) are app actions, so the command palette runs
them from any screen; a bad name or weight becomes a notification, never a crash.
``run(path)`` is what ``ahp`` and ``ahp open FILE`` call.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from ahp.errors import AHPError
from ahp.io.project import Project, load_project, new_project
from ahp.tui.session import Session
from ahp.tui.texts import t

#: (action, title, help) for every action: the command palette lists them all.
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("interview", "Interview mode", "Ask the pairs one at a time, in full sentences"),
    ("results", "Results", "The ranking of churn factors, criteria weights, hierarchy CR"),
    ("group", "Group: consensus and disagreement", "Consensus per node, each respondent against the group"),
    ("scope", "Results: all respondents combined / the one on screen", "Switch whose judgments the results and exports use"),
    ("export", "Export results", "Write the results to a CSV, JSON or Markdown file"),
    ("export('csv')", "Export results as CSV", "Write the ranking to a .csv file"),
    ("export('json')", "Export results as JSON", "Write the results to a .json file"),
    ("export('md')", "Export results as Markdown", "Write a Markdown report"),
    ("sensitivity", "Sensitivity: tipping points and Monte Carlo", "How sure is the ranking: vary one weight, perturb every judgment"),
    ("ratings", "Ratings of units", "Rate each store, region or segment on every churn factor"),
    ("risk", "Churn risk and actions", "Units ranked by churn-risk index; what to fix first"),
    ("report('html')", "Export report as HTML", "One self-contained HTML file: weights, consistency, group, risk"),
    ("report('md')", "Export report as Markdown", "The full report as Markdown tables"),
    ("report('xlsx')", "Export report as XLSX", "The report's tables on sheets of an Excel workbook"),
    ("add_unit", "Add a unit to rate", "A store, region or customer segment, with no ratings yet"),
    ("rename_unit", "Rename the unit", "Give the unit on the ratings screen another name"),
    ("next_respondent(1)", "Next respondent", "Show the next respondent's judgments"),
    ("next_respondent(-1)", "Previous respondent", "Show the previous respondent's judgments"),
    ("add_respondent", "Add a respondent", "A new respondent, with no judgments yet"),
    ("rename_respondent", "Rename the respondent", "Give the respondent on screen another name"),
    ("respondent_weight", "Set the respondent's weight", "How much the respondent on screen counts in the group"),
    ("remove_respondent", "Remove the respondent", "Delete the respondent on screen and their judgments (asks first)"),
    ("aggregation", "Combine respondents by AIJ / AIP", "Geometric mean of judgments, or of priorities (geometric, arithmetic)"),
    ("policy", "Inconsistent respondents: flag / exclude / include", "What the group does with a respondent whose CR fails"),
    ("language", "Toggle language (English / 中文)", "Show every label in English or Chinese"),
    ("undo", "Undo", "Undo the last judgment change"),
    ("redo", "Redo", "Redo the last undone change"),
    ("apply", "Apply suggestion", "Set the worst judgment of the node to its suggested value"),
    ("equal", "Set equal", "The pair under the cursor matters equally"),
    ("clear", "Clear judgment", "Leave the pair under the cursor missing"),
    ("help", "Keys and help", "Every key of the current screen"),
    ("quit", "Quit", "Leave ahp (everything is already saved)"),
)

#: Settings the group screen cycles through (``a`` and ``f``).
AGGREGATION_CYCLE = (("aij", "geometric"), ("aip", "geometric"), ("aip", "arithmetic"))
POLICY_CYCLE = ("flag", "exclude", "include")


class AHPApp(App[int]):
    """Collect pairwise judgments on a project file and show weights, consistency and ranking."""

    CSS_PATH = "app.tcss"
    TITLE = "ahp"
    BINDINGS = [
        Binding("i", "interview", "interview"),
        Binding("r", "results", "results"),
        Binding("g", "group", "group"),
        Binding("e", "export", "export"),
        Binding("s", "sensitivity", "sensitivity"),
        Binding("t", "ratings", "ratings"),
        Binding("k", "risk", "risk"),
        Binding("l", "language", "中文"),
        Binding("ctrl+z", "undo", "undo"),
        Binding("ctrl+y", "redo", "redo", show=False),
        Binding("question_mark", "help", "help", key_display="?"),
        Binding("q", "quit", "quit"),
    ]

    def __init__(self, path: Path, *, language: str | None = None) -> None:
        super().__init__()
        self.path = Path(path)
        self.language = language or "en"
        self.error: str | None = None
        self.session: Session | None = None
        self._save_lock = threading.Lock()
        self._pending: Project | None = None
        self._save_scheduled = False
        self.save_error: str | None = None
        try:
            project = load_project(self.path) if self.path.exists() else new_project(self.path)
            self.session = Session(project)
            self.language = language or project.settings.language
        except (AHPError, OSError) as exc:
            self.error = str(exc) if isinstance(exc, AHPError) else f"{self.path}: {exc.strerror or exc}"

    # -- start -----------------------------------------------------------------------------
    def run(self, *args, **kwargs):
        """Run the app (as ``ahp`` does), with the start-up objects kept out of garbage collection.

        What is loaded by now (Textual, numpy, the project: some 60,000 objects) lives as long as
        the app, so it is frozen: the collector's full passes no longer walk it. One such pass
        fell in start-up (about 20 ms) and any later one would fall between two keypresses.
        """
        import gc

        gc.freeze()
        return super().run(*args, **kwargs)

    def push_screen(self, screen, *args, **kwargs):
        """Push a screen, first adding its own CSS file (``CSS_PATH``) to the stylesheet.

        Textual would add it by re-parsing every stylesheet and restyling every screen on the
        stack (about 25 ms); the file's rules name only that screen's widgets, so parsing just
        the file is enough. Only the main screen's CSS (app.tcss) is parsed at start-up.
        """
        if isinstance(screen, Screen):
            for path in screen.css_path:
                if not self.stylesheet.has_source(str(path)):
                    self.stylesheet.add_source(path.read_text(encoding="utf-8"), read_from=(str(path), ""))
        return super().push_screen(screen, *args, **kwargs)

    def on_mount(self) -> None:
        if self.session is None:
            from ahp.tui.screens.error import ErrorScreen

            self.push_screen(ErrorScreen(self.error or "", self.path))
            return
        from ahp.tui.screens.main import MainScreen

        self.title = self.session.project.title or self.path.name
        self.sub_title = str(self.path.name)
        self.push_screen(MainScreen())

    # -- judgments -------------------------------------------------------------------------
    def change_judgment(self, path: str, a: str, b: str, value: float | None) -> None:
        """Change one judgment, redraw the screen, save in the background."""
        assert self.session is not None
        if self.session.set_judgment(path, a, b, value):
            self._changed()

    def _changed(self, where: tuple[str, str, str] | None = None) -> None:
        screen = self.screen
        if where is not None and hasattr(screen, "focus_pair"):
            screen.focus_pair(*where)
        elif hasattr(screen, "refresh_view"):
            screen.refresh_view()
        self.save_soon()

    def _undo_redo(self, step) -> None:
        if self.session is None:
            return
        before = self.session.respondent
        where = step()
        if where is None:
            self.bell()
            return
        self._changed(where)
        if self.session.respondent != before:
            self.notify(t("now showing", self.language, name=self.session.respondent_name), markup=False)

    def action_undo(self) -> None:
        """Undo the last judgment change (of whichever respondent made it)."""
        if self.session:
            self._undo_redo(self.session.undo)

    def action_redo(self) -> None:
        """Redo the last undone change."""
        if self.session:
            self._undo_redo(self.session.redo)

    # -- respondents -----------------------------------------------------------------------
    def no_respondent(self) -> None:
        """Tell the user there is nobody's judgments to change yet."""
        self.notify(t("add first", self.language), severity="warning")

    def _roster_changed(self, message: str | None = None) -> None:
        """Redraw the screen on top (the others redraw when they come back) and save."""
        if hasattr(self.screen, "refresh_view"):
            self.screen.refresh_view()
        self.save_soon()
        if message:
            self.notify(message, markup=False)

    def _try(self, change, message) -> str | None:
        """Run a respondent change; an AHPError becomes a notification (and is returned)."""
        try:
            change()
        except AHPError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return str(exc)
        self._roster_changed(message() if callable(message) else message)
        return None

    def action_next_respondent(self, step: int = 1) -> None:
        """Show the next (``step`` 1) or previous (-1) respondent's judgments."""
        s = self.session
        if s is None:
            return
        if s.respondent is None:
            self.no_respondent()
            return
        if len(s.project.respondents) < 2:
            self.bell()
            return
        s.switch(s.respondent + step)
        if hasattr(self.screen, "refresh_view"):
            self.screen.refresh_view()

    def action_show_respondent(self, index: int) -> None:
        """Show respondent ``index``'s judgments."""
        if self.session is not None and self.session.project.respondents:
            self.session.switch(index)
            if hasattr(self.screen, "refresh_view"):
                self.screen.refresh_view()

    def _prompt(self, title: str, help_key: str, initial: str, submit) -> None:
        from ahp.tui.screens.prompt import PromptScreen

        self.push_screen(PromptScreen(title, t(help_key, self.language), initial, submit))

    def action_add_respondent(self) -> None:
        """Ask for a name, then add a respondent with no judgments and show them."""
        if self.session is None:
            return
        s, lang = self.session, self.language
        self._prompt(t("add respondent", lang), "add help", "", lambda name: self._try(
            lambda: s.add_respondent(name), lambda: t("added", lang, name=s.respondent_name)))

    def action_rename_respondent(self) -> None:
        """Ask for a new name for the respondent on screen."""
        s, lang = self.session, self.language
        if s is None or s.respondent is None:
            self.no_respondent()
            return
        old = s.respondent_name
        self._prompt(t("rename respondent", lang, name=old), "rename help", old or "", lambda new: self._try(
            lambda: s.rename_respondent(new), lambda: t("renamed", lang, old=old, new=s.respondent_name)))

    def action_respondent_weight(self) -> None:
        """Ask for the weight of the respondent on screen in the group."""
        s, lang = self.session, self.language
        if s is None or s.respondent is None:
            self.no_respondent()
            return
        name = s.respondent_name
        current = s.project.respondents[s.respondent].weight

        def set_weight(text: str) -> None:
            try:
                weight = float(text.strip())
            except ValueError:
                raise AHPError(f"respondent {name!r}: {t('bad weight', 'en', value=text.strip())}") from None
            s.set_weight(weight)

        self._prompt(t("weight respondent", lang, name=name), "weight help", f"{current:g}", lambda text: self._try(
            lambda: set_weight(text), lambda: t("weighted", lang, name=name, weight=s.project.respondents[s.respondent].weight)))

    def action_remove_respondent(self) -> None:
        """Ask, then remove the respondent on screen and their judgments."""
        s, lang = self.session, self.language
        if s is None or s.respondent is None:
            self.no_respondent()
            return
        from ahp.tui.screens.prompt import ConfirmScreen

        name = s.respondent_name

        def answered(yes: bool | None) -> None:
            if yes and s.respondent_name == name:
                self._try(s.remove_respondent, t("removed", lang, name=name))

        self.push_screen(ConfirmScreen(t("remove respondent", lang, name=name), t("remove help", lang)), answered)

    # -- group settings ----------------------------------------------------------------------
    def action_aggregation(self) -> None:
        """Cycle how respondents are combined: AIJ, AIP geometric mean, AIP arithmetic mean."""
        if self.session is None:
            return
        st = self.session.project.settings
        now = (st.aggregation, st.aip_mean if st.aggregation == "aip" else "geometric")
        k = AGGREGATION_CYCLE.index(now) if now in AGGREGATION_CYCLE else -1
        aggregation, mean = AGGREGATION_CYCLE[(k + 1) % len(AGGREGATION_CYCLE)]
        self._try(lambda: self.session.set_settings(aggregation=aggregation, aip_mean=mean),
                  lambda: t("settings changed", self.language, what=combine_words(self.session, self.language)))

    def action_policy(self) -> None:
        """Cycle what the group does with inconsistent respondents: flag, exclude, include."""
        if self.session is None:
            return
        now = self.session.project.settings.inconsistent
        policy = POLICY_CYCLE[(POLICY_CYCLE.index(now) + 1) % len(POLICY_CYCLE)]
        self._try(lambda: self.session.set_settings(inconsistent=policy),
                  lambda: t("settings changed", self.language, what=t(f"policy {policy}", self.language)))

    def action_scope(self) -> None:
        """Results and exports: all respondents combined, or the respondent on screen."""
        if self.session is None:
            return
        self.session.combined = not self.session.combined
        if hasattr(self.screen, "refresh_view"):
            self.screen.refresh_view()

    # -- saving ----------------------------------------------------------------------------
    def save_soon(self) -> None:
        """Save the current judgments atomically in a worker thread (later saves coalesce).

        The worker starts once the screen has shown the change, so saving never delays it.
        """
        assert self.session is not None
        if not self._save_scheduled:  # changes made before the next paint are saved together
            self._save_scheduled = True
            self.call_after_refresh(self._start_save)

    def _start_save(self) -> None:
        """Copy the project (on this thread, between keypresses) and write the copy in a worker."""
        self._save_scheduled = False
        if self.session is None:
            return
        self._pending = self.session.snapshot()
        self.run_worker(self._save, thread=True, group="save", exit_on_error=False)

    def _save(self) -> None:
        with self._save_lock:
            project, self._pending = self._pending, None
            if project is None:
                return
            try:
                project.save()
                self.save_error = None
            except (AHPError, OSError) as exc:
                self.save_error = str(exc)
                self.call_from_thread(
                    self.notify, f"Not saved: {exc}", severity="error", timeout=10, markup=False
                )

    def write_export(self, target: Path, text: str) -> None:
        """Write an export atomically in a worker thread; tell the user where it went."""

        def write() -> None:
            from ahp.io.atomic import write_atomic

            write_atomic(target, text)

        self._write_in_worker(target, write)

    def _write_in_worker(self, target: Path, write: Callable[[], None]) -> None:
        """Run ``write`` (which writes ``target``) in a worker thread; then say where the file
        went, or in one line why it was not written."""

        def run() -> None:
            try:
                write()
            except AHPError as exc:
                self.call_from_thread(self.notify, f"Not written: {exc}", severity="error", markup=False)
            except OSError as exc:
                self.call_from_thread(
                    self.notify, f"Not written: {target}: {exc.strerror or exc}", severity="error", markup=False
                )
            else:
                self.call_from_thread(self.notify, f"Wrote {target}", markup=False)

        self.run_worker(run, thread=True, group="export", exit_on_error=False)

    #: Actions that need an open project (hidden from the footer on the error screen).
    PROJECT_ACTIONS = frozenset({
        "interview", "results", "group", "export", "language", "undo", "redo", "scope", "aggregation", "policy",
        "next_respondent", "show_respondent", "add_respondent", "rename_respondent", "respondent_weight",
        "remove_respondent", "sensitivity", "ratings", "risk", "report", "add_unit", "rename_unit", "remove_unit",
    })

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Without a project (the error screen) only help and quit apply."""
        if self.session is None and action in self.PROJECT_ACTIONS:
            return False
        if action in ("next_respondent", "interview") and self.session is not None and self.session.respondent is None:
            return False
        return True

    # -- other screens ---------------------------------------------------------------------
    def _has_project(self) -> bool:
        return self.session is not None

    def action_interview(self) -> None:
        """Ask the pairs one at a time."""
        if self._has_project():
            if self.session.respondent is None:
                self.no_respondent()
                return
            from ahp.tui.screens.interview import InterviewScreen

            if not isinstance(self.screen, InterviewScreen):
                self.push_screen(InterviewScreen())

    def action_results(self) -> None:
        """Show the ranking of churn factors."""
        if self._has_project():
            from ahp.tui.screens.results import ResultsScreen

            if not isinstance(self.screen, ResultsScreen):
                self.push_screen(ResultsScreen())

    def action_group(self) -> None:
        """Show consensus and disagreement across respondents."""
        if self._has_project():
            from ahp.tui.screens.group import GroupScreen

            if not isinstance(self.screen, GroupScreen):
                self.push_screen(GroupScreen())

    def action_export(self, fmt: str = "csv") -> None:
        """Ask for a file name, then write the results there."""
        if self._has_project():
            from ahp.tui.screens.export import ExportScreen

            if not isinstance(self.screen, ExportScreen):
                self.push_screen(ExportScreen(self.path, fmt))

    def _show(self, cls: type[Screen]) -> None:
        """Show a screen: go back to it when it is just below (ratings ⇄ risk), else open it."""
        if isinstance(self.screen, cls):
            return
        if len(self.screen_stack) >= 2 and isinstance(self.screen_stack[-2], cls):
            self.pop_screen()
        else:
            self.push_screen(cls())

    def action_sensitivity(self) -> None:
        """Tipping points of every weight and Monte Carlo rank stability."""
        if self._has_project():
            from ahp.tui.screens.sensitivity import SensitivityScreen

            if not isinstance(self.screen, SensitivityScreen):
                self.push_screen(SensitivityScreen())

    def action_ratings(self, unit: int | None = None) -> None:
        """Rate the units (stores, regions, segments) on every churn factor."""
        if self._has_project():
            from ahp.tui.screens.ratings import RatingsScreen

            if unit is not None:
                self.session.unit = unit
            self._show(RatingsScreen)

    def action_risk(self) -> None:
        """Units ranked by churn-risk index, with what to fix first."""
        if self._has_project():
            from ahp.tui.screens.risk import RiskScreen

            self._show(RiskScreen)

    def action_report(self, fmt: str = "html") -> None:
        """Ask for a file name, then write the full report (HTML, Markdown or XLSX) there."""
        if self._has_project():
            from ahp.tui.screens.export import ReportScreen

            if not isinstance(self.screen, ReportScreen):
                self.push_screen(ReportScreen(self.path, fmt))

    def action_add_unit(self) -> None:
        """Ask for a name, then add a unit to rate and show it on the ratings screen."""
        if self.session is None:
            return
        s, lang = self.session, self.language

        def added() -> str:
            if hasattr(self.screen, "refresh_view"):
                self.screen.refresh_view()
            return t("unit added", lang, name=s.project.units[s.unit].name)

        self._prompt(t("add unit", lang), "add unit help", "", lambda name: self._try(lambda: s.add_unit(name), added))

    def action_rename_unit(self) -> None:
        """Ask for a new name for the unit on the ratings screen (``m`` there, or the palette)."""
        s, lang = self.session, self.language
        if s is None or not s.project.units:
            self.bell()
            return
        s.unit = max(0, min(s.unit, len(s.project.units) - 1))
        old = s.project.units[s.unit].name
        self._prompt(t("rename unit", lang, name=old), "rename unit help", old, lambda new: self._try(
            lambda: s.rename_unit(new), lambda: t("unit renamed", lang, old=old, new=s.project.units[s.unit].name)))

    def action_remove_unit(self) -> None:
        """Ask, then remove the unit on the ratings screen and its ratings."""
        s, lang = self.session, self.language
        if s is None or not s.project.units:
            self.bell()
            return
        from ahp.tui.screens.prompt import ConfirmScreen

        who = s.project.units[s.unit]

        def answered(yes: bool | None) -> None:
            if yes and who in s.project.units:
                index = next(i for i, u in enumerate(s.project.units) if u is who)
                self._try(lambda: s.remove_unit(index), t("unit removed", lang, name=who.name))

        self.push_screen(ConfirmScreen(t("remove unit", lang, name=who.name), t("remove unit help", lang)), answered)

    def write_report(self, target: Path, fmt: str, draws: int | None) -> None:
        """Gather, render and write the report in a worker thread, from a copy of the project.

        The report is of the results on screen: all respondents combined, or the one the results
        screen shows (``p`` there, or the scope command).
        """
        assert self.session is not None
        project, language = self.session.snapshot(), self.language
        respondent = self.session.results_respondent()

        def write() -> None:
            from ahp.io.atomic import write_atomic
            from ahp.io.report import gather, render_html, render_markdown, write_xlsx

            try:
                data = gather(project, language, draws=draws, seed=0, respondent=respondent)
            except AHPError as exc:  # no sensitivity without every node's judgments: the rest still goes
                if draws is None:
                    raise
                self.call_from_thread(self.notify, f"No sensitivity summary: {exc}", severity="warning",
                                      markup=False)
                data = gather(project, language, draws=None, respondent=respondent)
            if fmt == "xlsx":
                write_xlsx(data, str(target))  # atomic: a temporary file renamed into place
            else:
                write_atomic(target, render_html(data) if fmt == "html" else render_markdown(data))

        self._write_in_worker(target, write)

    def action_language(self) -> None:
        """Toggle every label between English and Chinese."""
        self.language = "zh" if self.language == "en" else "en"
        from ahp.tui.widgets.footer import KeysFooter

        for screen in self.screen_stack:
            if hasattr(screen, "refresh_view"):
                screen.refresh_view()
            for footer in screen.query(KeysFooter):
                footer.refresh(recompose=True)

    def action_help(self) -> None:
        """Show the keys of the current screen."""
        from ahp.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def _screen_action(self, name: str) -> None:
        action = getattr(self.screen, f"action_{name}", None)
        action() if action else self.bell()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action of ``ahp`` in the command palette, plus Textual's own."""
        for action, title, help_text in COMMANDS:
            if action in ("apply", "equal", "clear"):
                yield SystemCommand(title, help_text, lambda name=action: self._screen_action(name))
            else:
                yield SystemCommand(title, help_text, lambda a=action: self.run_action(a))
        if self.session is not None:
            from textual.markup import escape  # the palette reads titles as markup

            for k, name in enumerate(self.session.names[:50]):
                yield SystemCommand(f"Show respondent: {escape(name)}", "Show this respondent's judgments",
                                    lambda k=k: self.action_show_respondent(k))
        yield from super().get_system_commands(screen)


def combine_words(session: Session, language: str) -> str:
    """How the group is combined, in words: aggregation and the inconsistent-respondent policy."""
    st = session.project.settings
    how = t("combined by aij", language) if st.aggregation == "aij" else t(
        "combined by aip", language, mean=t(st.aip_mean, language))
    return f"{how}{'；' if language == 'zh' else '; '}{t(f'policy {st.inconsistent}', language)}"


def run(path: Path, language: str | None = None) -> int:
    """Open the project at ``path`` (created from the retail-churn model when absent) in the TUI,
    in ``language`` (default: the project's ``[settings] language``).

    Returns the exit code: 0, or 2 when the file could not be opened (the error was shown).
    """
    app = AHPApp(Path(path), language=language)
    app.run()
    return 2 if app.error else (app.return_code or 0)
