"""Helpers for driving the app in Pilot tests: let it settle, read what it told the user."""

from __future__ import annotations

from textual.app import App


async def settle(app: App, pilot) -> None:
    """Let the screen redraw and every worker (saves, Monte Carlo, exports) finish."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def notifications(app: App) -> list[str]:
    """The messages of the notifications shown so far, oldest first."""
    return [n.message for n in app._notifications]
