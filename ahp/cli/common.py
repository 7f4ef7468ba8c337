"""What several commands do alike: load a project, read an input file, guard an output path,
report a sheet's bad cells, and find the respondents who fail a node.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> refuse_output_over_inputs(str(folder / "report.html"), str(folder / "p.ahp.toml"))
>>> refuse_output_over_inputs(str(folder / "p.ahp.toml.bak"), str(folder / "p.ahp.toml"))  # doctest: +ELLIPSIS
Traceback (most recent call last):
ahp.errors.AHPError: ...p.ahp.toml.bak: is the backup of the input p.ahp.toml; choose another output file
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from ahp.errors import AHPError, Phrase, Worded

if TYPE_CHECKING:
    from ahp.core.hierarchy import CombinedTest, NodeAnalysis, Synthesis
    from ahp.errors import SurveyError
    from ahp.io.project import Project


def load(path: str, args: argparse.Namespace | None = None) -> Project:
    """The project file at ``path``; with the command's ``args``, its output language is kept in
    ``args.error_language`` for :func:`ahp.cli.main` to word a later error line in it."""
    from ahp.io.project import load_project

    project = load_project(path)
    if args is not None:
        args.error_language = language(args, project)
    return project


def language(args: argparse.Namespace, project: Project | None = None) -> str:
    """The output's language: ``--lang``, else the project's ``[settings] language``, else English."""
    if getattr(args, "lang", None):
        return args.lang
    return getattr(getattr(project, "settings", None), "language", "en")


def print_error(message: str, lang: str = "en") -> int:
    """``ahp: error: message`` on standard error, ``ahp：错误：message`` in Chinese; returns exit status 2.

    >>> import contextlib, io
    >>> with contextlib.redirect_stderr(io.StringIO()) as err:
    ...     print_error("p.ahp.toml：文件不存在", "zh")
    2
    >>> err.getvalue()
    'ahp：错误：p.ahp.toml：文件不存在\\n'
    """
    from ahp.io.glossary import say
    from ahp.io.terminal import clean

    print(clean(say("sheet.error", lang) + message), file=sys.stderr)
    return 2


def print_model_note(project: Project, lang: str = "en") -> None:
    """A footer line when the file's model is another edition of the built-in model of its id."""
    from ahp.io.glossary import say
    from ahp.io.model import builtin_difference
    from ahp.io.terminal import clean

    note = builtin_difference(project.model)
    if note:
        print(clean(f"note: {note}" if lang == "en" else say("model note", lang, id=project.model.id)))


#: Settings a command line may override: the option's name in ``args``, the setting's in the file.
SETTING_OPTIONS: tuple[tuple[str, str], ...] = (
    ("aggregation", "aggregation"), ("inconsistent", "inconsistent"), ("method", "method"), ("practice", "practice"),
    ("ri", "random_index"), ("threshold", "threshold"), ("lambda_max", "lambda_max"),
)


def apply_settings(project: Project, args: argparse.Namespace) -> None:
    """Override the project's settings from the command line, for this run only: ``--practice``
    brings its preset over the project's own conventions, and each option given wins over both."""
    given = {name: getattr(args, option, None) for option, name in SETTING_OPTIONS}
    changes = {name: value for name, value in given.items() if value is not None}
    if changes:
        project.settings = project.settings.with_changes(**changes)


def require_respondent(project: Project, name: str | None) -> None:
    """Refuse a ``--respondent`` the project does not have (``None``: all of them, fine)."""
    project.respondent_index(name)


def read_text(path: str) -> str:
    """A text file's contents (UTF-8, GB18030 or UTF-16: :func:`decode`); a one-line error otherwise."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        raise AHPError(Phrase("{file}: no such file", {"file": path})) from None
    except IsADirectoryError:
        raise AHPError(Phrase("{file}: is a folder, not a file", {"file": path})) from None
    return decode(data, path)


def decode(data: bytes, where: str | Worded) -> str:
    """``data`` as text (UTF-8, GB18030 or UTF-16 with its mark: :func:`ahp.io.sheet.decode`).

    >>> decode("caf\\u00e9\\n".encode("latin-1"), "a.csv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ahp.errors.AHPError: a.csv, line 1: byte 0xe9 is neither UTF-8 nor GB18030 (GBK); save the file as ...
    """
    from ahp.io.sheet import decode as decode_sheet

    return decode_sheet(data, where)


def refuse_output_over_inputs(output: str, *inputs: str) -> None:
    """Refuse to write ``output`` onto an input file or its ``.bak`` (symlinks followed)."""
    target = os.path.realpath(output)
    for given in inputs:
        real = os.path.realpath(given)
        if target == real:
            raise AHPError(Phrase("{output}: is the input {given}; choose another output file",
                                  {"output": output, "given": given}))
        if target in (real + ".bak", os.path.realpath(given + ".bak")):
            raise AHPError(Phrase("{output}: is the backup of the input {given}; choose another output file",
                                  {"output": output, "given": os.path.basename(given)}))
        if os.path.realpath(output + ".bak") == real:
            raise AHPError(Phrase("{output}: writing it would replace {given} with its backup; choose another output "
                                  "file", {"output": output, "given": given}))


def print_sheet_error(path: str, exc: SurveyError, every: bool, language: str = "en", others: int = 0) -> int:
    """A survey's or ratings sheet's bad cells: the first in one line and how many others (with
    ``others``, the problems of the other files of the same import), or with ``every``, the
    summary and then every one, a line each, in ``language``. Returns exit status 2."""
    from ahp.io.glossary import say, told
    from ahp.io.terminal import clean

    problems = exc.problems
    if every or not problems:
        print_error(say("sheet.summary", language, file=path, summary=told(exc, language)), language)
        for problem in problems if every else ():
            print(clean(f"  {say('sheet.where', language, file=path, problem=told(problem, language))}"),
                  file=sys.stderr)
        return 2
    more = len(problems) - 1 + others
    tail = say("sheet.more", language, k=more, option="--all-errors") if more else ""
    return print_error(say("sheet.where", language, file=path, problem=told(problems[0], language)) + tail
                       + say("sheet.nothing imported", language), language)


def respondent_failures(project: Project, names: list[str]) -> list[tuple[str, NodeAnalysis | CombinedTest]]:
    """Each named respondent's nodes that are inconsistent or lack judgments, in order, or
    their combined test when it alone fails (every node determined and passing).

    Respondents with no judgments at all are left out (they count nowhere).
    """
    failures: list[tuple[str, NodeAnalysis | CombinedTest]] = []
    for name in names:
        respondent = project.respondents[project.respondent_index(name)]
        if not any(respondent.judgments.values()):
            continue
        synthesis = project.synthesize(name, suggestions=0)
        failures += [(name, a) for a in synthesis.nodes.values() if a.status != "consistent"]
        if synthesis.complete and not synthesis.failing and not synthesis.combined.passed:
            failures.append((name, synthesis.combined))
    return failures


def incomplete_error(file: str, project: Project, synthesis: Synthesis, what: str,
                     respondent: str | None = None) -> AHPError:
    """The error of a command that needs every node's weights (``what``: ``rank``, ``report`` or
    ``sensitivity``) from ``respondent``'s judgments (everyone's when ``None``): how many nodes
    lack judgments, and the first one's reason."""
    from ahp.io.glossary import LANGUAGES, worded
    from ahp.io.wording import judged_pairs, path_name, reason_text

    missing = [a for a in synthesis.nodes.values() if a.result is None]
    node = Worded(*(path_name(project, missing[0].path, lang) for lang in LANGUAGES))
    judged = judged_pairs(project, missing[0].path, respondent)
    problem = Worded(*(reason_text(missing[0], judged, lang) for lang in LANGUAGES))
    return AHPError(Phrase("{file}: cannot {what} yet, {k} node(s) lack judgments; first: {node}: {problem}", {
        "file": file, "what": worded(f"incomplete.{what}"), "k": len(missing), "node": node, "problem": problem}))


def silent_respondents(project: Project) -> list[str]:
    """The respondents who gave no judgment at all."""
    return [r.name for r in project.respondents if not any(r.judgments.values())]
