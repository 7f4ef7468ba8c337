"""The Textual TUI of ``ahp``: collect pairwise judgments and watch the ranking move.

Layers, each importing only those below it: :mod:`ahp.tui.app` (the app: screens, saving,
undo) over :mod:`ahp.tui.screens` (each screen with its own actions) over :mod:`ahp.tui.widgets`
and the shared helpers (:mod:`ahp.tui.saving`, :mod:`ahp.tui.writing`, :mod:`ahp.tui.messages`);
:mod:`ahp.tui.session` and :mod:`ahp.tui.texts` are plain Python, testable without a terminal.
"""
