"""What correcting a respondent's answers changed: how many judgments changed, were added or
removed, and each node whose consistency verdict moved, in words (``ahp import --replace``,
``ahp judge``).

>>> import ahp
>>> p = ahp.load_project("examples/retail-churn-demo.ahp.toml")
>>> was = taken(p, "Store manager")
>>> p.set_judgment(0, "goal", "service", "quality", 1 / 9); p.set_judgment(0, "goal", "price", "service", None)
>>> print("\\n".join(revision_lines(p, revision(p, "Store manager", was))))  # doctest: +NORMALIZE_WHITESPACE
Store manager: answers replaced: 1 judgment(s) changed, 0 added, 1 removed
  goal: consistent: CR 0.0170 <= 0.08 -> INCONSISTENT: CR 0.3047 > 0.08
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ahp.io.glossary import say
from ahp.io.project_data import Pair
from ahp.io.project_import import count_changes
from ahp.io.terminal import verdict_text
from ahp.io.wording import path_name

if TYPE_CHECKING:
    from ahp.core.hierarchy import NodeAnalysis, Synthesis
    from ahp.io.project import Project


@dataclass(frozen=True, eq=False)
class Taken:
    """A respondent's weight, judgments and their analysis, taken before a change."""

    weight: float
    judgments: dict[str, dict[Pair, float]]
    synthesis: Synthesis


@dataclass(frozen=True, eq=False)
class Revision:
    """What a change did to one respondent: judgments ``changed``, ``added`` and ``removed``,
    the weight before and after, and (before, after) of each node whose verdict moved."""

    name: str
    changed: int
    added: int
    removed: int
    weight: tuple[float, float]
    nodes: tuple[tuple[NodeAnalysis, NodeAnalysis], ...]


def taken(project: Project, name: str) -> Taken:
    """``name``'s weight, judgments and analysis as they are now, to compare with later."""
    r = project.respondents[project.respondent_index(name)]
    judgments = {path: dict(pairs) for path, pairs in r.judgments.items()}
    return Taken(r.weight, judgments, project.synthesize(name, suggestions=0))


def revision(project: Project, name: str, was: Taken) -> Revision:
    """What happened to ``name``'s answers since ``was`` was taken (:func:`taken`)."""
    r = project.respondents[project.respondent_index(name)]
    counts = np.array([count_changes([c.id for c in node.children], was.judgments.get(path, {}),
                                     r.judgments.get(path, {})) for path, node in project.inner.items()])
    now = project.synthesize(name, suggestions=0)
    moved = tuple((was.synthesis.nodes[path], a) for path, a in now.nodes.items()
                  if a.status != was.synthesis.nodes[path].status)
    changed, added, removed = (int(k) for k in counts.sum(axis=0))
    return Revision(name, changed, added, removed, (was.weight, r.weight), moved)


def verdict_words(analysis: NodeAnalysis, language: str = "en") -> str:
    """A node's verdict: ``consistent: CR 0.0170 <= 0.08``, ``INCONSISTENT: ...`` or ``incomplete``."""
    return say("status.incomplete", language) if analysis.result is None else verdict_text(analysis.result, language)


def revision_lines(project: Project, rev: Revision, language: str = "en") -> list[str]:
    """One line saying how many judgments changed (and the weight, when it did), then one per
    node whose verdict moved: ``  goal: consistent: ... -> INCONSISTENT: ...``."""
    before, after = rev.weight
    weight = say("replace.weight", language, before=before, after=after) if before != after else ""
    if rev.changed or rev.added or rev.removed:
        head = say("replace.counts", language, name=rev.name, changed=rev.changed, added=rev.added,
                   removed=rev.removed)
    else:
        head = say("replace.same", language, name=rev.name)
    return [head + weight] + [
        say("verdict.change", language, node=path_name(project, a.path, language), before=verdict_words(a, language),
            after=verdict_words(b, language))
        for a, b in rev.nodes
    ]
