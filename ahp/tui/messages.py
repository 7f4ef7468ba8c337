"""The messages screens send the app: what changed, so the app saves it."""

from __future__ import annotations

from textual.message import Message


class ProjectChanged(Message):
    """The project changed (judgments, respondents, units, ratings, settings): save it soon.

    A screen posts it after changing the session; it bubbles to the app, which saves.
    """
