"""Saving the project in the background, and saying so, persistently, when a save fails.

The app owns one :class:`Saver`. Changes made before the next paint are saved together: the
project is copied on the UI thread, between keypresses, and the copy is written in a worker.
A save that fails leaves :attr:`Saver.error` set (the reason) until a save succeeds; the app
shows it in a notification and in the title, and asks before quitting.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from ahp.errors import AHPError, os_reason
from ahp.io.glossary import told

if TYPE_CHECKING:
    from textual.app import App

    from ahp.io.project import Project
    from ahp.tui.session import Session


def reason(exc: BaseException, language: str = "en") -> str:
    """One line saying why a file could not be written, in ``language``.

    >>> reason(OSError(13, "Permission denied")), reason(RecursionError("too deep"))
    ('Permission denied', 'RecursionError: too deep')
    """
    if isinstance(exc, (AHPError, OSError)):
        return told(os_reason(exc) if isinstance(exc, OSError) else exc, language)
    return f"{type(exc).__name__}: {exc}"


class Saver:
    """Saves ``session``'s project from ``app``'s worker threads; ``on_result(error)`` runs on the UI
    thread after each save (``None``: saved)."""

    def __init__(self, app: App, session: Session, on_result: Callable[[str | None], None]) -> None:
        self.app = app
        self.session = session
        self.on_result = on_result
        #: Why the last save failed; ``None`` once a save succeeds.
        self.error: str | None = None
        self._lock = threading.Lock()
        self._scheduled = False
        self._pending: Project | None = None
        self._stamp: int | None = None

    def take_in_others(self) -> bool:
        """When the file's modification time moved and no save is under way: take in what other
        writers (``ahp serve``'s respondents, another TUI, a CLI command) saved, keeping this
        session's own changes; returns whether anything came in. The app calls it every second."""
        import os

        path = self.session.project.path
        try:
            stamp = os.stat(path).st_mtime_ns if path is not None else None
        except OSError:
            return False
        if stamp == self._stamp or self.unsaved or self._lock.locked():
            return False
        self._stamp = stamp
        try:
            changed = self.session.project.catch_up()
        except AHPError as exc:  # a file broken by hand: say so, keep working on what is here
            self.error = told(exc, self.app.language)
            self.on_result(self.error)
            return False
        if changed:
            self.session.taken_in()
        return changed

    @property
    def unsaved(self) -> bool:
        """Whether some change is not on disk: a save failed, or one is still to run."""
        return self.error is not None or self._scheduled or self._pending is not None

    def save_soon(self) -> None:
        """Save after the screen has shown the change (saves asked for before then coalesce)."""
        if not self._scheduled:
            self._scheduled = True
            self.app.call_after_refresh(self._start)

    def save_now(self) -> str | None:
        """Save on this thread (before a destructive step); returns why it failed, or ``None``."""
        self._scheduled = False
        with self._lock:
            self._pending = None
            project = self.session.snapshot()
            error = self._write(project, self.app.language)
        self._report(project, error)
        return error

    def _start(self) -> None:
        if not self._scheduled:  # saved by save_now meanwhile
            return
        self._scheduled = False
        self._pending = self.session.snapshot()
        self.app.run_worker(self._save, thread=True, group="save", exit_on_error=False)

    def _save(self) -> None:
        with self._lock:
            project, self._pending = self._pending, None
            if project is None:  # a later worker wrote it already
                return
            error = self._write(project, self.app.language)
        self.app.call_from_thread(self._report, project, error)

    @staticmethod
    def _write(project: Project, language: str) -> str | None:
        try:
            project.save()
        except Exception as exc:  # any failure must reach the user, never pass silently
            return reason(exc, language)
        return None

    def _report(self, saved: Project, error: str | None) -> None:
        self.session.project.adopt(saved)  # on the UI thread: the file state as this save left it
        self.error = error
        self.on_result(error)
