"""``ahp check`` in the terminal: every node's verdict, why an incomplete one has no weights,
the judgments to revisit, the combined test when it alone fails, and each respondent's failures."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ahp.core.hierarchy import CombinedTest
from ahp.io.glossary import say, separator
from ahp.io.terminal import Cell, clean, colour, node_name, print_nodes, render_table, status_cell
from ahp.io.wording import combined_fails_line, judgments_source, problem_text, settings_line, suggestion_text

if TYPE_CHECKING:
    from ahp.core.hierarchy import NodeAnalysis, Synthesis
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
    _print_node_problems(synthesis, language)
    whole_fails = synthesis.complete and not synthesis.failing and not synthesis.combined.passed
    if whole_fails and failures:
        print(colour(clean(combined_fails_line(synthesis.combined, language)), "1;31"))
    failing = list(dict.fromkeys(name for name, _ in failures))
    sep = separator(language)
    if failures:
        print()
        print(say("check.failing", language, k=len(failing), n=len(project.respondents) - len(left_out)))
        header = [say(k, language) for k in ("respondent", "matrix")] + ["CR"] + [
            say(k, language) for k in ("threshold", "status")]
        print(render_table(header, [_failure_row(name, what, language) for name, what in failures], right={2, 3}))
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


def _print_node_problems(synthesis: Synthesis, language: str) -> None:
    """Why each incomplete node has no weights, and the judgments to revisit at each inconsistent one."""
    for a in synthesis.nodes.values():
        node = node_name(a, language)
        if a.status == "incomplete":
            print(colour(clean(say("check.incomplete", language, node=node, problem=problem_text(a, language))), "33"))
        elif a.status == "inconsistent":
            print(colour(clean(say("check.revisit", language, node=node, cr=f"{a.result.cr:.4f}",
                                    limit=f"{a.result.threshold:.2f}")), "1;31"))
            for line in suggestion_text(a.result, [c.label(language) for c in a.node.children], language):
                print(clean(f"  {line}"))


def _failure_row(name: str, what: NodeAnalysis | CombinedTest, language: str) -> list[Cell]:
    """A row of the respondents' failures: who, which matrix (or the combined test), CR, limit, status."""
    if isinstance(what, CombinedTest):
        return [name, say("check.combined test", language), f"{what.cr:.4f}", f"{what.limit:.2f}",
                status_cell("inconsistent", language)]
    r = what.result
    return [name, node_name(what, language), "-" if r is None else f"{r.cr:.4f}",
            "-" if r is None else f"{r.threshold:.2f}", status_cell(what.status, language)]
