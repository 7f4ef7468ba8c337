"""Where a judgment sits on the two-sided scale ``9 8 ... 2 1 2 ... 8 9`` shown on screen.

A judgment ``v`` says the left element is ``v`` times as important as the right one. The
scale has 17 cells: cell 0 is 9 toward the left, cell 8 is equal, cell 16 is 9 toward the
right. Off-scale values (from a hand-edited file) sit on the nearest cell.

>>> cell_of(3.0), cell_of(1.0), cell_of(1 / 5)
(6, 8, 12)
>>> value_of(6), value_of(12)
(3.0, 0.2)
>>> step(None, -1), step(3.0, +1), step(1 / 9, +1)
(2.0, 2.0, 0.1111111111111111)
>>> with_intensity(1 / 3, 7), with_intensity(None, 4)
(0.14285714285714285, 4.0)
"""

from __future__ import annotations

from functools import lru_cache

from ahp.core.scale import intensity, nearest_on_scale

CELLS = 17
CENTER = 8
#: The digit printed in each cell, left to right.
DIGITS: tuple[int, ...] = tuple(list(range(9, 1, -1)) + list(range(1, 10)))


@lru_cache(maxsize=512)
def cell_of(value: float) -> int:
    """The cell (0..16) of a judgment value."""
    v = nearest_on_scale(value)
    return CENTER - round(v - 1) if v >= 1 else CENTER + round(1 / v - 1)


def value_of(cell: int) -> float:
    """The judgment value shown by a cell (0..16)."""
    cell = max(0, min(CELLS - 1, cell))
    return float(1 + CENTER - cell) if cell <= CENTER else 1 / (1 + cell - CENTER)


def step(value: float | None, direction: int) -> float:
    """Move one cell toward the left (``-1``) or right (``+1``) element; missing counts as equal."""
    return value_of((CENTER if value is None else cell_of(value)) + direction)


def with_intensity(value: float | None, k: int) -> float:
    """Intensity ``k`` (1-9) toward the side ``value`` favours (the left one when equal or missing)."""
    if value is not None and value < 1 and intensity(value) != 1:
        return 1 / k
    return float(k)
