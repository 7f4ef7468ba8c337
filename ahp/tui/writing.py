"""Writing exports and reports in worker threads of the app, with a notification of where the file
went, or in one line why it was not written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ahp.errors import AHPError
from ahp.io.glossary import say, told
from ahp.tui.saving import reason
from ahp.tui.texts import t

if TYPE_CHECKING:
    from textual.app import App

    from ahp.tui.session import Session


def write_in_worker(app: App, target: Path, write: Callable[[], None]) -> None:
    """Run ``write`` (which writes ``target``) in a worker thread of ``app``, then say how it went."""

    def run() -> None:
        try:
            write()
        except (AHPError, OSError) as exc:
            where = "" if isinstance(exc, AHPError) else f"{target}{say('colon', app.language)}"
            said = t("not written", app.language, reason=where + reason(exc, app.language))
            app.call_from_thread(app.notify, said, severity="error", markup=False)
        else:
            app.call_from_thread(app.notify, f"Wrote {target}", markup=False)

    app.run_worker(run, thread=True, group="export", exit_on_error=False)


def write_export(app: App, target: Path, text: str) -> None:
    """Write an export atomically in a worker thread."""
    from ahp.io.atomic import write_atomic

    write_in_worker(app, target, lambda: write_atomic(target, text))


def write_report(app: App, session: Session, language: str, target: Path, fmt: str, draws: int | None) -> None:
    """Gather, render and write the report in a worker thread, from a copy of the project.

    The report is of the results on screen: all respondents combined, or the one the results
    screen shows (``p`` there, or the scope command).
    """
    project, respondent = session.analysis_copy(), session.results_respondent()

    def write() -> None:
        from ahp.io.report import gather, write_report

        try:
            data = gather(project, language, draws=draws, seed=0, respondent=respondent)
        except AHPError as exc:  # no sensitivity without every node's judgments: the rest still goes
            if draws is None:
                raise
            said = t("no sensitivity summary", language, reason=told(exc, language))
            app.call_from_thread(app.notify, said, severity="warning", markup=False)
            data = gather(project, language, draws=None, respondent=respondent)
        write_report(data, str(target), fmt)  # atomic: a temporary file renamed into place

    write_in_worker(app, target, write)
