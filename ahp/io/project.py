"""Project files (*.ahp.toml): the model, the settings and every respondent's judgments.

:class:`Project` is what a command or the interview screen works on. Reading and checking a
file is :mod:`ahp.io.project_data`; writing it back, comments kept, :mod:`ahp.io.project_sync`;
the document of a new file, :mod:`ahp.io.project_new`; taking respondents in from surveys,
:mod:`ahp.io.project_import`. Writes are atomic and keep ``<file>.bak``; a file that failed to
load is never written.

>>> import tempfile, pathlib
>>> p = new_project(pathlib.Path(tempfile.mkdtemp()) / "churn.ahp.toml")
>>> p.set_judgment(0, "goal", "service", "price", 3)
>>> p.save()
>>> load_project(p.path).judgment(0, "goal", "price", "service")
0.3333333333333333

Saving from another thread: a snapshot is saved there, then adopted; a change made
meanwhile stays pending for the next save.

>>> saving = p.snapshot(); p.rename_respondent("Respondent 1", "Ann")
>>> saving.save(); p.adopt(saving)
>>> [r.name for r in load_project(p.path).respondents]
['Respondent 1']
>>> p.save(); [r.name for r in load_project(p.path).respondents]
['Ann']
"""

from __future__ import annotations

import contextlib
import copy
import os
from typing import TYPE_CHECKING, Any

import numpy as np

from ahp.core.hierarchy import Node, RankedLeaf, Synthesis, synthesize
from ahp.errors import AHPError, Phrase, listed
from ahp.io.atomic import StrPath, keep_copy, write_atomic
from ahp.io.file_state import FileState
from ahp.io.model import DEFAULT_MODEL, Model
from ahp.io.project_data import (
    Pair,
    ProjectData,
    Respondent,
    Settings,
    Unit,
    check_judgment,
    checked_weight,
    inner_nodes,
    judgment_stack,
    read_project,
)
from ahp.io.project_import import RespondentImport
from ahp.io.project_units import UnitRatings, new_name
from ahp.io.shared_save import catch_up, locked, read_if_changed, refresh_original
from ahp.io.toml_lines import read_text

if TYPE_CHECKING:
    from ahp.core.panel import Panel
    from ahp.core.planner import NextQuestion, Plan
    from ahp.core.sensitivity import MonteCarlo, OneWay


class Project(UnitRatings, RespondentImport):
    """A project: model, settings and respondents, bound to a file (``path``)."""

    def __init__(
        self,
        *,
        path: StrPath | None,
        title: str,
        model: Model,
        settings: Settings,
        respondents: list[Respondent],
        units: list[Unit] | None = None,
        text: str | None = None,
        client: str = "",
        consultant: str = "",
    ) -> None:
        self.path = path
        self.title = title
        #: Who the study is for and who ran it (``[project] client`` and ``consultant``), for the report.
        self.client, self.consultant = client, consultant
        self.model = model
        self.settings = settings
        self.respondents = respondents
        self.units = units or []
        self._file = FileState(text)
        if text is not None:  # as read from the file
            self._file.wrote(text, respondents)
        self.inner = inner_nodes(model.root)
        #: Copies of the file kept before destructive steps (:meth:`keep_copy`), oldest first.
        self.kept_copies: list[str] = []
        #: For a snapshot: (respondent of the original, their copy here), read by :meth:`adopt`.
        self._copied_from: tuple[Project, list[tuple[Respondent, Respondent]]] | None = None
        #: The text the last save of this project or of any of its snapshots wrote (shared with
        #: the snapshots): a file holding it was not changed by another writer.
        self._own_text: dict[str, str | None] = {"last": None}
        #: For a snapshot that took in others' changes: its respondents as snapshotted, by ``id``.
        self._before_catch_up: dict[int, tuple[float, dict[str, dict[Pair, float]]]] | None = None

    # -- judgments -------------------------------------------------------------------------
    def respondent_index(self, name: str | None) -> int | None:
        """The index of the respondent called ``name`` (``None`` for ``None``)."""
        if name is None:
            return None
        for i, r in enumerate(self.respondents):
            if r.name == name:
                return i
        raise AHPError(Phrase("no respondent named {name!r}; respondents: {names}",
                              {"name": name, "names": listed([r.name for r in self.respondents])}))

    def node(self, path: str) -> Node:
        """The inner node at ``path``."""
        try:
            return self.inner[path]
        except KeyError:
            raise AHPError(Phrase("no node {path!r} with sub-elements; nodes: {nodes}",
                                  {"path": path, "nodes": listed(list(self.inner))})) from None

    def judgment(self, respondent: int, path: str, a: str, b: str) -> float | None:
        """How many times ``a`` matters more than ``b`` for a respondent, or ``None`` if missing."""
        pairs = self.respondents[respondent].judgments.get(path, {})
        if (a, b) in pairs:
            return pairs[(a, b)]
        if (b, a) in pairs:
            return 1 / pairs[(b, a)]
        return None

    def set_judgment(self, respondent: int, path: str, a: str, b: str, value: float | None) -> None:
        """Set (or, with ``None``, clear) the judgment ``a`` vs ``b``; checks the pair and the value."""
        check_judgment(self.node(path), path, a, b, value)
        pairs = self.respondents[respondent].judgments.setdefault(path, {})
        if (b, a) in pairs:
            del pairs[(b, a)]
        if value is None:
            pairs.pop((a, b), None)
        else:
            pairs[(a, b)] = float(value)

    def matrix(self, path: str, respondent: int) -> np.ndarray:
        """One respondent's pairwise matrix for a node (``nan`` where missing)."""
        return self.stack(path, [respondent])[0]

    def stack(self, path: str, respondents: list[int] | None = None) -> np.ndarray:
        """The node's matrices (respondents, n, n), ``nan`` where missing; all respondents by default."""
        chosen = self.respondents if respondents is None else [self.respondents[r] for r in respondents]
        return judgment_stack([c.id for c in self.node(path).children], [r.judgments.get(path, {}) for r in chosen])

    # -- results ---------------------------------------------------------------------------
    def synthesize(self, respondent: str | None = None, suggestions: int = 3) -> Synthesis:
        """Analyse every node and rank the churn factors: one respondent's, or the panel's.

        With several respondents and none named, they are combined as the settings say
        (:meth:`panel`). ``suggestions``: how many judgments to revisit each node proposes.
        """
        if respondent is None and len(self.respondents) > 1:
            return self.panel(suggestions=suggestions).synthesis
        r = self.respondent_index(respondent) or 0
        matrices = {path: self.matrix(path, r) for path in self.inner} if self.respondents else {}
        return synthesize(self.model.root, matrices, suggestions=suggestions, **self._numeric_settings())

    def panel(self, suggestions: int = 3) -> Panel:
        """All respondents together: the combined synthesis, consensus and disagreement."""
        from ahp.core.panel import analyse_panel

        s = self.settings
        stacks = {path: self.stack(path) for path in self.inner}
        return analyse_panel(
            self.model.root, stacks, np.array([r.weight for r in self.respondents]),
            aggregation=s.aggregation, aip_mean=s.aip_mean, inconsistent=s.inconsistent,
            suggestions=suggestions, **self._numeric_settings(),
        )

    def _numeric_settings(self) -> dict[str, Any]:
        return self.settings.analysis()

    def ranking(self, respondent: str | None = None) -> tuple[RankedLeaf, ...]:
        """The churn factors ranked by global weight, best first."""
        return self.synthesize(respondent, suggestions=0).ranking

    def sensitivity(self, respondent: str | None = None, top: int = 3) -> OneWay:
        """One-way sensitivity of the ranking to every node's local weight (see ``ahp.core.sensitivity``)."""
        from ahp.core.sensitivity import one_way

        synthesis = self._complete_synthesis(respondent)
        tree = self.model.root.layout
        local = np.ones(len(tree.paths))
        for path, kids in tree.children.items():
            local[kids] = synthesis.nodes[path].local_weights
        return one_way(tree, local, top)

    def monte_carlo(self, respondent: str | None = None, **options: Any) -> MonteCarlo:
        """Rank stability under perturbed judgments: the matrices behind the synthesis (one
        respondent's; the panel's combined judgments under AIJ, each respondent's under AIP),
        perturbed as ``options`` say (``draws``, ``seed``, ``noise``, ``spread``, ``top``, ``progress``)."""
        from ahp.core.sensitivity import monte_carlo, panel_respondents

        synthesis = self._complete_synthesis(respondent)
        matrices = {path: a.result.matrix for path, a in synthesis.nodes.items()}
        aip = panel_respondents(self.panel(suggestions=0)) if respondent is None and len(self.respondents) > 1 else None
        return monte_carlo(self.model.root, matrices, method=self.settings.method,
                           completion=self.settings.completion, respondents=aip, **options)

    def _complete_synthesis(self, respondent: str | None) -> Synthesis:
        synthesis = self.synthesize(respondent, suggestions=0)
        if missing := [f"{a.path}: {a.reason}" for a in synthesis.nodes.values() if a.result is None]:
            raise AHPError(Phrase("{k} node(s) lack judgments; first: {path}", {"k": len(missing), "path": missing[0]}))
        return synthesis

    # -- the adaptive interview ---------------------------------------------------------------
    def plan(self, respondent: str, top: int = 5) -> Plan:
        """What the planner makes of ``respondent``'s answers so far: the next question, how many
        may remain, and whether their top-``top`` factors are settled (see ``ahp.core.planner``).

        >>> import tempfile, pathlib
        >>> p = new_project(pathlib.Path(tempfile.mkdtemp()) / "t.ahp.toml")
        >>> q = p.next_question("Respondent 1")
        >>> q.node, q.a, q.b, q.reason, p.settled("Respondent 1")
        ('goal', 'service', 'quality', 'span', False)
        """
        from ahp.core.planner import plan

        r = self.respondent_index(respondent)
        matrices = {path: self.matrix(path, r) for path in self.inner}
        return plan(self.model.root, matrices, top=top, method=self.settings.method,
                    completion=self.settings.completion)

    def next_question(self, respondent: str, top: int = 5) -> NextQuestion | None:
        """The pair to ask ``respondent`` next, ``None`` when their top-``top`` is settled."""
        return self.plan(respondent, top).next

    def settled(self, respondent: str, top: int = 5) -> bool:
        """Whether no answer to ``respondent``'s missing pairs can change their top-``top`` factors."""
        return self.plan(respondent, top).settled

    # -- respondents -----------------------------------------------------------------------
    def add_respondent(self, name: str, weight: float = 1.0) -> int:
        """Add a respondent with no judgments yet; returns their index."""
        name = new_name(name, [r.name for r in self.respondents], "respondent")
        self.respondents.append(Respondent(name, checked_weight(name, weight)))
        return len(self.respondents) - 1

    def rename_respondent(self, old: str, new: str) -> None:
        """Give a respondent another (unique) name; their table in the file follows (``saved_as``)."""
        i = self.respondent_index(old)
        self.respondents[i].name = new_name(new, [r.name for k, r in enumerate(self.respondents) if k != i],
                                            "respondent")

    def set_respondent_weight(self, name: str, weight: float) -> None:
        """Change how much a respondent counts when the panel is combined."""
        self.respondents[self.respondent_index(name)].weight = checked_weight(name, weight)

    def remove_respondent(self, name: str) -> str | None:
        """Remove a respondent and their judgments; returns where the file as it was before
        was kept (:meth:`keep_copy`)."""
        i = self.respondent_index(name)
        kept = self.keep_copy(f"remove {name}")
        del self.respondents[i]
        return kept

    # -- writing ---------------------------------------------------------------------------
    def keep_copy(self, label: str) -> str | None:
        """Before a destructive step: keep the file as it is now beside it, where no save
        overwrites it (``<file>.before-<label>-<time>``, see :func:`ahp.io.atomic.keep_copy`).

        Returns its path, also added to ``kept_copies``; ``None`` when there is no file yet.
        """
        if self.path is None or not os.path.isfile(self.path):
            return None
        kept = keep_copy(self.path, label)
        self.kept_copies.append(kept)
        return kept

    def snapshot(self) -> Project:
        """An independent copy holding everything a save needs, to save from another thread.

        Take it where the project is edited, save the copy anywhere, then give it to
        :meth:`adopt`. Changes made to this project meanwhile (renames too) are not in the
        copy and stay pending for the next save (as the module's example shows).
        """
        clone = copy.copy(self)
        clone.respondents = [
            Respondent(r.name, r.weight, {path: dict(pairs) for path, pairs in r.judgments.items()}, r.saved_as)
            for r in self.respondents
        ]
        clone.units = [Unit(u.name, dict(u.ratings)) for u in self.units]
        clone._file = self._file.lend()
        clone._copied_from = (self, list(zip(self.respondents, clone.respondents, strict=False)))
        clone._before_catch_up = None
        return clone

    def adopt(self, saved: Project) -> None:
        """Take the file state of a :meth:`snapshot` of this project once it has been saved.

        Calling it after a failed save is harmless too: the snapshot's state then still
        describes the file as it was.
        """
        if saved._copied_from is None or saved._copied_from[0] is not self:
            raise ValueError("adopt() takes a snapshot of this same project")
        self._file = saved._file
        self.path = saved.path
        if saved._before_catch_up is not None:  # the save took in others' changes: take them here too
            refresh_original(self, saved._copied_from[1], saved._before_catch_up, saved)
        for original, copied in saved._copied_from[1]:
            original.saved_as = copied.saved_as

    def catch_up(self) -> bool:
        """Take in what other writers saved to the file since this project last read or wrote
        it, keeping this project's own changes (see :mod:`ahp.io.shared_save`); returns
        whether the file had changed."""
        disk = read_if_changed(self, self._own_text["last"], parse_project) if self.path is not None else None
        if disk is None:
            return False
        if self._copied_from is not None and self._before_catch_up is None:
            self._before_catch_up = {
                id(r): (r.weight, {p: dict(v) for p, v in r.judgments.items()}) for r in self.respondents
            }
        catch_up(self, disk)
        return True

    def save(self, path: StrPath | None = None) -> None:
        """Write the project atomically (keeping ``.bak``), preserving comments and key order.

        The new text is read back before it is written: if it would not load, or would load
        as something else, :class:`ProjectFileError` is raised and nothing is written.
        """
        self._write(path, added=[])

    def _write(self, path: StrPath | None, added: list[Respondent]) -> None:
        """Save; ``added``: respondents just appended to the list, which may be written by
        appending their tables to the file's text (fast) when nothing else changed."""
        target = path if path is not None else self.path
        if target is None:
            raise AHPError(Phrase("this project has no file yet; give a path to save it to"))
        # Other writers of this file wait; what they wrote is taken in first. (A link to nowhere
        # gets no lock file: the write below refuses it.)
        shared = os.path.isfile(target) or not os.path.lexists(target)
        with locked(target) if shared else contextlib.nullcontext():
            if path is None or os.fspath(path) == os.fspath(self.path or ""):
                self.catch_up()
            from ahp.io.project_sync import checked_text  # the writer: loaded by the first save

            try:
                data = ProjectData(self.title, self.model, self.settings, self.respondents, self.units,
                                   self.client, self.consultant)
                text = checked_text(self._file, data, os.fspath(target), added)
                write_atomic(target, text)
            except BaseException:
                self._file.doc = None  # it may hold a change that was never written: parse the text again
                raise
        self._file.wrote(text, self.respondents)
        self._own_text["last"] = text
        self.path = target


def parse_project(text: str, path: str) -> Project:
    """Validate a project file's text and build the :class:`Project`."""
    data = read_project(text, path)
    return Project(
        path=path, title=data.title, model=data.model, settings=data.settings,
        respondents=data.respondents, units=data.units, text=text, client=data.client, consultant=data.consultant,
    )


def load_project(path: StrPath) -> Project:
    """Read and validate a project file; errors name the file, the line and the key."""
    project = parse_project(read_text(path), os.fspath(path))
    project.path = path
    return project


def new_project(
    path: StrPath, model: StrPath = DEFAULT_MODEL, title: str | None = None, settings: Settings | None = None,
) -> Project:
    """Create a project file from a model (built-in name or file), with one empty respondent and
    ``settings`` (the defaults unless given).

    Refuses to overwrite an existing file.
    """
    from ahp.io.project_new import first_respondent, new_file

    chosen = settings or Settings()
    m, name, text = new_file(path, model, title, chosen)
    first = Respondent(first_respondent(chosen))
    project = Project(path=path, title=name, model=m, settings=chosen, respondents=[first], text=text)
    project.save()
    return project


__all__ = ["Pair", "Project", "Respondent", "Settings", "Unit", "load_project", "new_project", "parse_project"]
