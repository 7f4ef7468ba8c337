"""Helpers for driving the app in Pilot tests: let it settle, read what it told the user, hold
its heavy numbers back."""

from __future__ import annotations

import threading

import pytest
from textual.app import App


async def settle(app: App, pilot) -> None:
    """Let the screen redraw and every worker (saves, Monte Carlo, exports) finish."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def notifications(app: App) -> list[str]:
    """The messages of the notifications shown so far, oldest first."""
    return [n.message for n in app._notifications]


class HeldWork:
    """Holds every heavy computation of the session until :meth:`release`."""

    def __init__(self, app: App, monkeypatch: pytest.MonkeyPatch) -> None:
        self.gate = threading.Event()
        job = app.session.job  # type: ignore[attr-defined]

        def held(name: str):
            work = job(name)
            return lambda: (self.gate.wait(10), work())[1]

        monkeypatch.setattr(app.session, "job", held)

    def release(self) -> None:
        self.gate.set()
