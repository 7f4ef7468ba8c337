"""The numeric core: pure functions on numpy arrays (scipy only where a function needs it).

Never imports Textual.
"""
