"""Saaty's 1-9 scale: the values a person can enter, their names, and how to print them.

A judgment ``a`` says "row is ``a`` times as important as column". On the scale,
``a`` is one of 1/9, 1/8, ..., 1/2, 1, 2, ..., 9 (17 values).

>>> format_value(1 / 3), format_value(5.0), format_value(0.7302965)
('1/3', '5', '0.7303')
>>> parse_value("1/5")
0.2
>>> nearest_on_scale(0.31)
0.3333333333333333
"""

from __future__ import annotations

import math

import numpy as np

from ahp.errors import JudgmentError, Phrase

#: The 17 values of Saaty's fundamental scale (Saaty 1980), ascending.
SCALE: tuple[float, ...] = tuple([1 / k for k in range(9, 1, -1)] + [float(k) for k in range(1, 10)])
SCALE_ARRAY = np.array(SCALE)
MIN_VALUE, MAX_VALUE = 1 / 9, 9.0
#: Relative tolerance when checking that a value lies on [1/9, 9] or that a_ji = 1/a_ij.
TOLERANCE = 1e-6

#: Verbal labels of the intensities 1-9 (Saaty 1980, Table 1); Chinese as used in 层次分析法 texts.
VERBAL_EN = {
    1: "equal",
    2: "equal to moderate",
    3: "moderate",
    4: "moderate to strong",
    5: "strong",
    6: "strong to very strong",
    7: "very strong",
    8: "very to extremely strong",
    9: "extreme",
}
VERBAL_ZH = {
    1: "同等重要",
    2: "同等至稍微重要",
    3: "稍微重要",
    4: "稍微至明显重要",
    5: "明显重要",
    6: "明显至强烈重要",
    7: "强烈重要",
    8: "强烈至极端重要",
    9: "极端重要",
}


def intensity(value: float) -> float:
    """How strong a judgment is, whichever side it favours: ``max(a, 1/a)``.

    >>> intensity(0.25), intensity(4.0)
    (4.0, 4.0)
    """
    return value if value >= 1 else 1 / value


def verbal(value: float, language: str = "en") -> str:
    """The verbal label of a judgment's intensity, rounded to the nearest whole step.

    >>> verbal(1 / 5), verbal(7, "zh")
    ('strong', '强烈重要')
    """
    labels = VERBAL_ZH if language == "zh" else VERBAL_EN
    return labels[min(9, max(1, round(intensity(value))))]


def nearest_on_scale(value: float) -> float:
    """The scale value closest to ``value`` in log terms (ratios are compared by log)."""
    return float(SCALE_ARRAY[np.argmin(np.abs(np.log(SCALE_ARRAY) - math.log(value)))])


def format_value(value: float) -> str:
    """Print a judgment as people write it: ``3``, ``1/3``, or 4 decimals off the scale."""
    for k in range(1, 10):
        if math.isclose(value, k, rel_tol=TOLERANCE):
            return str(k)
        if math.isclose(value, 1 / k, rel_tol=TOLERANCE):
            return f"1/{k}"
    return f"{value:.4g}"


def parse_value(text: str | float | int) -> float:
    """Read one judgment: a number or an ``a/b`` string; ``?`` or ``nan`` is missing (``nan``).

    Range checks belong to the caller, who knows where the value sits.

    >>> parse_value("2/3"), parse_value(4), parse_value("?")
    (0.6666666666666666, 4.0, nan)
    """
    if isinstance(text, bool) or not isinstance(text, (str, int, float)):
        raise JudgmentError(Phrase("{text!r} is not a number", {"text": text}))
    if isinstance(text, (int, float)):
        try:
            return float(text)
        except OverflowError:
            raise JudgmentError(Phrase("{text}... is off the scale; judgments lie within 1/9 and 9",
                                         {"text": str(text)[:20]})) from None
    s = text.strip()
    if s in ("?", "nan", "NaN", ""):
        return math.nan
    try:
        if "/" in s:
            num, den = s.split("/", 1)
            return float(num) / float(den)
        return float(s)
    except (ValueError, ZeroDivisionError):
        raise JudgmentError(Phrase("{text!r} is not a number or a fraction like 1/3", {"text": text})) from None


def on_scale(value: float) -> bool:
    """Whether ``value`` lies within [1/9, 9] (with a small tolerance for rounding)."""
    return MIN_VALUE * (1 - TOLERANCE) <= value <= MAX_VALUE * (1 + TOLERANCE)
