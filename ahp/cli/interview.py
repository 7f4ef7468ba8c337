"""The adaptive interview from the command line: ``next``."""

from __future__ import annotations

import argparse

from ahp.cli.common import language, load
from ahp.cli.options import MAX_TOP, Parser, add_file, add_lang, whole_number
from ahp.errors import AHPError, Phrase


def cmd_next(args: argparse.Namespace) -> int:
    """The respondent's next question and why it is asked, or that their top factors are settled."""
    from ahp.io import interview as words
    from ahp.io.terminal import clean

    project = load(args.file, args)
    project.respondent_index(args.respondent)
    factors = len(project.model.root.layout.leaves)
    if args.top > factors:
        raise AHPError(Phrase("--top {top}: the model has {factors} factors", {"top": args.top, "factors": factors}))
    plan = project.plan(args.respondent, args.top)
    lang = language(args, project)
    if args.format == "json":
        import json

        data = words.next_dict(project, args.respondent, plan, args.top, lang)
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    questions = words.question_count(project)
    answered = words.answered_text(questions - plan.unanswered, questions, lang)
    q = plan.next
    if q is None:
        done = words.settled_text(plan.unanswered, args.top, lang) if plan.unanswered else words.all_answered_text(lang)
        print(clean(f"{done}（{answered}）" if lang == "zh" else f"{done} ({answered})"))
        return 0
    if lang == "zh":
        lines = [f"{args.respondent} 的下一题（{answered}，含本题{words.at_most(plan.remaining, lang)}）：",
                 f"  {words.question_text(project, q, lang)}", f"  原因：{words.why_text(project, q, args.top, lang)}"]
    else:
        remaining = words.at_most(plan.remaining, lang)
        lines = [f"Next question for {args.respondent} ({answered}; {remaining}, this one included):",
                 f"  {words.question_text(project, q, lang)}", f"  Why: {words.why_text(project, q, args.top, lang)}"]
    implied = words.implied_text(project, q, lang)
    if implied:
        lines.append(f"  {'（' + implied + '）' if lang == 'zh' else '(' + implied + ')'}")
    for line in lines:
        print(clean(line))
    return 0


def args_next(p: Parser) -> None:
    add_file(p)
    p.add_argument("--respondent", required=True, metavar=p.words("RESPONDENT"), help=p.words("whose interview"))
    p.add_argument("--top", type=whole_number(1, MAX_TOP), default=5, metavar=p.words("TOP"),
                   help=p.words("how many top factors must be settled (default 5, 1 to {most})", most=MAX_TOP))
    p.add_argument("--format", choices=("table", "json"), default="table",
                   help=p.words("output format: table (the terminal's) or json (default: table)"))
    add_lang(p, "question and the names")
