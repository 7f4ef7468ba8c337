"""Commands on a whole project: ``open``, ``new``, ``rank``, ``check`` and ``group``."""

from __future__ import annotations

import argparse
import sys

from ahp.cli.common import (
    apply_settings,
    incomplete_error,
    language,
    load,
    print_model_note,
    require_respondent,
    respondent_failures,
    silent_respondents,
)
from ahp.cli.options import Parser, add_bom, add_conventions, add_file, add_group, add_lang, add_respondent
from ahp.errors import AHPError, Phrase


def cmd_open(args: argparse.Namespace) -> int:
    return run_tui(args.file, args.lang)


def run_tui(file: str, lang: str | None = None) -> int:
    """The interview screen on ``file`` (imports Textual only now), in ``lang`` (default: the
    project's ``[settings] language``)."""
    from pathlib import Path

    from ahp.tui.app import run

    return run(Path(file), lang)


def cmd_new(args: argparse.Namespace) -> int:
    from ahp.io.glossary import say
    from ahp.io.project import new_project
    from ahp.io.settings import Settings
    from ahp.io.terminal import clean

    practice = args.practice or ("zh-textbook" if args.lang == "zh" else None)
    chosen = {"language": args.lang, "practice": practice}
    settings = Settings().with_changes(**{k: v for k, v in chosen.items() if v is not None})
    project = new_project(args.file, args.model, args.title, settings)
    leaves = sum(1 for _ in project.synthesize().ranking)
    print(clean(say("new.created", args.lang or "en", file=args.file, model=project.model.id,
                    matrices=len(project.inner), factors=leaves)))
    if practice == "zh-textbook":
        print(clean(_ZH_TEXTBOOK_NOTE[args.lang or "en"]))
    return 0


#: What ``ahp new`` says when it sets the zh-textbook practice.
_ZH_TEXTBOOK_NOTE = {
    "en": "settings: practice zh-textbook, as Chinese textbooks compute: RI of Saaty (1980), CR < 0.10 for every n, "
          "lambda_max = (1/n) sum (Aw)_i / w_i; change it with --practice saaty, or in the settings screen (key c)",
    "zh": "设置：采用国内教材惯例（practice = zh-textbook）：RI 取 Saaty (1980) 表，各阶 CR < 0.10 即通过一致性检验，"
          "λmax = (1/n) Σ (Aw)ᵢ / wᵢ；如需改用 Saaty 惯例，可用 --practice saaty 或在设置界面（按 c）修改",
}


def cmd_rank(args: argparse.Namespace) -> int:
    project = load(args.file, args)
    apply_settings(project, args)
    require_respondent(project, args.respondent)
    panel = project.panel(suggestions=0) if args.respondent is None and len(project.respondents) > 1 else None
    synthesis = panel.synthesis if panel is not None else project.synthesize(args.respondent, suggestions=0)
    if not synthesis.complete:
        raise incomplete_error(args.file, project, synthesis, "rank", args.respondent)
    if args.format == "table":
        from ahp.io.terminal import print_ranking

        print_ranking(project, synthesis, args.respondent, language(args, project), panel)
        print_model_note(project, language(args, project))
    else:
        from ahp.io.export import render

        sys.stdout.write(render(project, synthesis, args.format, args.respondent, panel, language(args, project),
                                args.bom))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Exit 0 when the combined matrices and every respondent's pass, 1 when any fails."""
    from ahp.io.terminal_check import print_check

    project = load(args.file, args)
    apply_settings(project, args)
    require_respondent(project, args.respondent)
    synthesis = project.synthesize(args.respondent)
    failures, left_out = [], []
    if args.respondent is None and len(project.respondents) > 1:
        left_out = silent_respondents(project)
        failures = respondent_failures(project, [r.name for r in project.respondents])
    if args.format == "json":
        import json

        from ahp.io.export import check_dict

        data = check_dict(project, synthesis, args.respondent, failures, left_out, language(args, project))
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print_check(project, synthesis, args.respondent, failures, left_out, language(args, project))
        print_model_note(project, language(args, project))
    return 0 if synthesis.consistent and not failures else 1


def cmd_group(args: argparse.Namespace) -> int:
    project = load(args.file, args)
    apply_settings(project, args)
    if len(project.respondents) < 2:
        raise AHPError(Phrase("{file}: a panel needs at least two respondents; it has {k}",
                              {"file": args.file, "k": len(project.respondents)}))
    panel = project.panel(suggestions=0)
    if args.format == "json":
        import json

        from ahp.io.export import panel_dict

        print(json.dumps(panel_dict(project, panel), ensure_ascii=False, indent=2))
    else:
        from ahp.io.terminal import print_panel

        print_panel(project, panel, language=language(args, project))
    return 0


def args_open(p: Parser) -> None:
    add_file(p)
    add_lang(p, "screens")


def args_new(p: Parser) -> None:
    from ahp.core.practice import PRACTICES

    add_file(p, "project file to create (*.ahp.toml); never overwritten")
    p.add_argument("--model", default="retail-churn", metavar=p.words("MODEL"),
                   help=p.words("built-in model name or model file (default: retail-churn)"))
    p.add_argument("--title", metavar=p.words("TITLE"), help=p.words("project title"))
    p.add_argument("--lang", choices=("en", "zh"),
                   help=p.words("the project's language; zh also proposes the zh-textbook practice"))
    p.add_argument("--practice", choices=PRACTICES,
                   help=p.words("saaty (default) or zh-textbook: RI of Saaty (1980), CR < 0.10, the textbook "
                                "lambda_max"))


def args_rank(p: Parser) -> None:
    add_file(p)
    p.add_argument("--format", choices=("table", "json", "csv", "md"), default="table",
                   help=p.words("output format: table (the terminal's), json, csv or md (Markdown) (default: table)"))
    add_respondent(p)
    add_group(p)
    add_lang(p, "table, Markdown and CSV", "JSON keys stay English")
    add_bom(p)
    add_conventions(p)


def args_check(p: Parser) -> None:
    add_file(p)
    p.add_argument("--format", choices=("table", "json"), default="table",
                   help=p.words("output format: table (the terminal's) or json (default: table)"))
    add_respondent(p, "check only this respondent (default: every respondent, and all combined)")
    add_group(p)
    add_lang(p, "table and the sentences of the JSON", "its keys stay English")
    add_conventions(p)


def args_group(p: Parser) -> None:
    add_file(p)
    p.add_argument("--format", choices=("table", "json"), default="table",
                   help=p.words("output format: table (the terminal's) or json (default: table)"))
    add_group(p)
    add_lang(p, "table")
    add_conventions(p)
