"""The ``ahp`` command: the table of commands, and the entry point that runs one.

One module per group of commands: :mod:`~ahp.cli.matrix` (``weights``),
:mod:`~ahp.cli.project` (``open``, ``new``, ``rank``, ``check``, ``group``),
:mod:`~ahp.cli.respondents` (``respondent``, ``import``, ``export-survey``), :mod:`~ahp.cli.judge`
(``judge``), :mod:`~ahp.cli.ratings` (``ratings``, ``risk``), :mod:`~ahp.cli.report` (``sensitivity``,
``report``) and :mod:`~ahp.cli.interview` (``next``). Only the invoked command's arguments are
built, and each command imports what it needs when it runs: ``rank``, ``check`` and
``weights`` never import Textual.

Exit status: 0 success; 1 ``check`` found an inconsistent or incomplete node; 2 bad input,
with a one-line message on stderr.

>>> build_parser("rank").parse_args(["rank", "p.ahp.toml", "--format", "json"]).format
'json'
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import NoReturn

from ahp.cli import interview, judge, matrix, project, ratings, report, respondents, serve
from ahp.cli.options import Parser, UsageError, in_language
from ahp.errors import AHPError

DEFAULT_PROJECT = "churn.ahp.toml"

#: command: (help, add its arguments, run it)
Command = tuple[str, Callable[[Parser], None], Callable[[argparse.Namespace], int]]
COMMANDS: dict[str, Command] = {
    "open": ("open the interview screen on a project file (created if absent)", project.args_open, project.cmd_open),
    "new": ("create a project file from a model", project.args_new, project.cmd_new),
    "weights": ("weights and consistency of one pairwise matrix", matrix.args_weights, matrix.cmd_weights),
    "rank": ("the weighted ranking of churn factors", project.args_rank, project.cmd_rank),
    "check": (
        "exit 0 when every node is consistent for every respondent and combined, 1 otherwise",
        project.args_check,
        project.cmd_check,
    ),
    "next": (
        "the adaptive interview's next question, or that the top factors are settled",
        interview.args_next,
        interview.cmd_next,
    ),
    "group": (
        "the panel: consensus per node, each respondent against the group",
        project.args_group,
        project.cmd_group,
    ),
    "sensitivity": (
        "tipping points and Monte Carlo stability of the ranking",
        report.args_sensitivity,
        report.cmd_sensitivity,
    ),
    "risk": ("churn-risk index and action list of every rated unit", ratings.args_risk, ratings.cmd_risk),
    "ratings": ("store ratings: a blank sheet, or ratings from a CSV file", ratings.args_ratings, ratings.cmd_ratings),
    "report": ("the report for managers: HTML, Markdown or Excel", report.args_report, report.cmd_report),
    "respondent": (
        "list, add, rename, reweight or remove respondents",
        respondents.args_respondent,
        respondents.cmd_respondent,
    ),
    "import": (
        "add respondents from filled questionnaires (.xlsx) or survey CSVs, or with --replace replace the answers of "
        "those already in the project (none if any file has a problem)",
        respondents.args_import,
        respondents.cmd_import,
    ),
    "judge": (
        "set or clear one judgment of one respondent; the node's verdict before and after",
        judge.args_judge,
        judge.cmd_judge,
    ),
    "export-survey": (
        "the questionnaire to send (.xlsx) or the blank survey CSV for a project's model",
        respondents.args_export_survey,
        respondents.cmd_export_survey,
    ),
    "serve": ("the interview in respondents' browsers: one invitation link each", serve.args_serve, serve.cmd_serve),
}


def build_parser(command: str | None = None, language: str = "en") -> Parser:
    """The argument parser: with every command, or only ``command``'s (argparse builds each
    sub-parser eagerly, and all of them cost more than the rest of a quick command's start); its
    help in ``language``."""
    parser = Parser(prog="ahp", language=language,
                    description=in_language(language, "Analytic Hierarchy Process: rank the causes of customer churn."))
    parser.set_defaults(func=None)
    sub = parser.add_subparsers(title=parser.words("commands"), metavar=parser.words("COMMAND"))
    for name, (help_text, add_arguments, func) in COMMANDS.items():
        if command is None or name == command:
            p = sub.add_parser(name, help=parser.words(help_text))
            add_arguments(p)
            p.set_defaults(func=func)
    return parser


def given_language(argv: Sequence[str], environment: Mapping[str, str] | None = None) -> str:
    """The language of a command line argparse may refuse: the one ``--lang`` asks for (the last
    one given wins, as in argparse), else the ``[settings] language`` of the first project file
    named (``*.toml``) that can be read; else, for a help (given an ``environment``), its locale's
    (:func:`locale_language`); English without any of them.

    >>> given_language(["rank", "p.ahp.toml", "--lang", "zh"]), given_language(["rank", "--lang=zh", "--seed"])
    ('zh', 'zh')
    >>> given_language(["rank", "--lang"]), given_language(["rank", "--lang", "fr"])
    ('en', 'en')
    >>> chinese = {"LANG": "zh_CN.UTF-8"}
    >>> given_language(["rank", "-h"], chinese), given_language(["rank", "-h", "--lang", "en"], chinese)
    ('zh', 'en')
    """
    from ahp.io.glossary import LANGUAGES

    chosen = None
    for arg, after in zip(argv, [*argv[1:], None], strict=True):
        value = arg.removeprefix("--lang=") if arg.startswith("--lang=") else after if arg == "--lang" else None
        chosen = value if value in LANGUAGES else chosen
    files = [arg for arg in argv if arg.endswith(".toml")]
    if chosen is None and files:
        from ahp.io.settings import file_language  # only then: it imports numpy

        chosen = next((found for found in map(file_language, files) if found), None)
    return chosen or (locale_language(environment) if environment is not None else "en")


def locale_language(environment: Mapping[str, str]) -> str:
    """The language of a locale, as gettext finds it: the first of ``LC_ALL``, ``LC_MESSAGES`` and
    ``LANG`` that is set names it, Chinese when it starts with ``zh``.

    >>> locale_language({"LANG": "zh_CN.UTF-8"}), locale_language({"LC_ALL": "C", "LANG": "zh_TW.UTF-8"})
    ('zh', 'en')
    """
    found = next((environment[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if environment.get(name)), "")
    return "zh" if found.startswith("zh") else "en"


def asks_help(argv: Sequence[str]) -> bool:
    """Whether ``argv`` asks for a help: ``-h``, or ``--help`` or what argparse takes for it (``--he``).

    >>> asks_help(["rank", "-h"]), asks_help(["rank", "--hel", "--lang", "zh"]), asks_help(["rank", "--", "-h"])
    (True, True, False)
    """
    options = argv[:argv.index("--")] if "--" in argv else argv
    return any(arg == "-h" or (len(arg) > 3 and "--help".startswith(arg)) for arg in options)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``ahp`` command; returns the exit status (a usage error exits with status 2). A
    help speaks the command line's language, else the locale's."""
    from ahp.cli.common import print_error

    argv = sys.argv[1:] if argv is None else list(argv)
    # Only a help pays for finding its language: the project file is read for it.
    language = given_language(argv, os.environ) if asks_help(argv) else "en"
    try:
        args = build_parser(argv[0] if argv and argv[0] in COMMANDS else None, language).parse_args(argv)
    except UsageError as exc:
        from ahp.io.terminal import clean

        print(clean(exc.words(language if language != "en" else given_language(argv))), file=sys.stderr)
        raise SystemExit(2) from None
    try:
        if args.func is None:
            return project.run_tui(DEFAULT_PROJECT)
        return args.func(args)
    except AHPError as exc:
        from ahp.io.glossary import told

        return print_error(told(exc, _error_language(args)), _error_language(args))
    except BrokenPipeError:
        return 0
    except OSError as exc:
        from ahp.io.glossary import told

        return print_error(told(exc, _error_language(args)), _error_language(args))
    except KeyboardInterrupt:
        return 130


def _error_language(args: argparse.Namespace) -> str:
    """The language of an error line: the command's output language once it found it (from the
    project file, :func:`ahp.cli.common.language`), else ``--lang``, else the project file's
    ``[settings] language`` if the file can be read, else English."""
    from ahp.io.settings import file_language

    found = getattr(args, "error_language", None) or getattr(args, "lang", None)
    project = getattr(args, "file", None) or getattr(args, "into", None)
    return found or (file_language(project) if isinstance(project, str) else None) or "en"


def run() -> NoReturn:
    """The ``ahp`` console script and ``python -m ahp``: run ``main`` and exit with its status."""
    # A stream the shell closed (``ahp check x >&-``) is None in Python: write to nowhere instead.
    sys.stdout = sys.stdout or io.StringIO()
    sys.stderr = sys.stderr or io.StringIO()
    code = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped early (``ahp rank ... | head``): nothing left to deliver, and the
        # interpreter's own flush at exit must not fail on the closed pipe again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(code)
