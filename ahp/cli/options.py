"""The parser and the kinds of option value the commands share, each checked by argparse.

A value out of range is a usage error naming the option (``argument --draws: ...``), exit 2.
argparse's own refusals and the options' are phrases (:class:`~ahp.errors.Phrase`), worded in
the command line's language. A parser's help speaks its ``language``: every help text, metavar
and heading goes through :meth:`Parser.words` (the Chinese in :mod:`ahp.io.glossary.help_texts`).

>>> draws = whole_number(0, 1_000_000)
>>> draws("500")
500
>>> draws("-1")
Traceback (most recent call last):
ahp.cli.options.OptionValueError: -1 is out of range: 0 to 1,000,000
>>> fraction("50%"), positive_number(5)("0.2")
(0.5, 0.2)
"""

from __future__ import annotations

import argparse
import functools
import math
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NoReturn

from ahp.errors import Phrase, Worded, listed

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

    >>> UsageError("ahp weights", argparse_phrase("unrecognized arguments: --x")).words("zh")
    'ahp weights：错误：无法识别的参数：--x（详见 ahp weights --help）'
    """

    def __init__(self, prog: str, phrase: Phrase) -> None:
        super().__init__(str(phrase))
        self.prog, self.phrase = prog, phrase

    def words(self, language: str) -> str:
        """The one-line error in ``language``."""
        from ahp.io.glossary import say, told

        return say("usage.error", language, prog=self.prog, message=told(self.phrase, language), option="--help")


class OptionValueError(argparse.ArgumentTypeError):
    """An option's value refused: ``phrase`` says why (argparse names the option)."""

    def __init__(self, phrase: Phrase) -> None:
        super().__init__(str(phrase))
        self.phrase = phrase


#: argparse's refusals (Python 3.11), each as a pattern and its phrase.
_ARGPARSE = tuple((re.compile(pattern), text) for pattern, text in (
    (r"invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)",
     "invalid choice: {value} (choose from {choices})"),
    (r"the following arguments are required: (?P<names>.*)", "the following arguments are required: {names}"),
    (r"unrecognized arguments: (?P<names>.*)", "unrecognized arguments: {names}"),
    (r"ambiguous option: (?P<option>\S*) could match (?P<names>.*)", "ambiguous option: {option} could match {names}"),
    (r"not allowed with argument (?P<names>.*)", "not allowed with argument {names}"),
    (r"ignored explicit argument (?P<value>.*)", "ignored explicit argument {value}"),
    (r"one of the arguments (?P<names>.*) is required", "one of the arguments {names} is required"),
    (r"expected (?P<k>\d+) arguments?", "expected {k} argument(s)"),
    (r"expected (one|at most one|at least one) argument", None),
))


def argparse_phrase(message: str, chinese: Mapping[str, str] | None = None) -> Phrase:
    """One of argparse's refusals as a phrase (its own words when it is not one of :data:`_ARGPARSE`);
    ``chinese``: the Chinese name of each positional argument, by the name argparse gives it.

    >>> argparse_phrase("invalid choice: 'xml' (choose from 'text', 'json')").values["value"]
    Worded(en="'xml'", zh='「xml」')
    >>> argparse_phrase("the following arguments are required: file, --x", {"file": "项目文件"}).values["names"]
    Worded(en='file, --x', zh='项目文件、--x')
    """
    for pattern, text in _ARGPARSE:
        m = pattern.fullmatch(message)
        if m:
            values = {name: _listed(value, chinese or {}) for name, value in m.groupdict().items()}
            return Phrase(text or message, values)
    return Phrase(message.replace("{", "{{").replace("}", "}}"))


def _listed(value: str, chinese: Mapping[str, str]) -> str | Worded:
    """A value or list argparse quoted (``'xml'``, ``'text', 'json'``): as it is in English, in
    Chinese each in 「」 (``「xml」``, ``「text」「json」``); a list of arguments with their
    ``chinese`` names; anything else as it is.

    >>> _listed("'text', 'json'", {}), _listed("--a, B", {"B": "乙"})
    (Worded(en="'text', 'json'", zh='「text」「json」'), Worded(en='--a, B', zh='--a、乙'))
    """
    items = value.split(", ")
    if all(len(item) > 1 and item[0] == item[-1] == "'" for item in items):
        return Worded(value, "".join(f"「{item[1:-1]}」" for item in items))
    named = [chinese.get(item, item) for item in items]
    return Worded(value, "、".join(named)) if len(items) > 1 or named != items else value


def argument_phrase(exc: argparse.ArgumentError, command: str = "COMMAND",
                    chinese: Mapping[str, str] | None = None) -> Phrase:
    """What argparse refused about one argument: the option's own phrase when its type refused
    the value (:class:`OptionValueError`), else argparse's. ``command``: the name the usage line
    gives the command (a word naming none of them is refused as such); ``chinese``: the Chinese
    name of each positional argument, by the name argparse gives it."""
    why = exc.__context__.phrase if isinstance(exc.__context__, OptionValueError) else argparse_phrase(exc.message)
    if exc.argument_name is None:
        return why
    if exc.argument_name == command and why.text == "invalid choice: {value} (choose from {choices})":
        return Phrase("argument COMMAND: invalid choice: {value} (choose from {choices})", why.values)
    name = exc.argument_name
    shown = Worded(name, f"「{chinese[name]}」" if chinese and name in chinese else f" {name}")
    return Phrase("argument {name}: {why}", {"name": shown, "why": why})


def in_language(language: str, text: str, **values: object) -> str:
    """``text``, a help text, metavar or heading written in English, in ``language``, with
    ``values`` filled in (English where the glossary has no Chinese for it).

    >>> in_language("zh", "how many top factors to watch (default 3, 1 to {most})", most=MAX_TOP)
    '关注排名前几位的因素（默认 3，取 1～100）'
    """
    if language == "zh":
        from ahp.io.glossary.help_texts import HELP_CHINESE

        text = HELP_CHINESE.get(text, text)
    return text.format(**values) if values else text


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (and exit status 2): raised as :class:`UsageError`,
    its reason a phrase, for :func:`ahp.cli.main` to print in the command line's language; and its
    help in ``language`` ("en" or "zh"), its sub-parsers' too.

    >>> Parser(prog="ahp x", language="zh").format_usage()
    '用法：ahp x [-h]\\n'
    """

    def __init__(self, *args: Any, language: str = "en", **kwargs: Any) -> None:
        self.language = language
        #: The Chinese name of each positional argument (the one its Chinese help shows), by the
        #: name argparse's refusals give it: its metavar.
        self.chinese_names: dict[str, str] = {}
        if language == "zh":
            from ahp.cli.chinese_help import ChineseHelpFormatter

            kwargs["formatter_class"] = ChineseHelpFormatter
        super().__init__(*args, exit_on_error=False, add_help=False, **kwargs)
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help=self.words("show this help message and exit"))

    def words(self, text: str, **values: object) -> str:
        """``text`` in the parser's language (:func:`in_language`)."""
        return in_language(self.language, text, **values)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        """argparse's, noting a positional argument's Chinese name (:attr:`chinese_names`)."""
        return self._named(super().add_argument(*args, **kwargs))

    def add_subparsers(self, **kwargs: Any) -> Any:
        """Sub-parsers that speak this parser's language."""
        return self._named(super().add_subparsers(parser_class=functools.partial(Parser, language=self.language),
                                                  **kwargs))

    def _named(self, action: Any) -> Any:
        if not action.option_strings and isinstance(action.metavar, str):
            self.chinese_names[action.metavar] = in_language("zh", action.metavar)
        return action

    def parse_known_args(
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None,
    ) -> tuple[argparse.Namespace, list[str]]:
        try:
            return super().parse_known_args(args, namespace)
        except argparse.ArgumentError as exc:
            raise UsageError(self.prog, argument_phrase(exc, self.words("COMMAND"), self.chinese_names)) from None

    def error(self, message: str) -> NoReturn:
        raise UsageError(self.prog, argparse_phrase(message, self.chinese_names))


def _shown(text: str) -> Worded:
    """``text`` quoted (in 「」 in Chinese), cut short when long (a 400-digit number stays one
    readable line)."""
    cut = text if len(text) <= 24 else text[:20] + "..."
    return Worded(repr(cut), f"「{cut}」")


def whole_number(minimum: int, maximum: int) -> Callable[[str], int]:
    """An option taking an integer from ``minimum`` to ``maximum``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise OptionValueError(Phrase("{text} is not a whole number", {"text": _shown(text)})) from None
        if not minimum <= value <= maximum:
            raise OptionValueError(Phrase("{value} is out of range: {least:,} to {most:,}", {
                "value": _shown(text) if len(text) > 24 else value, "least": minimum, "most": maximum}))
        return value

    return parse


def _finite(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise OptionValueError(Phrase("{text} is not a number", {"text": _shown(text)})) from None
    if not math.isfinite(value):
        raise OptionValueError(Phrase("{text} is not a finite number", {"text": _shown(text)}))
    return value


def positive_number(maximum: float) -> Callable[[str], float]:
    """An option taking a finite number above 0 and at most ``maximum``.

    >>> positive_number(10)("1" * 400)
    Traceback (most recent call last):
    ahp.cli.options.OptionValueError: '11111111111111111111...' is not a finite number
    """

    def parse(text: str) -> float:
        value = _finite(text)
        if not 0 < value <= maximum:
            raise OptionValueError(Phrase("{value:g} is out of range: above 0, at most {most:,.15g}",
                                          {"value": value, "most": maximum}))
        return value

    return parse


def fraction(text: str) -> float:
    """A share from 0 to 1, written ``0.5`` or ``50%``."""
    percent = text.strip().endswith("%")
    value = _finite(text.strip().rstrip("%")) / (100 if percent else 1)
    if not 0 <= value <= 1:
        raise OptionValueError(Phrase("{text} is out of range: 0 to 1 (or 0% to 100%)", {"text": _shown(text)}))
    return value


def threshold_rule(text: str) -> str | float:
    """A CR threshold: a rule's name, or a number between 0 and 1."""
    from ahp.core.consistency import THRESHOLD_RULES

    if text in THRESHOLD_RULES:
        return text
    try:
        value = _finite(text)
    except OptionValueError:
        raise OptionValueError(Phrase("{text} is neither a rule ({rules}) nor a number",
                                      {"text": _shown(text), "rules": listed(THRESHOLD_RULES)})) from None
    if not 0 < value < 1:
        raise OptionValueError(Phrase("{value:g} is out of range: a CR threshold lies between 0 and 1",
                                      {"value": value}))
    return value


def add_file(p: Parser, help_text: str = "project file (*.ahp.toml)") -> None:
    p.add_argument("file", metavar=p.words("file"), help=p.words(help_text))


def add_respondent(p: Parser, help_text: str = "one respondent's judgments (default: all combined)") -> None:
    p.add_argument("--respondent", metavar=p.words("RESPONDENT"), help=p.words(help_text))


def add_group(p: Parser) -> None:
    """How respondents are combined, for this run only."""
    p.add_argument("--aggregation", choices=("aij", "aip"),
                   help=p.words("how respondents are combined (default: the project's setting)"))
    p.add_argument("--inconsistent", choices=("flag", "include", "exclude"),
                   help=p.words("respondents failing the threshold at a node (default: the project's setting)"))


def add_conventions(p: Parser, *, project: bool = True) -> None:
    """How the numbers are made, for this run only: --method, --ri, --threshold, --lambda-max and
    --practice (a preset of the three before it; each of them given wins over it). Each defaults
    to the project's setting, or, without a project, to the eigenvector and the saaty practice."""
    from ahp.core.consistency import LAMBDA_MAX_RULES, RI_NAMES, RI_TABLES, THRESHOLD_RULES
    from ahp.core.practice import PRACTICES, PRESETS
    from ahp.core.weights import METHODS
    from ahp.io.glossary import separator

    def default(name: str) -> str:
        return p.words("the project's setting") if project else {"method": "eigenvector", "practice": "saaty",
                                                                 **PRESETS["saaty"]}[name]

    def names(values: Sequence[str]) -> str:
        return separator(p.language).join(values)

    p.add_argument("--method", choices=METHODS,
                   help=p.words("how weights are found (default: {default})", default=default("method")))
    p.add_argument("--ri", choices=RI_NAMES, metavar=p.words("TABLE"),
                   help=p.words("random index table: {tables} (default: {default})", tables=names(RI_TABLES),
                                default=default("random_index")))
    p.add_argument("--threshold", type=threshold_rule, metavar=p.words("THRESHOLD"),
                   help=p.words("acceptance rule: {rules} (CR < 0.10), or a number (default: {default})",
                                rules=names(THRESHOLD_RULES), default=default("threshold")))
    p.add_argument("--lambda-max", choices=LAMBDA_MAX_RULES,
                   help=p.words("eigenvalue, or textbook: (1/n) sum (Aw)_i / w_i with the method's own w "
                                "(default: {default})", default=default("lambda_max")))
    p.add_argument("--practice", choices=PRACTICES,
                   help=p.words("preset of --ri, --threshold and --lambda-max: saaty (saaty1980, saaty1994, "
                                "eigenvalue) or zh-textbook (saaty1980, CR < 0.10, textbook) (default: {default})",
                                default=default("practice")))


def add_draws(p: Parser, default: int | None, help_text: str) -> None:
    p.add_argument("--draws", type=whole_number(0, MAX_DRAWS), default=default, metavar=p.words("DRAWS"),
                   help=p.words("{what} (at most {most:,})", what=p.words(help_text), most=MAX_DRAWS))
    p.add_argument("--seed", type=whole_number(0, MAX_SEED), default=0, metavar=p.words("SEED"),
                   help=p.words("random seed, for reproducible draws (default 0)"))


def add_all_errors(p: Parser) -> None:
    p.add_argument("--all-errors", action="store_true", help=p.words("list every bad cell, not only the first"))


def add_lang(p: Parser, what: str = "output", note: str | None = None) -> None:
    """``--lang en|zh``; without it, the project's ``[settings] language`` (English when none).
    ``what`` it is the language of, and a ``note`` on it."""
    text = ("language of the {what} ({note}) (default: the project's [settings] language, else en)" if note else
            "language of the {what} (default: the project's [settings] language, else en)")
    p.add_argument("--lang", choices=("en", "zh"), help=p.words(text, what=p.words(what), note=p.words(note or "")))


def add_bom(p: Parser) -> None:
    """``--no-bom``: CSV without the byte-order mark Excel needs to read UTF-8 (Chinese) text."""
    p.add_argument("--no-bom", dest="bom", action="store_false",
                   help=p.words("write the CSV without a UTF-8 byte-order mark (by default it has one, for Excel)"))
