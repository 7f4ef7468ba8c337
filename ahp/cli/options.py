"""The parser and the kinds of option value the commands share, each checked by argparse.

A value out of range is a usage error naming the option (``argument --draws: ...``), exit 2.

>>> draws = whole_number(0, 1_000_000)
>>> draws("500")
500
>>> draws("-1")
Traceback (most recent call last):
argparse.ArgumentTypeError: -1 is out of range: 0 to 1,000,000
>>> fraction("50%"), positive_number(5)("0.2")
(0.5, 0.2)
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable
from typing import NoReturn

#: Most Monte Carlo draws a command runs: a million takes minutes, more is never needed.
MAX_DRAWS = 1_000_000
#: Seeds are as numpy's legacy generators take them: 0 to 2**32 - 1.
MAX_SEED = 2**32 - 1
#: A log-normal spread of 5 already sends most judgments off Saaty's scale.
MAX_SPREAD = 5.0
#: How many top factors a sensitivity analysis can watch.
MAX_TOP = 100
#: How much a respondent can count against another.
MAX_WEIGHT = 1e6


class UsageError(Exception):
    """A command line argparse refuses: the refusing parser's name (``ahp weights``) and why.

    >>> UsageError("ahp weights", "argument --seed: -1 is out of range").words("zh")
    'ahp weights：错误：argument --seed: -1 is out of range（见 ahp weights --help）'
    """

    def __init__(self, prog: str, message: str) -> None:
        super().__init__(message)
        self.prog, self.message = prog, message

    def words(self, language: str) -> str:
        """The one-line error in ``language``; argparse's own message stays as argparse words it."""
        from ahp.io.glossary import say

        return say("usage.error", language, prog=self.prog, message=self.message, option="--help")


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (and exit status 2): raised as :class:`UsageError`
    for :func:`ahp.cli.main` to print in the command line's language."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(self.prog, message)


def _shown(text: str) -> str:
    """``text`` quoted, cut short when long (a 400-digit number stays one readable line)."""
    return repr(text if len(text) <= 24 else text[:20] + "...")


def whole_number(minimum: int, maximum: int) -> Callable[[str], int]:
    """An option taking an integer from ``minimum`` to ``maximum``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{_shown(text)} is not a whole number") from None
        if not minimum <= value <= maximum:
            raise argparse.ArgumentTypeError(f"{_shown(text) if len(text) > 24 else value} is out of range: "
                                             f"{minimum:,} to {maximum:,}")
        return value

    return parse


def _finite(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{_shown(text)} is not a number") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{_shown(text)} is not a finite number")
    return value


def positive_number(maximum: float) -> Callable[[str], float]:
    """An option taking a finite number above 0 and at most ``maximum``.

    >>> positive_number(10)("1" * 400)
    Traceback (most recent call last):
    argparse.ArgumentTypeError: '11111111111111111111...' is not a finite number
    """

    def parse(text: str) -> float:
        value = _finite(text)
        if not 0 < value <= maximum:
            raise argparse.ArgumentTypeError(f"{value:g} is out of range: above 0, at most {maximum:g}")
        return value

    return parse


def fraction(text: str) -> float:
    """A share from 0 to 1, written ``0.5`` or ``50%``."""
    percent = text.strip().endswith("%")
    value = _finite(text.strip().rstrip("%")) / (100 if percent else 1)
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"{_shown(text)} is out of range: 0 to 1 (or 0% to 100%)")
    return value


def threshold_rule(text: str) -> str | float:
    """A CR threshold: a rule's name, or a number between 0 and 1."""
    from ahp.core.consistency import THRESHOLD_RULES

    if text in THRESHOLD_RULES:
        return text
    try:
        value = _finite(text)
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(
            f"{_shown(text)} is neither a rule ({', '.join(THRESHOLD_RULES)}) nor a number") from None
    if not 0 < value < 1:
        raise argparse.ArgumentTypeError(f"{value:g} is out of range: a CR threshold lies between 0 and 1")
    return value


def add_file(p: argparse.ArgumentParser, help_text: str = "project file (*.ahp.toml)") -> None:
    p.add_argument("file", help=help_text)


def add_respondent(p: argparse.ArgumentParser, whose: str = "judgments") -> None:
    p.add_argument("--respondent", help=f"one respondent's {whose} (default: all combined)")


def add_group(p: argparse.ArgumentParser) -> None:
    """How respondents are combined, for this run only."""
    p.add_argument("--aggregation", choices=("aij", "aip"),
                   help="how respondents are combined (default: the project's setting)")
    p.add_argument("--inconsistent", choices=("flag", "include", "exclude"),
                   help="respondents failing the threshold at a node (default: the project's setting)")


def add_conventions(p: argparse.ArgumentParser, *, project: bool = True) -> None:
    """How the numbers are made, for this run only: --method, --ri, --threshold, --lambda-max and
    --practice (a preset of the three before it; each of them given wins over it). Each defaults
    to the project's setting, or, without a project, to the eigenvector and the saaty practice."""
    from ahp.core.consistency import LAMBDA_MAX_RULES, RI_NAMES, RI_TABLES, THRESHOLD_RULES
    from ahp.core.practice import PRACTICES, PRESETS
    from ahp.core.weights import METHODS

    def default(name: str) -> str:
        return "the project's setting" if project else {"method": "eigenvector", "practice": "saaty",
                                                         **PRESETS["saaty"]}[name]

    p.add_argument("--method", choices=METHODS, help=f"how weights are found (default: {default('method')})")
    p.add_argument("--ri", choices=RI_NAMES, metavar="TABLE",
                   help=f"random index table: {', '.join(RI_TABLES)} (default: {default('random_index')})")
    p.add_argument("--threshold", type=threshold_rule,
                   help=f"acceptance rule: {', '.join(THRESHOLD_RULES)} (CR < 0.10), or a number "
                        f"(default: {default('threshold')})")
    p.add_argument("--lambda-max", choices=LAMBDA_MAX_RULES,
                   help="eigenvalue, or textbook: (1/n) sum (Aw)_i / w_i with the method's own w "
                        f"(default: {default('lambda_max')})")
    p.add_argument("--practice", choices=PRACTICES,
                   help="preset of --ri, --threshold and --lambda-max: saaty (saaty1980, saaty1994, eigenvalue) "
                        f"or zh-textbook (saaty1980, CR < 0.10, textbook) (default: {default('practice')})")


def add_draws(p: argparse.ArgumentParser, default: int | None, help_text: str) -> None:
    p.add_argument("--draws", type=whole_number(0, MAX_DRAWS), default=default,
                   help=f"{help_text} (at most {MAX_DRAWS:,})")
    p.add_argument("--seed", type=whole_number(0, MAX_SEED), default=0,
                   help="random seed, for reproducible draws (default 0)")


def add_all_errors(p: argparse.ArgumentParser) -> None:
    p.add_argument("--all-errors", action="store_true", help="list every bad cell, not only the first")


def add_lang(p: argparse.ArgumentParser, what: str = "output") -> None:
    """``--lang en|zh``; without it, the project's ``[settings] language`` (English when none)."""
    p.add_argument("--lang", choices=("en", "zh"), help=f"language of the {what} (default: the project's "
                   "[settings] language, else en)")


def add_bom(p: argparse.ArgumentParser) -> None:
    """``--no-bom``: CSV without the byte-order mark Excel needs to read UTF-8 (Chinese) text."""
    p.add_argument("--no-bom", dest="bom", action="store_false",
                   help="write the CSV without a UTF-8 byte-order mark (by default it has one, for Excel)")
