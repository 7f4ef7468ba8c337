"""Respondents: ``respondent list|add|rename|weight|remove``, ``import`` of surveys (CSV files
or filled questionnaire workbooks), and ``export-survey``, the blank questionnaire or CSV."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ahp.cli.common import (
    language,
    load,
    print_error,
    print_sheet_error,
    read_text,
    refuse_output_over_inputs,
    respondent_failures,
)
from ahp.cli.options import MAX_WEIGHT, Parser, add_all_errors, add_bom, add_file, add_lang, positive_number
from ahp.io.glossary import say

if TYPE_CHECKING:
    from ahp.io.project import Project
    from ahp.io.project_import import Row


def cmd_respondent(args: argparse.Namespace) -> int:
    from ahp.io.terminal import clean

    project = load(args.file, args)
    lang = language(args, project)
    if args.action == "list":
        from ahp.io.terminal import render_table

        rows = [[r.name, f"{r.weight:g}", str(sum(len(p) for p in r.judgments.values()))] for r in project.respondents]
        header = [say(k, lang) for k in ("respondent", "respondent.weight", "respondent.judgments")]
        print(render_table(header, rows, right={1, 2}))
        return 0
    kept = None
    if args.action == "add":
        project.add_respondent(args.name, args.weight)
    elif args.action == "rename":
        project.rename_respondent(args.name, args.new)
    elif args.action == "weight":
        project.set_respondent_weight(args.name, args.weight)
    elif args.action == "remove":
        kept = project.remove_respondent(args.name)  # keeps the file as it was; an unknown name copies nothing
    project.save()
    action = say(f"action.{args.action}", lang, name=args.name, new=getattr(args, "new", ""),
                 weight=getattr(args, "weight", 1.0))
    print(clean(say("respondent.done", lang, action=action, n=len(project.respondents), file=args.file)))
    if kept:
        print(clean(say("respondent.kept", lang, kept=kept)))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Add the respondents of one or many surveys (CSV or questionnaires) in one save, or none
    of them when any file has a problem; with ``--replace``, those already in the project get
    the surveys' answers instead of theirs."""
    from ahp.errors import SurveyError
    from ahp.io.terminal import clean, print_failures

    project = load(args.into, args)
    lang = language(args, project)
    rows, refused = [], []
    sources = {r.name: "" for r in project.respondents}  # each name and the file it came from ("": the project)
    for path in args.surveys:
        try:
            found = _read_survey_file(path, project, args.coding, sources, args.replace)
        except SurveyError as exc:
            refused.append((path, exc))
            continue
        rows += found
        sources.update({name: path for name, _, _ in found})
    if refused:
        if args.all_errors:
            return max(print_sheet_error(path, exc, True, lang) for path, exc in refused)
        path, exc = refused[0]
        return print_sheet_error(path, exc, False, lang, sum(max(len(e.problems), 1) for _, e in refused[1:]))
    _import_rows(args, project, rows, lang)
    failures = respondent_failures(project, [name for name, _, _ in rows])
    if failures:
        from ahp.io.glossary import separator

        print()
        print_failures(failures, len(rows), lang)
        names = list(dict.fromkeys(name for name, _ in failures))
        print(clean(say("import.warning", lang, k=len(names), n=len(rows), names=separator(lang).join(names),
                        file=args.into)), file=sys.stderr)
    return 0


def _import_rows(args: argparse.Namespace, project: Project, rows: list[Row], lang: str) -> None:
    """Save the surveys' respondents into the project and say so; for each one replaced, what
    changed, and where the project as it was is kept."""
    from ahp.io.revision import revision, revision_lines, taken
    from ahp.io.terminal import clean

    known = {r.name for r in project.respondents}
    replaced = {name: taken(project, name) for name, _, _ in rows if name in known}
    kept = project.import_respondents(rows, replace=args.replace)
    pairs = sum(len(p) for _, _, judgments in rows for p in judgments.values())
    split = say("import.split", lang, added=len(rows) - len(replaced), replaced=len(replaced)) if replaced else ""
    print(clean(say("import.done", lang, n=len(rows), pairs=pairs, file=args.into) + split))
    for name, was in replaced.items():
        for line in revision_lines(project, revision(project, name, was), lang):
            print(clean(line))
    if kept:
        print(clean(say("respondent.kept", lang, kept=kept)))


def _read_survey_file(
    path: str, project: Project, coding: str, sources: dict[str, str], replace: bool = False,
) -> list[Row]:
    """The respondents of one survey file: a questionnaire (``.xlsx``) or a CSV survey. A name
    already in an earlier file (``sources``) is refused, and one in the project too unless
    ``replace``; with ``replace``, a row's weight is ``None`` when the file gives none."""
    from ahp.errors import Phrase, SurveyError
    from ahp.io.glossary import worded

    taken = {name: where for name, where in sources.items() if where or not replace}
    if path.lower().endswith(".xlsx"):
        from ahp.io.survey_xlsx_read import read_questionnaire

        name, weight, judgments = read_questionnaire(path, project.model, taken)
        return [(name, None if replace else weight, judgments)]  # a questionnaire gives no weight
    from ahp.io.survey import read_survey

    in_project = {name for name, where in taken.items() if not where}
    found = read_survey(read_text(path), project.model.root, coding, in_project, None if replace else 1.0)
    at = Phrase("column '{column}'", {"column": worded("sheet.respondent")})
    twice = [Phrase("{at}: '{name}' is also the respondent of {other}",
                    {"at": at, "name": name, "other": sources[name]}) for name, _, _ in found if sources.get(name)]
    if twice:
        raise SurveyError(Phrase("{k} problem(s) in the file; nothing imported", {"k": len(twice)}), twice)
    return found


def cmd_export_survey(args: argparse.Namespace) -> int:
    """The blank survey: a questionnaire workbook for an ``.xlsx`` output, else the CSV header."""
    from ahp.io.terminal import clean

    if args.output not in (None, "-"):
        refuse_output_over_inputs(args.output, args.file)
    project = load(args.file, args)
    lang = language(args, project)
    if args.output and args.output.lower().endswith(".xlsx"):
        return _export_questionnaire(args, project, lang)
    if args.respondent is not None:
        return print_error(say("survey.respondent csv", lang, option="--respondent", ext="xlsx"), lang)
    from ahp.io.survey import template

    text = template(project.model.root, lang, args.bom)
    if args.output in (None, "-"):
        sys.stdout.write(text)
        return 0
    from ahp.io.atomic import write_atomic

    write_atomic(args.output, text)
    print(clean(say("survey.written", lang, file=args.output)))
    return 0


def _export_questionnaire(args: argparse.Namespace, project: Project, lang: str) -> int:
    from ahp.io.survey_xlsx import write_questionnaire
    from ahp.io.terminal import clean, project_title

    respondent = " ".join((args.respondent or "").split())
    write_questionnaire(args.output, project_title(project, lang), project.model, lang, respondent or None)
    print(clean(say("survey.xlsx written", lang, file=args.output)))
    if respondent in {r.name for r in project.respondents}:  # a second questionnaire, to correct their answers
        print(clean(say("survey.respondent known", lang, name=respondent, file=args.file, option="--replace")))
    return 0


def args_respondent(p: Parser) -> None:
    weight = positive_number(MAX_WEIGHT)
    actions = p.add_subparsers(title=p.words("actions"), metavar=p.words("ACTION"), dest="action", required=True)
    a = actions.add_parser("list", help=p.words("the respondents, their weights and how many judgments each gave"))
    add_file(a)
    a = actions.add_parser("add", help=p.words("add a respondent"))
    add_file(a)
    a.add_argument("name", metavar=a.words("name"))
    a.add_argument("--weight", type=weight, default=1.0, metavar=a.words("WEIGHT"),
                   help=a.words("how much they count (default 1, at most {most:g})", most=MAX_WEIGHT))
    a = actions.add_parser("rename", help=p.words("rename a respondent"))
    add_file(a)
    a.add_argument("name", metavar=a.words("name"))
    a.add_argument("new", metavar=a.words("new"))
    a = actions.add_parser("weight", help=p.words("set how much a respondent counts"))
    add_file(a)
    a.add_argument("name", metavar=a.words("name"), help=a.words("the respondent's name"))
    a.add_argument("weight", type=weight, metavar=a.words("weight"),
                   help=a.words("how much the respondent counts when judgments are combined (above 0, default 1)"))
    a = actions.add_parser("remove", help=p.words("remove a respondent and their judgments (the file as it was is "
                                                  "kept beside it)"))
    add_file(a)
    a.add_argument("name", metavar=a.words("name"))
    for action in actions.choices.values():
        add_lang(action, "messages")


def args_import(p: Parser) -> None:
    p.add_argument("surveys", nargs="+", metavar=p.words("SURVEY"),
                   help=p.words("filled questionnaires (.xlsx, one respondent each) or CSV surveys (respondent, "
                                "optional weight, one column per pair 'a vs b'); all are imported, or none"))
    p.add_argument("--into", required=True, metavar=p.words("INTO"), help=p.words("project file (*.ahp.toml)"))
    p.add_argument("--coding", choices=("ratio", "signed"), default="ratio",
                   help=p.words("CSV cells: ratio: a/b as 3, 1/5, 0.2; signed: v > 0 a matters more, judged v; "
                                "v < 0 b matters more, judged |v|"))
    p.add_argument("--replace", action="store_true",
                   help=p.words("a respondent already in the project gets the file's answers instead of theirs (their "
                                "weight too, when the file gives one); the project as it was is kept beside it"))
    add_all_errors(p)
    add_lang(p, "messages")


def args_export_survey(p: Parser) -> None:
    add_file(p)
    p.add_argument("-o", "--output", metavar=p.words("OUTPUT"),
                   help=p.words("file to write: .xlsx for the questionnaire workbook, else the CSV header (default: "
                                "the CSV on standard output)"))
    p.add_argument("--respondent", metavar=p.words("NAME"),
                   help=p.words("the questionnaire's respondent, filled in on its first sheet"))
    add_lang(p, "questionnaire, or the CSV header row", "pairs by paths in en, by names in zh")
    add_bom(p)
