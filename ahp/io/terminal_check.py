"""``ahp check`` in the terminal: every node's verdict, why an incomplete one has no weights,
the judgments to revisit, the combined test when it alone fails, and each respondent's failures."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ahp.core.completion import Unlinked
from ahp.io.glossary import say, separator
from ahp.io.terminal import clean, colour, node_name, print_failures, print_nodes
from ahp.io.wording import (
    combined_fails_line,
    judged_pairs,
    judgments_source,
    problem_text,
    settings_line,
    suggestion_text,
)

if TYPE_CHECKING:
    from ahp.core.hierarchy import CombinedTest, NodeAnalysis, Synthesis
    from ahp.io.project import Project


def print_check(
    project: Project, synthesis: Synthesis, respondent: str | None,
    failures: Sequence[tuple[str, NodeAnalysis | CombinedTest]] = (), left_out: Sequence[str] = (),
    language: str = "en",
) -> None:
    """Every node's verdict; for the ones to revisit, why, and their worst judgments; the combined
    test when it alone fails; then each respondent's failing nodes and combined test
    (``failures``: respondent, node or test), one line each, and who gave no judgment at all
    (``left_out``)."""
    combined = respondent is None and len(project.respondents) > 1
    if combined:
        print(say("check.combined", language))
    print_nodes(synthesis, language)
    _print_node_problems(project, synthesis, respondent, language)
    whole_fails = synthesis.complete and not synthesis.failing and not synthesis.combined.passed
    if whole_fails and failures:
        print(colour(clean(combined_fails_line(synthesis.combined, language)), "1;31"))
    failing = list(dict.fromkeys(name for name, _ in failures))
    sep = separator(language)
    if failures:
        print()
        print_failures(failures, len(project.respondents) - len(left_out), language)
    if left_out:
        print(clean(say("check.left out", language, names=sep.join(left_out))))
    if synthesis.consistent and not failures:
        verdict = say("check.all pass", language) + say("check.all pass everyone" if combined else "check.all pass one",
                                                        language)
    elif failures:
        verdict = clean(say("check.names fail", language, names=sep.join(failing)))
    elif whole_fails:
        verdict = colour(clean(combined_fails_line(synthesis.combined, language)), "1;31")
    else:
        verdict = say("check.some fail", language)
    gap = "\n" if language == "zh" else " "
    print(f"{verdict}{gap}{clean(settings_line(synthesis, judgments_source(project, respondent, language), language))}")


def _incomplete_line(project: Project, analysis: NodeAnalysis, node: str, respondent: str | None,
                     language: str) -> str:
    """Why ``analysis`` has no weights: no judgment yet and how many pairs it needs, which
    elements its judgments leave unlinked, or the panel's reason."""
    n = len(analysis.node.children)
    if judged_pairs(project, analysis.path, respondent) == 0:
        return say("check.unjudged", language, node=node, m=n * (n - 1) // 2)
    key = "check.incomplete" if isinstance(analysis.problem, Unlinked) else "check.other"
    return say(key, language, node=node, problem=problem_text(analysis, language, framed=False))


def _print_node_problems(project: Project, synthesis: Synthesis, respondent: str | None, language: str) -> None:
    """Why each incomplete node has no weights (none judged yet, or which elements are unlinked),
    and the judgments to revisit at each inconsistent one."""
    for a in synthesis.nodes.values():
        node = node_name(a, language)
        if a.status == "incomplete":
            print(colour(clean(_incomplete_line(project, a, node, respondent, language)), "33"))
        elif a.status == "inconsistent":
            print(colour(clean(say("check.revisit", language, node=node, cr=f"{a.result.cr:.4f}",
                                    limit=f"{a.result.threshold:.2f}")), "1;31"))
            for line in suggestion_text(a.result, [c.label(language) for c in a.node.children], language):
                print(clean(f"  {line}"))
