"""Respondents: ``respondent list|add|rename|weight|remove``, ``import`` of a survey, and
``export-survey``, its blank form."""

from __future__ import annotations

import argparse
import sys

from ahp.cli.common import (
    language,
    load,
    print_sheet_error,
    read_text,
    refuse_output_over_inputs,
    respondent_failures,
)
from ahp.cli.options import MAX_WEIGHT, Parser, add_all_errors, add_bom, add_file, add_lang, positive_number
from ahp.io.glossary import say


def cmd_respondent(args: argparse.Namespace) -> int:
    from ahp.io.terminal import clean

    project = load(args.file)
    lang = language(args, project)
    if args.action == "list":
        from ahp.io.terminal import render_table

        rows = [[r.name, f"{r.weight:g}", str(sum(len(p) for p in r.judgments.values()))] for r in project.respondents]
        print(render_table([say(k, lang) for k in ("respondent", "weight", "respondent.judgments")], rows, right={1, 2}))
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
    from ahp.errors import SurveyError
    from ahp.io.survey import read_survey
    from ahp.io.terminal import clean

    project = load(args.into)
    text = read_text(args.survey)
    try:
        rows = read_survey(text, project.model.root, args.coding, {r.name for r in project.respondents})
    except SurveyError as exc:
        return print_sheet_error(args.survey, exc, args.all_errors)
    project.import_respondents(rows)
    lang = language(args, project)
    pairs = sum(len(p) for _, _, judgments in rows for p in judgments.values())
    print(clean(say("import.done", lang, n=len(rows), pairs=pairs, file=args.into)))
    failures = respondent_failures(project, [name for name, _, _ in rows])
    if failures:
        from ahp.io.glossary import separator

        names = list(dict.fromkeys(name for name, _ in failures))
        print(clean(say("import.warning", lang, k=len(names), n=len(rows), names=separator(lang).join(names),
                        file=args.into)), file=sys.stderr)
    return 0


def cmd_export_survey(args: argparse.Namespace) -> int:
    from ahp.io.survey import template

    if args.output not in (None, "-"):
        refuse_output_over_inputs(args.output, args.file)
    project = load(args.file)
    lang = language(args, project)
    text = template(project.model.root, lang, args.bom)
    if args.output in (None, "-"):
        sys.stdout.write(text)
        return 0
    from ahp.io.atomic import write_atomic

    write_atomic(args.output, text)
    print(say("survey.written", lang, file=args.output))
    return 0


def args_respondent(p: argparse.ArgumentParser) -> None:
    weight = positive_number(MAX_WEIGHT)
    actions = p.add_subparsers(title="actions", metavar="ACTION", dest="action", required=True, parser_class=Parser)
    a = actions.add_parser("list", help="the respondents, their weights and how many judgments each gave")
    add_file(a)
    a = actions.add_parser("add", help="add a respondent")
    add_file(a)
    a.add_argument("name")
    a.add_argument("--weight", type=weight, default=1.0, help=f"how much they count (default 1, at most {MAX_WEIGHT:g})")
    a = actions.add_parser("rename", help="rename a respondent")
    add_file(a)
    a.add_argument("name")
    a.add_argument("new")
    a = actions.add_parser("weight", help="set how much a respondent counts")
    add_file(a)
    a.add_argument("name")
    a.add_argument("weight", type=weight)
    a = actions.add_parser("remove", help="remove a respondent and their judgments (the file as it was is kept beside it)")
    add_file(a)
    a.add_argument("name")
    for action in actions.choices.values():
        add_lang(action, "messages")


def args_import(p: argparse.ArgumentParser) -> None:
    p.add_argument("survey", help="CSV: respondent, optional weight, one column per pair 'a vs b'")
    p.add_argument("--into", required=True, help="project file (*.ahp.toml)")
    p.add_argument("--coding", choices=("ratio", "signed"), default="ratio",
                   help="ratio: a/b as 3, 1/5, 0.2; signed: v > 0 a matters v times more, v < 0 b does")
    add_all_errors(p)
    add_lang(p, "messages")


def args_export_survey(p: argparse.ArgumentParser) -> None:
    add_file(p)
    p.add_argument("-o", "--output", help="file to write (default: standard output)")
    add_lang(p, "header row (pairs by paths in en, by names in zh)")
    add_bom(p)
