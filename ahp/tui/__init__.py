"""The Textual TUI of ``ahp``: collect pairwise judgments and watch the ranking move.

Only :mod:`ahp.tui.app` imports Textual at module level; :mod:`ahp.tui.session` and
:mod:`ahp.tui.texts` are plain Python so they can be tested without a terminal.
"""
