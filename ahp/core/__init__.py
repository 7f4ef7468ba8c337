"""The numeric core: pure functions on numpy arrays.

Never imports Textual.
"""
