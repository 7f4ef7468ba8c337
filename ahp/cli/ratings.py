"""Units and their churn risk: ``ratings import|template`` and ``risk``."""

from __future__ import annotations

import argparse
import sys

from ahp.cli.common import (
    apply_settings,
    language,
    load,
    print_sheet_error,
    read_text,
    refuse_output_over_inputs,
    require_respondent,
)
from ahp.cli.options import (
    Parser,
    add_all_errors,
    add_bom,
    add_conventions,
    add_file,
    add_group,
    add_lang,
    add_respondent,
    fraction,
)
from ahp.errors import AHPError, Phrase


def cmd_ratings(args: argparse.Namespace) -> int:
    from ahp.errors import SurveyError
    from ahp.io.glossary import say
    from ahp.io.ratings_file import read_ratings, template
    from ahp.io.terminal import clean

    if args.action == "template" and args.output not in (None, "-"):
        refuse_output_over_inputs(args.output, args.file)
    project = load(args.file if args.action == "template" else args.into, args)
    lang = language(args, project)
    if args.action == "template":
        return _write_template(template(project.model, lang, args.bom), args.output, lang)
    text = read_text(args.csv)
    try:
        rows = read_ratings(text, project.model)
    except SurveyError as exc:
        return print_sheet_error(args.csv, exc, args.all_errors, lang)
    added, updated = project.import_ratings(rows)
    project.save()
    print(clean(say("ratings.done", lang, added=added, updated=updated, file=args.into)))
    return 0


def _write_template(text: str, output: str | None, lang: str) -> int:
    """The blank ratings sheet to standard output (no ``-o``, or ``-o -``), or to the file ``output``."""
    if output in (None, "-"):
        sys.stdout.write(text)
        return 0
    from ahp.io.atomic import write_atomic
    from ahp.io.glossary import say
    from ahp.io.terminal import clean

    write_atomic(output, text)
    print(clean(say("ratings.written", lang, file=output)))
    return 0


def cmd_risk(args: argparse.Namespace) -> int:
    from ahp.io.risk import risk_report

    project = load(args.file, args)
    apply_settings(project, args)
    require_respondent(project, args.respondent)
    if not project.units:
        raise AHPError(Phrase("{file}: no units are rated yet; import ratings with: ahp ratings import FILE.csv --into "
                              "{file}", {"file": args.file}))
    report = risk_report(project, project.synthesize(args.respondent, suggestions=0), args.min_coverage,
                         args.operator, args.owner)
    if args.format == "json":
        import json

        from ahp.io.export import risk_dict

        print(json.dumps(risk_dict(report), ensure_ascii=False, indent=2, allow_nan=False))
    else:
        from ahp.io.terminal import print_risk

        print_risk(project, report, args.respondent, language(args, project))
    return 0


def args_ratings(p: Parser) -> None:
    actions = p.add_subparsers(title=p.words("actions"), metavar=p.words("ACTION"), dest="action", required=True)
    a = actions.add_parser("import",
                           help=p.words("add or update units' ratings (nothing is imported if any cell is bad)"))
    a.add_argument("csv", metavar=a.words("csv"),
                   help=a.words("CSV: unit, then one column per churn factor path; a cell is a grade, or counts per "
                                "grade such as '很好:12 较好:30 一般:20 较差:8 很差:2'"))
    a.add_argument("--into", required=True, metavar=a.words("INTO"), help=a.words("project file (*.ahp.toml)"))
    add_all_errors(a)
    add_lang(a, "messages")
    a = actions.add_parser("template", help=p.words("the blank ratings sheet for a project's model"))
    add_file(a)
    a.add_argument("-o", "--output", metavar=a.words("OUTPUT"),
                   help=a.words("the CSV file to write (default: standard output)"))
    add_lang(a, "header row", "factors by paths in en, by names in zh")
    add_bom(a)


def args_risk(p: Parser) -> None:
    add_file(p)
    p.add_argument("--format", choices=("table", "json"), default="table",
                   help=p.words("output format: table (the terminal's) or json (default: table)"))
    add_respondent(p, "one respondent's weights (default: all combined)")
    add_lang(p, "table")
    p.add_argument(
        "--min-coverage",
        type=fraction,
        default=0.5,
        metavar=p.words("MIN_COVERAGE"),
        help=p.words("rank only units rated on at least this share of the weight; list the rest apart (default 50%%)"),
    )
    p.add_argument(
        "--operator",
        choices=("weighted-average", "main-factor"),
        default="weighted-average",
        help=p.words("fuzzy evaluation B = W o R: weighted-average M(·,+) (default) or main-factor M(∧,∨)"),
    )
    p.add_argument(
        "--owner",
        choices=("store", "head-office", "external"),
        help=p.words("list only the actions this owner can take (default: all, grouped by owner)"),
    )
    add_group(p)
    add_conventions(p)
