"""How sure the ranking is, and the report for managers: ``sensitivity`` and ``report``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

from ahp.cli.common import (
    apply_settings,
    incomplete_error,
    language,
    load,
    refuse_output_over_inputs,
    require_respondent,
)
from ahp.cli.options import (
    MAX_SPREAD,
    MAX_TOP,
    Parser,
    add_conventions,
    add_draws,
    add_file,
    add_group,
    add_lang,
    add_respondent,
    positive_number,
    whole_number,
)
from ahp.errors import AHPError, Phrase, listed


def cmd_sensitivity(args: argparse.Namespace) -> int:
    project = load(args.file, args)
    apply_settings(project, args)
    require_respondent(project, args.respondent)
    synthesis = project.synthesize(args.respondent, suggestions=0)
    if not synthesis.complete:
        raise incomplete_error(args.file, project, synthesis, "sensitivity", args.respondent)
    one_way = project.sensitivity(args.respondent, top=args.top)
    mc = None
    if args.draws:
        mc = project.monte_carlo(args.respondent, draws=args.draws, seed=args.seed, noise=args.noise,
                                 spread=args.spread, top=args.top, progress=_progress_printer("Monte Carlo"))
    if args.format == "json":
        import json

        from ahp.io.export import sensitivity_dict

        print(json.dumps(sensitivity_dict(project, one_way, mc), ensure_ascii=False, indent=2))
    else:
        from ahp.io.terminal import print_sensitivity

        print_sensitivity(project, project.synthesize(args.respondent, suggestions=0), one_way, mc, args.respondent,
                          language=language(args, project))
    return 0


def _progress_printer(what: str) -> Callable[[int, int], None] | None:
    """A progress callback that draws a bar on stderr once work takes longer than a moment."""
    import time

    if not sys.stderr.isatty():
        return None
    started = time.monotonic()

    def show(done: int, total: int) -> None:
        if time.monotonic() - started < 0.3 and done < total:
            return
        filled = round(30 * done / total)
        end = "\n" if done >= total else ""
        print(f"\r{what} [{'#' * filled}{'.' * (30 - filled)}] {done}/{total}", end=end, file=sys.stderr, flush=True)

    return show


def cmd_report(args: argparse.Namespace) -> int:
    from ahp.io.glossary import say
    from ahp.io.report import FORMATS, gather, write_report

    fmt = args.format or os.path.splitext(args.output)[1].lstrip(".").lower()
    if fmt not in FORMATS:
        raise AHPError(Phrase("{output}: say --format {some} or {last} (or use one of those extensions)",
                              {"output": args.output, "some": listed(FORMATS[:-1]), "last": FORMATS[-1]}))
    refuse_output_over_inputs(args.output, args.file)
    project = load(args.file, args)
    apply_settings(project, args)
    lang = language(args, project)
    synthesis = project.synthesize(suggestions=0)
    if not synthesis.complete:
        raise incomplete_error(args.file, project, synthesis, "report", args.respondent)
    require_respondent(project, args.respondent)
    data = gather(project, lang, args.draws, args.seed, args.respondent,
                  client=args.client, consultant=args.consultant)
    write_report(data, args.output, fmt)
    shown = {"html": "HTML", "md": "Markdown", "xlsx": "Excel", "docx": "Word"}[fmt] if lang == "zh" else fmt
    print(say("report.written", lang, fmt=shown, file=args.output))
    return 0


def args_sensitivity(p: Parser) -> None:
    add_file(p)
    p.add_argument("--format", choices=("table", "json"), default="table",
                   help=p.words("output format: table (the terminal's) or json (default: table)"))
    add_respondent(p)
    add_draws(p, 10_000, "Monte Carlo draws (default 10000; 0 skips it)")
    p.add_argument("--noise", choices=("lognormal", "step"), default="lognormal",
                   help=p.words("lognormal: ratio times exp(spread * N(0,1)); step: -1, 0 or +1 on Saaty's scale"))
    p.add_argument("--spread", type=positive_number(MAX_SPREAD), default=0.2, metavar=p.words("SPREAD"),
                   help=p.words("sigma of the log-normal noise (default 0.2, at most {most:g})", most=MAX_SPREAD))
    p.add_argument("--top", type=whole_number(1, MAX_TOP), default=3, metavar=p.words("TOP"),
                   help=p.words("how many top factors to watch (default 3, 1 to {most})", most=MAX_TOP))
    add_group(p)
    add_lang(p, "tables")
    add_conventions(p)


def args_report(p: Parser) -> None:
    add_file(p)
    p.add_argument("-o", "--output", required=True, metavar=p.words("OUTPUT"),
                   help=p.words("file to write (never the project file or its .bak)"))
    p.add_argument("--format", choices=("html", "md", "xlsx", "docx"),
                   help=p.words("default: from the output's extension"))
    add_lang(p, "report")
    p.add_argument("--client", metavar=p.words("CLIENT"),
                   help=p.words("the client named on the cover (default: the project's [project] client)"))
    p.add_argument("--consultant", metavar=p.words("CONSULTANT"),
                   help=p.words("the consultant named on the cover (default: the project's [project] consultant)"))
    add_draws(p, None, "add the sensitivity summary with this many Monte Carlo draws (0: tipping points only)")
    add_respondent(p, "one respondent's judgments (default: all combined, with their consensus)")
    add_group(p)
    add_conventions(p)
