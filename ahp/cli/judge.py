"""``ahp judge FILE --respondent NAME NODE A B VALUE``: set or clear one judgment of one
respondent, save it as every change is saved (merged with other writers' changes, atomically,
keeping ``.bak``), and say what it did to the node: its verdict before and after, the judgments
to revisit when it fails, and whether every pair of it is judged.

NODE, A and B are paths or ids (``goal``, ``service``) or names in either language (``服务``);
VALUE says how many times A matters more than B: ``3``, ``1/5``; ``?`` or ``clear`` removes it.

>>> parse_judgment("1/5"), parse_judgment("clear")
(0.2, None)
>>> parse_judgment("12")
Traceback (most recent call last):
ahp.errors.JudgmentError: '12' is off Saaty's scale: a judgment lies within 1/9 and 9, such as 3 or 1/5 (? clears it)
"""

from __future__ import annotations

import argparse
import math
from typing import TYPE_CHECKING

from ahp.cli.common import language, load
from ahp.cli.options import Parser, add_file, add_lang
from ahp.errors import AHPError, JudgmentError, Phrase, Worded, listed
from ahp.io.glossary import say

if TYPE_CHECKING:
    from ahp.core.hierarchy import NodeAnalysis
    from ahp.io.project import Project

#: What VALUE may say to remove the judgment.
CLEAR = ("?", "clear", "清除")


def parse_judgment(text: str) -> float | None:
    """VALUE: how many times A matters more than B, on Saaty's scale; ``None`` to clear it."""
    from ahp.core.scale import on_scale, parse_value

    if text.strip().casefold() in CLEAR:
        return None
    not_a_number = Phrase("{text!r} is not a judgment: give a number on Saaty's scale, such as 3 or 1/5, or ? to "
                          "clear the judgment", {"text": text})
    try:
        value = parse_value(text)
    except JudgmentError:
        raise JudgmentError(not_a_number) from None
    if math.isnan(value):
        raise JudgmentError(not_a_number)
    if not (value > 0 and on_scale(value)):
        raise JudgmentError(Phrase("{text!r} is off Saaty's scale: a judgment lies within 1/9 and 9, such as 3 or 1/5 "
                                   "(? clears it)", {"text": text}))
    return value


def cmd_judge(args: argparse.Namespace) -> int:
    from ahp.io.node_names import find_element, find_node
    from ahp.io.terminal import clean
    from ahp.io.wording import path_name

    project = load(args.file, args)
    lang = language(args, project)
    r = _respondent(project, args.respondent, args.file)
    root = project.model.root
    path = find_node(root, args.node)
    a, b = find_element(root, path, args.a), find_element(root, path, args.b)
    node = project.inner[path]
    if a == b:
        zh = {c.id: c.label("zh") for c in node.children}
        raise JudgmentError(Phrase("{node}: {a} vs {b}: an element is not compared with itself",
                                   {"node": Worded(path, node.label("zh")), "a": Worded(a, zh[a]),
                                    "b": Worded(b, zh[b])}))
    value = parse_judgment(args.value)
    was = project.judgment(r, path, a, b)
    labels = {c.id: c.label(lang) for c in node.children}
    who = project.respondents[r].name
    facts = {"who": who, "node": path_name(project, path, lang), "a": labels[a], "b": labels[b]}
    if was is None and value is None:
        print(clean(say("judge.still missing", lang, **facts)))
        return 0
    if was is not None and value is not None and math.isclose(was, value):
        print(clean(say("judge.unchanged", lang, **facts, value=_shown(value, lang))))
        return 0
    before = project.synthesize(who, suggestions=0).nodes[path]
    project.set_judgment(r, path, a, b, value)
    project.save()
    after = project.synthesize(who).nodes[path]
    print(clean(say("judge.set", lang, **facts, before=_shown(was, lang), after=_shown(value, lang),
                    file=args.file)))
    for line in _node_lines(project, r, after, before, lang):
        print(clean(line))
    return 0


def _respondent(project: Project, name: str, file: str) -> int:
    """The index of the respondent called ``name``; refused naming the file and who is in it."""
    names = [r.name for r in project.respondents]
    if name.strip() not in names:
        raise AHPError(Phrase("{file}: no respondent named {name!r}; respondents: {names}",
                              {"file": file, "name": name, "names": listed(names)}))
    return names.index(name.strip())


def _shown(value: float | None, lang: str) -> str:
    """A judgment as people write it (``3``, ``1/5``), or that there is none."""
    from ahp.core.scale import format_value

    return say("judge.missing", lang) if value is None else format_value(value)


def _node_lines(project: Project, r: int, after: NodeAnalysis, before: NodeAnalysis, lang: str) -> list[str]:
    """The node's verdict before -> after, the judgments to revisit when it fails, and how many
    of its pairs are judged: all (complete), enough for its weights, or too few (and why)."""
    from ahp.io.revision import verdict_words
    from ahp.io.wording import path_name, problem_text, suggestion_text

    name = path_name(project, after.path, lang)
    lines = [say("judge.verdict", lang, node=name, before=verdict_words(before, lang),
                 after=verdict_words(after, lang))]
    if after.status == "inconsistent":
        labels = [c.label(lang) for c in after.node.children]
        lines += [say("judge.revisit", lang, suggestion=s) for s in suggestion_text(after.result, labels, lang)]
    n = len(after.node.children)
    pairs, judged = n * (n - 1) // 2, len(project.respondents[r].judgments.get(after.path, {}))
    if judged == pairs:
        lines.append(say("judge.complete", lang, node=name, m=pairs))
    elif after.result is None:
        lines.append(say("judge.undetermined", lang, node=name, k=judged, m=pairs, problem=problem_text(after, lang)))
    else:
        lines.append(say("judge.completed", lang, node=name, k=judged, m=pairs, missing=pairs - judged))
    return lines


def args_judge(p: Parser) -> None:
    add_file(p)
    p.add_argument("--respondent", required=True, metavar=p.words("NAME"), help=p.words("whose judgment it is"))
    p.add_argument("node", metavar=p.words("NODE"),
                   help=p.words("the node whose elements are compared: its path (goal, service, service/complaints) "
                                "or its name in either language (服务)"))
    p.add_argument("a", metavar="A", help=p.words("the first element of NODE: its id, path or name in either language"))
    p.add_argument("b", metavar="B", help=p.words("the second element of NODE, likewise"))
    p.add_argument("value", metavar=p.words("VALUE"),
                   help=p.words("how much more A matters than B, on Saaty's scale 1/9 to 9: 3 (A moderately more), "
                                "1/5 (B strongly more), 1 (equal); ? or clear removes the judgment"))
    add_lang(p, "messages")
