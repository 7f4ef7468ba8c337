"""The ``ahp`` command. ``rank``, ``check`` and ``weights`` never import Textual.

Exit status: 0 success; 1 ``check`` found an inconsistent or incomplete node; 2 bad input,
with a one-line message on stderr.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from ahp.errors import AHPError
from ahp.heap import keep_freed_memory

DEFAULT_PROJECT = "churn.ahp.toml"
#: The garbage collector's thresholds for a command (see :func:`run`).
GC_THRESHOLDS = (100_000, 10, 10)


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (and exit status 2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")

    def _get_formatter(self) -> argparse.HelpFormatter:
        # argparse asks shutil for the terminal width, and importing shutil (with bz2 and lzma)
        # costs `ahp rank` several milliseconds; os knows the width too.
        try:
            width = os.get_terminal_size(sys.stdout.fileno()).columns
        except (OSError, ValueError):
            width = int(os.environ.get("COLUMNS", "80")) if os.environ.get("COLUMNS", "").isdigit() else 80
        return self.formatter_class(prog=self.prog, width=width - 2)


def _fail(message: str) -> int:
    print(f"ahp: error: {message}", file=sys.stderr)
    return 2


def _read_matrix_arg(arg: str) -> str:
    """The matrix text: from stdin for ``-``, from a file when ``arg`` names one, else ``arg``."""
    if arg == "-":
        return sys.stdin.read()
    if ";" not in arg and os.path.isfile(arg):
        try:
            with open(arg, encoding="utf-8") as f:
                return f.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise AHPError(f"{arg}: cannot read: {exc}") from None
    return arg


def _matrix_and_labels(text: str, labels: str | None) -> tuple[object, list[str] | None]:
    """Parse the matrix; a first row of words, one comma-separated name per row below it (two or
    more), gives the labels. A first row that is not, such as ``1 x 3``, is read as a row of the
    matrix, so the error names the cell."""
    from ahp.core.matrix import parse_matrix

    rows = [r for r in text.replace(";", "\n").splitlines() if r.strip()]
    header: list[str] | None = None
    if rows and any(c.isalpha() for c in rows[0].replace("nan", "")):
        first = [c.strip() for c in rows[0].split(",") if c.strip()]
        if 2 <= len(first) == len(rows) - 1:
            header, text = first, "\n".join(rows[1:])
    matrix = parse_matrix(text)
    names = [s.strip() for s in labels.split(",")] if labels else header
    if names is not None and len(names) != matrix.shape[0]:
        raise AHPError(f"{len(names)} labels for a {matrix.shape[0]}x{matrix.shape[0]} matrix")
    return matrix, names


def cmd_weights(args: argparse.Namespace) -> int:
    from ahp.core.priorities import priorities

    matrix, labels = _matrix_and_labels(_read_matrix_arg(args.matrix), args.labels)
    threshold = _threshold_arg(args.threshold)
    result = priorities(matrix, method=args.method, random_index=args.ri, threshold=threshold,
                        completion=args.completion, labels=labels)
    if args.json:
        import json

        from ahp.io.export import result_dict

        print(json.dumps(result_dict(result, labels), ensure_ascii=False, indent=2))
    else:
        from ahp.io.terminal import print_weights

        print_weights(result, labels or [str(i + 1) for i in range(result.n)])
    return 0


def _threshold_arg(value: str) -> str | float:
    try:
        return float(value)
    except ValueError:
        return value


def _load(path: str):
    from ahp.io.project import load_project

    return load_project(path)


def _apply_group_options(project, args: argparse.Namespace) -> None:
    """Override the project's aggregation settings from the command line, for this run only."""
    from dataclasses import replace

    changes = {k: getattr(args, k) for k in ("aggregation", "inconsistent") if getattr(args, k, None)}
    if changes:
        project.settings = replace(project.settings, **changes)


def cmd_rank(args: argparse.Namespace) -> int:
    project = _load(args.file)
    _apply_group_options(project, args)
    project.respondent_index(args.respondent)
    synthesis = project.synthesize(args.respondent, suggestions=0)
    if not synthesis.complete:
        missing = [f"{a.path}: {a.problem}" for a in synthesis.nodes.values() if a.result is None]
        raise AHPError(f"{args.file}: cannot rank yet, {len(missing)} node(s) lack judgments; first: {missing[0]}")
    if args.format == "table":
        from ahp.io.terminal import print_ranking

        print_ranking(project, synthesis, args.respondent, args.lang)
    else:
        from ahp.io.export import render

        sys.stdout.write(render(project, synthesis, args.format, args.respondent))
    return 0


def cmd_group(args: argparse.Namespace) -> int:
    project = _load(args.file)
    _apply_group_options(project, args)
    if len(project.respondents) < 2:
        raise AHPError(f"{args.file}: a panel needs at least two respondents; it has {len(project.respondents)}")
    panel = project.panel(suggestions=0)
    if args.format == "json":
        import json

        from ahp.io.export import panel_dict

        print(json.dumps(panel_dict(project, panel), ensure_ascii=False, indent=2))
    else:
        from ahp.io.terminal import print_panel

        print_panel(project, panel)
    return 0


def cmd_sensitivity(args: argparse.Namespace) -> int:
    project = _load(args.file)
    _apply_group_options(project, args)
    project.respondent_index(args.respondent)
    if args.draws < 0:
        raise AHPError(f"--draws must be 0 (no Monte Carlo) or more; got {args.draws}")
    if not args.spread >= 0:
        raise AHPError(f"--spread must be 0 or more; got {args.spread}")
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

        print_sensitivity(project, project.synthesize(args.respondent, suggestions=0), one_way, mc, args.respondent)
    return 0


def _progress_printer(what: str):
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
    from ahp.io.report import gather, render_html, render_markdown, write_xlsx

    project = _load(args.file)
    _apply_group_options(project, args)
    fmt = args.format or os.path.splitext(args.output)[1].lstrip(".").lower()
    if fmt not in ("html", "md", "xlsx"):
        raise AHPError(f"{args.output}: say --format html, md or xlsx (or use one of those extensions)")
    if not project.synthesize(suggestions=0).complete:
        raise AHPError(f"{args.file}: some nodes lack judgments; see ahp check {args.file}")
    project.respondent_index(args.respondent)
    data = gather(project, args.lang, args.draws, args.seed, args.respondent)
    if fmt == "xlsx":
        write_xlsx(data, args.output)
    else:
        from ahp.io.atomic import write_atomic

        write_atomic(args.output, render_html(data) if fmt == "html" else render_markdown(data))
    print(f"wrote the {fmt} report to {args.output}")
    return 0


def cmd_risk(args: argparse.Namespace) -> int:
    project = _load(args.file)
    _apply_group_options(project, args)
    if not project.units:
        raise AHPError(f"{args.file}: no units are rated yet; import ratings with: ahp ratings import FILE.csv --into {args.file}")
    from ahp.io.risk import risk_report

    report = risk_report(project, project.synthesize(args.respondent, suggestions=0))
    if args.format == "json":
        import json

        from ahp.io.export import risk_dict

        print(json.dumps(risk_dict(report), ensure_ascii=False, indent=2))
    else:
        from ahp.io.terminal import print_risk

        print_risk(project, report, args.respondent, args.lang)
    return 0


def cmd_ratings(args: argparse.Namespace) -> int:
    from ahp.io.ratings_file import read_ratings, template

    project = _load(args.file if args.action == "template" else args.into)
    if args.action == "template":
        sys.stdout.write(template(project.model))
        return 0
    from ahp.errors import SurveyError

    try:
        with open(args.csv, encoding="utf-8-sig") as f:
            rows = read_ratings(f.read(), project.model)
    except FileNotFoundError:
        raise AHPError(f"{args.csv}: no such file") from None
    except SurveyError as exc:
        print(f"ahp: error: {args.csv}: {exc}", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {args.csv}, {problem}", file=sys.stderr)
        return 2
    added, updated = project.import_ratings(rows)
    project.save()
    print(f"imported ratings: {added} unit(s) added, {updated} updated, in {args.into}")
    return 0


def cmd_respondent(args: argparse.Namespace) -> int:
    project = _load(args.file)
    if args.action == "list":
        from ahp.io.terminal import render_table

        rows = [[r.name, f"{r.weight:g}", str(sum(len(p) for p in r.judgments.values()))] for r in project.respondents]
        print(render_table(["respondent", "weight", "judgments"], rows, right={1, 2}))
        return 0
    if args.action == "add":
        project.add_respondent(args.name, args.weight)
    elif args.action == "rename":
        project.rename_respondent(args.name, args.new)
    elif args.action == "weight":
        project.set_respondent_weight(args.name, args.weight)
    elif args.action == "remove":
        project.remove_respondent(args.name)
    project.save()
    print(f"{args.action}: done; {len(project.respondents)} respondent(s) in {args.file}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from ahp.errors import SurveyError
    from ahp.io.survey import read_survey

    project = _load(args.into)
    try:
        with open(args.survey, encoding="utf-8-sig") as f:
            text = f.read()
    except FileNotFoundError:
        raise AHPError(f"{args.survey}: no such file") from None
    except UnicodeDecodeError:
        raise AHPError(f"{args.survey}: not a UTF-8 text file") from None
    try:
        rows = read_survey(text, project.model.root, args.coding, {r.name for r in project.respondents})
    except SurveyError as exc:
        print(f"ahp: error: {args.survey}: {exc}", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {args.survey}, {problem}", file=sys.stderr)
        return 2
    project.import_respondents(rows)
    pairs = sum(len(p) for _, _, judgments in rows for p in judgments.values())
    print(f"imported {len(rows)} respondent(s), {pairs} judgment(s), into {args.into}")
    return 0


def cmd_export_survey(args: argparse.Namespace) -> int:
    from ahp.io.survey import template

    text = template(_load(args.file).model.root)
    if args.output in (None, "-"):
        sys.stdout.write(text)
        return 0
    from ahp.io.atomic import write_atomic

    write_atomic(args.output, text)
    print(f"wrote the survey template to {args.output}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    project = _load(args.file)
    _apply_group_options(project, args)
    project.respondent_index(args.respondent)
    synthesis = project.synthesize(args.respondent)
    from ahp.io.terminal import print_check

    print_check(project, synthesis, args.respondent)
    return 0 if synthesis.consistent else 1


def cmd_new(args: argparse.Namespace) -> int:
    from ahp.io.project import new_project

    project = new_project(args.file, args.model, args.title)
    leaves = sum(1 for _ in project.synthesize().ranking)
    print(f"created {args.file} from model {project.model.id} ({len(project.inner)} matrices, {leaves} factors)")
    return 0


def cmd_open(args: argparse.Namespace) -> int:
    return _run_tui(args.file)


def _run_tui(file: str) -> int:
    """The interview screen on ``file`` (imports Textual only now)."""
    from pathlib import Path

    from ahp.tui.app import run

    return run(Path(file))


def _group_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--aggregation", choices=("aij", "aip"), help="how respondents are combined (default: the project's setting)")
    p.add_argument("--inconsistent", choices=("flag", "include", "exclude"),
                   help="respondents failing the threshold at a node (default: the project's setting)")


def _args_open(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="project file (*.ahp.toml)")


def _args_new(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="project file to create (*.ahp.toml); never overwritten")
    p.add_argument("--model", default="retail-churn", help="built-in model name or model file (default: retail-churn)")
    p.add_argument("--title", help="project title")


def _args_weights(p: argparse.ArgumentParser) -> None:
    from ahp.core.completion import COMPLETIONS
    from ahp.core.consistency import RI_TABLES
    from ahp.core.weights import METHODS

    p.add_argument("matrix", help='"1 3 5; 1/3 1 3; 1/5 1/3 1" (? = missing), a CSV file, or - for stdin')
    p.add_argument("--method", choices=METHODS, default="eigenvector")
    p.add_argument("--ri", choices=RI_TABLES, default="saaty1980", help="random index table (default: saaty1980)")
    p.add_argument("--threshold", default="saaty1994", help="saaty1994 (default), saaty1980, or a number")
    p.add_argument("--completion", choices=COMPLETIONS, default="lambda-max", help="for missing judgments")
    p.add_argument("--labels", help="element names, comma-separated")
    p.add_argument("--json", action="store_true", help="machine-readable output")


def _args_rank(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="project file (*.ahp.toml)")
    p.add_argument("--format", choices=("table", "json", "csv", "md"), default="table")
    p.add_argument("--respondent", help="one respondent's judgments (default: all combined)")
    _group_options(p)
    p.add_argument("--lang", choices=("en", "zh"), default="en", help="language of the factor names in the table")


def _args_check(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="project file (*.ahp.toml)")
    p.add_argument("--respondent", help="one respondent's judgments (default: all combined)")
    _group_options(p)


def _args_group(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="project file (*.ahp.toml)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    _group_options(p)


def _args_sensitivity(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="project file (*.ahp.toml)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--respondent", help="one respondent's judgments (default: all combined)")
    p.add_argument("--draws", type=int, default=10_000, help="Monte Carlo draws (default 10000; 0 skips it)")
    p.add_argument("--seed", type=int, default=0, help="random seed, for reproducible draws (default 0)")
    p.add_argument("--noise", choices=("lognormal", "step"), default="lognormal",
                   help="lognormal: ratio times exp(spread * N(0,1)); step: -1, 0 or +1 on Saaty's scale")
    p.add_argument("--spread", type=float, default=0.2, help="sigma of the log-normal noise (default 0.2)")
    p.add_argument("--top", type=int, default=3, help="how many top factors to watch (default 3)")
    _group_options(p)


def _args_risk(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="project file (*.ahp.toml)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--respondent", help="one respondent's weights (default: all combined)")
    p.add_argument("--lang", choices=("en", "zh"), default="en", help="language of names")
    _group_options(p)


def _args_ratings(p: argparse.ArgumentParser) -> None:
    actions = p.add_subparsers(title="actions", metavar="ACTION", dest="action", required=True, parser_class=_Parser)
    a = actions.add_parser("import", help="add or update units' ratings (nothing is imported if any cell is bad)")
    a.add_argument("csv", help="CSV: unit, then one column per churn factor path; cells are grades")
    a.add_argument("--into", required=True, help="project file (*.ahp.toml)")
    a = actions.add_parser("template", help="the blank ratings sheet for a project's model")
    a.add_argument("file", help="project file (*.ahp.toml)")


def _args_report(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="project file (*.ahp.toml)")
    p.add_argument("-o", "--output", required=True, help="file to write")
    p.add_argument("--format", choices=("html", "md", "xlsx"), help="default: from the output's extension")
    p.add_argument("--lang", choices=("en", "zh"), default="en", help="language of the report")
    p.add_argument("--draws", type=int, help="add the sensitivity summary with this many Monte Carlo draws (0: tipping points only)")
    p.add_argument("--seed", type=int, default=0, help="random seed for the draws (default 0)")
    p.add_argument("--respondent", help="one respondent's judgments (default: all combined, with their consensus)")
    _group_options(p)


def _args_respondent(p: argparse.ArgumentParser) -> None:
    actions = p.add_subparsers(title="actions", metavar="ACTION", dest="action", required=True, parser_class=_Parser)
    a = actions.add_parser("list", help="the respondents, their weights and how many judgments each gave")
    a.add_argument("file", help="project file (*.ahp.toml)")
    a = actions.add_parser("add", help="add a respondent")
    a.add_argument("file", help="project file (*.ahp.toml)")
    a.add_argument("name")
    a.add_argument("--weight", type=float, default=1.0, help="how much they count (default 1)")
    a = actions.add_parser("rename", help="rename a respondent")
    a.add_argument("file", help="project file (*.ahp.toml)")
    a.add_argument("name")
    a.add_argument("new")
    a = actions.add_parser("weight", help="set how much a respondent counts")
    a.add_argument("file", help="project file (*.ahp.toml)")
    a.add_argument("name")
    a.add_argument("weight", type=float)
    a = actions.add_parser("remove", help="remove a respondent and their judgments")
    a.add_argument("file", help="project file (*.ahp.toml)")
    a.add_argument("name")


def _args_import(p: argparse.ArgumentParser) -> None:
    p.add_argument("survey", help="CSV: respondent, optional weight, one column per pair 'a vs b'")
    p.add_argument("--into", required=True, help="project file (*.ahp.toml)")
    p.add_argument("--coding", choices=("ratio", "signed"), default="ratio",
                   help="ratio: a/b as 3, 1/5, 0.2; signed: v > 0 a matters v times more, v < 0 b does")


def _args_export_survey(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="project file (*.ahp.toml)")
    p.add_argument("-o", "--output", help="file to write (default: standard output)")


_COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]] = {
    "open": ("open the interview screen on a project file (created if absent)", _args_open, cmd_open),
    "new": ("create a project file from a model", _args_new, cmd_new),
    "weights": ("weights and consistency of one pairwise matrix", _args_weights, cmd_weights),
    "rank": ("the weighted ranking of churn factors", _args_rank, cmd_rank),
    "check": ("exit 0 when every node is consistent, 1 otherwise", _args_check, cmd_check),
    "group": ("the panel: consensus per node, each respondent against the group", _args_group, cmd_group),
    "sensitivity": ("tipping points and Monte Carlo stability of the ranking", _args_sensitivity, cmd_sensitivity),
    "risk": ("churn-risk index and action list of every rated unit", _args_risk, cmd_risk),
    "ratings": ("rate units (stores, regions, segments) from a CSV file", _args_ratings, cmd_ratings),
    "report": ("the report for managers: HTML, Markdown or Excel", _args_report, cmd_report),
    "respondent": ("list, add, rename, reweight or remove respondents", _args_respondent, cmd_respondent),
    "import": ("add respondents from a survey CSV (nothing is imported if any cell is bad)", _args_import, cmd_import),
    "export-survey": ("the blank survey CSV for a project's model", _args_export_survey, cmd_export_survey),
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser: with every command, or only ``command``'s (argparse builds each
    sub-parser eagerly, and all of them cost more than the rest of a quick command's start)."""
    parser = _Parser(prog="ahp", description="Analytic Hierarchy Process: rank the causes of customer churn.")
    parser.set_defaults(func=None)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)
    for name, (help_text, add_arguments, func) in _COMMANDS.items():
        if command is None or name == command:
            p = sub.add_parser(name, help=help_text)
            add_arguments(p)
            p.set_defaults(func=func)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``ahp`` command; returns the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    keep_freed_memory()
    args = build_parser(argv[0] if argv and argv[0] in _COMMANDS else None).parse_args(argv)
    try:
        if args.func is None:
            return _run_tui(DEFAULT_PROJECT)
        return args.func(args)
    except AHPError as exc:
        return _fail(str(exc))
    except BrokenPipeError:
        return 0
    except OSError as exc:
        return _fail(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))
    except KeyboardInterrupt:
        return 130


def run() -> NoReturn:
    """The ``ahp`` console script and ``python -m ahp``: run ``main`` and exit with its status.

    A command line command (all but ``open`` and bare ``ahp``) has closed every file it wrote
    when ``main`` returns, so once its output is flushed the process ends at once: the
    interpreter's teardown, which frees every module and object one by one, would add about
    8 ms to a command such as ``ahp rank`` that takes 70. The interview screen exits the
    usual way.
    """
    # A stream the shell closed (``ahp check x >&-``) is None in Python: write to nowhere instead.
    sys.stdout = sys.stdout or open(os.devnull, "w")
    sys.stderr = sys.stderr or open(os.devnull, "w")
    argv = sys.argv[1:]
    screen = not argv or argv[0] not in _COMMANDS or argv[0] == "open"
    if not screen:
        # Loading numpy and the engine makes some hundred thousand objects and next to no
        # cyclic garbage; the collector's default pass every 700 new objects spends 3-4 ms of
        # `ahp rank` finding none. A pass every 100,000 still collects in long commands. (The
        # interview screen keeps the default: fewer, longer passes would show as stutter.)
        gc.set_threshold(*GC_THRESHOLDS)
    code = main(argv)
    if screen:
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:  # the reader stopped early (``ahp rank ... | head``): nothing to keep
            pass
    os._exit(code)


if __name__ == "__main__":
    run()
