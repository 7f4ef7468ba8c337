"""Project files (*.ahp.toml): the model, the settings and every respondent's judgments.

Reading uses tomllib (fast); writing re-reads the file's text with tomlkit and changes only
what changed, so the user's comments and key order survive. Writes are atomic and keep
``<file>.bak``; a file that failed to load is never written.

>>> import tempfile, pathlib
>>> p = new_project(pathlib.Path(tempfile.mkdtemp()) / "churn.ahp.toml")
>>> p.set_judgment(0, "goal", "service", "price", 3)
>>> p.save()
>>> load_project(p.path).judgment(0, "goal", "price", "service")
0.3333333333333333
"""

from __future__ import annotations

import copy
import math
import os
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from ahp.core.hierarchy import ROOT, Node, RankedLeaf, Synthesis, synthesize, walk

if TYPE_CHECKING:
    from ahp.core.panel import Panel
    from ahp.core.sensitivity import MonteCarlo, OneWay
    from ahp.io.risk import RiskReport
from ahp.core.scale import format_value, on_scale, parse_value
from ahp.errors import AHPError, JudgmentError, ProjectFileError
from ahp.io.atomic import StrPath, write_atomic
from ahp.io.model import DEFAULT_MODEL, FORMAT, Model, Validator, load_model, parse_model
from ahp.io.settings import Settings, parse_settings, sync_settings
from ahp.io.toml_lines import parse_toml, read_text

_TOP_KEYS = {"format", "project", "settings", "model", "respondents", "units"}
_UNIT_KEYS = {"name", "ratings"}
_PROJECT_KEYS = {"title", "description"}
_RESPONDENT_KEYS = {"name", "weight", "judgments"}
Pair = tuple[str, str]


@dataclass
class Respondent:
    """One person's judgments: ``judgments[path][(row, col)] = value`` (row is value times col)."""

    name: str
    weight: float = 1.0
    judgments: dict[str, dict[Pair, float]] = field(default_factory=dict)
    #: The name of this respondent's table in the file as last loaded or saved (``None``: not in
    #: the file yet), so a renamed respondent keeps their table and its comments.
    saved_as: str | None = field(default=None, compare=False, repr=False)


@dataclass
class Unit:
    """A rated store, region or segment: ``ratings[leaf path] = grade id``."""

    name: str
    ratings: dict[str, str] = field(default_factory=dict)


def _inner_nodes(root: Node) -> dict[str, Node]:
    """Every node that has children (and so a matrix), by path."""
    return {path: node for path, node, _ in walk(root) if node.children}


def _judgment_value(raw: Any, check: Validator, key: tuple[Any, ...], pair: str) -> float:
    where = f"judgment {pair}"
    if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
        raise check.fail(key, f"{where}: {raw!r} is not a number or a fraction like \"1/3\"")
    try:
        value = parse_value(raw)
    except JudgmentError as exc:
        raise check.fail(key, f"{where}: {exc}") from None
    if math.isnan(value):
        raise check.fail(key, f"{where}: leave a missing judgment out instead of writing {raw!r}")
    if not on_scale(value):
        raise check.fail(key, f"{where}: {raw!r} is off the scale; judgments lie within 1/9 and 9")
    return value


def _parse_judgments(data: Any, check: Validator, at: tuple[Any, ...], inner: dict[str, Node]) -> dict[str, dict[Pair, float]]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise check.fail(at, "judgments must be a table of node paths")
    out: dict[str, dict[Pair, float]] = {}
    for path, rows in data.items():
        key = (*at, path)
        node = inner.get(path)
        if node is None:
            raise check.fail(key, f"judgments for {path!r}: no such node with sub-elements; expected one of {', '.join(inner)}")
        ids = [c.id for c in node.children]
        if not isinstance(rows, dict):
            raise check.fail(key, f"judgments.{path} must be a table like {ids[0]} = {{ {ids[-1]} = 3 }}")
        pairs: dict[Pair, float] = {}
        for row, cols in rows.items():
            if row not in ids:
                raise check.fail((*key, row), f"judgments.{path}: {row!r} is not an element of {path!r}; elements: {', '.join(ids)}")
            if not isinstance(cols, dict):
                raise check.fail((*key, row), f"judgments.{path}.{row} must be an inline table like {{ {ids[-1] if ids[-1] != row else ids[0]} = 3 }}")
            for col, raw in cols.items():
                pair = f"{row} vs {col} in {path!r}"
                if col not in ids:
                    raise check.fail((*key, row), f"judgment {pair}: {col!r} is not an element of {path!r}; elements: {', '.join(ids)}")
                if col == row:
                    raise check.fail((*key, row), f"judgment {pair}: an element is not compared with itself")
                if (col, row) in pairs:
                    raise check.fail((*key, row), f"judgment {pair} is given in both directions; keep one")
                pairs[(row, col)] = _judgment_value(raw, check, (*key, row), pair)
        out[path] = pairs
    return out


def _parse_respondents(data: Any, check: Validator, inner: dict[str, Node]) -> list[Respondent]:
    if data is None:
        return []
    if not isinstance(data, list):
        raise check.fail(("respondents",), "respondents must be an array of tables ([[respondents]])")
    out: list[Respondent] = []
    names: set[str] = set()
    for i, item in enumerate(data):
        at = ("respondents", i)
        table = check.table(item, at, _RESPONDENT_KEYS, f"respondents[{i}]")
        name = check.string(table, at, "name")
        if name in names:
            raise check.fail((*at, "name"), f"duplicate respondent name {name!r}")
        names.add(name)
        weight = table.get("weight", 1.0)
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not weight > 0 or math.isinf(weight):
            raise check.fail((*at, "weight"), f"respondent {name!r}: weight must be a positive number; got {weight!r}")
        out.append(Respondent(name, float(weight), _parse_judgments(table.get("judgments"), check, (*at, "judgments"), inner)))
    return out


def _parse_units(data: Any, check: Validator, model: Model) -> list[Unit]:
    if data is None:
        return []
    if not isinstance(data, list):
        raise check.fail(("units",), "units must be an array of tables ([[units]])")
    leaves = {path for path, node, _ in walk(model.root) if not node.children}
    grades = ", ".join(g.id for g in model.grades)
    out: list[Unit] = []
    for i, item in enumerate(data):
        at = ("units", i)
        table = check.table(item, at, _UNIT_KEYS, f"units[{i}]")
        name = check.string(table, at, "name")
        if any(u.name == name for u in out):
            raise check.fail((*at, "name"), f"duplicate unit name {name!r}")
        ratings = table.get("ratings", {})
        if not isinstance(ratings, dict):
            raise check.fail((*at, "ratings"), f"unit {name!r}: ratings must be a table like \"service/attitude\" = \"poor\"")
        unit = Unit(name)
        for path, raw in ratings.items():
            if path not in leaves:
                raise check.fail((*at, "ratings", path), f"unit {name!r}: {path!r} is not a churn factor of the model")
            grade = model.grade(raw) if isinstance(raw, str) else None
            if grade is None:
                raise check.fail((*at, "ratings", path), f"unit {name!r}, {path}: {raw!r} is not a grade; grades: {grades}")
            unit.ratings[path] = grade.id
        out.append(unit)
    return out


def _toml_value(value: float) -> int | str | float:
    """How a judgment is written: ``3``, ``"1/3"``, or the float itself off the scale."""
    text = format_value(value)
    if text.isdigit():
        return int(text)
    if text.startswith("1/"):
        return text
    return float(value)


class _FileState:
    """What the file on disk holds: its ``text``; ``doc``, the parsed document (tomlkit) kept
    between saves; ``saved``, each respondent's table name -> (weight, judgments) as last
    written, so a save touches only the tables that changed. The three always agree.
    """

    def __init__(self, text: str | None) -> None:
        self.text = text
        self.doc: Any = None
        self.saved: dict[str, tuple[float, dict[str, dict[Pair, float]]]] = {}

    def lend(self) -> _FileState:
        """A copy for a snapshot, which takes the kept document along (the next save of this
        state parses the text again, so no two saves ever edit one document)."""
        copy = _FileState(self.text)
        copy.doc, self.doc = self.doc, None
        copy.saved = self.saved
        return copy

    def document(self, model: Model) -> Any:
        """The document to bring up to date: parsed once, then kept."""
        if self.doc is None:
            import tomlkit

            self.doc = tomlkit.parse(self.text) if self.text is not None else _new_document(model)
        return self.doc


class Project:
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
    ) -> None:
        self.path = path
        self.title = title
        self.model = model
        self.settings = settings
        self.respondents = respondents
        self.units = units or []
        self._file = _FileState(text)
        if text is not None:  # as read from the file
            for r in respondents:
                r.saved_as = r.name
            self._file.saved = {r.name: (r.weight, {p: dict(v) for p, v in r.judgments.items()}) for r in respondents}
        self.inner = _inner_nodes(model.root)
        #: For a snapshot: (respondent of the original, their copy here), read by :meth:`adopt`.
        self._copied_from: tuple[Project, list[tuple[Respondent, Respondent]]] | None = None

    # -- judgments -------------------------------------------------------------------------
    def respondent_index(self, name: str | None) -> int | None:
        """The index of the respondent called ``name`` (``None`` for ``None``)."""
        if name is None:
            return None
        for i, r in enumerate(self.respondents):
            if r.name == name:
                return i
        raise AHPError(f"no respondent named {name!r}; respondents: {', '.join(r.name for r in self.respondents) or 'none'}")

    def node(self, path: str) -> Node:
        """The inner node at ``path``."""
        try:
            return self.inner[path]
        except KeyError:
            raise AHPError(f"no node {path!r} with sub-elements; nodes: {', '.join(self.inner)}") from None

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
        ids = [c.id for c in self.node(path).children]
        for e in (a, b):
            if e not in ids:
                raise JudgmentError(f"{e!r} is not an element of {path!r}; elements: {', '.join(ids)}")
        if a == b:
            raise JudgmentError(f"an element is not compared with itself ({a!r} in {path!r})")
        if value is not None and not on_scale(value):
            raise JudgmentError(f"judgment {a} vs {b} in {path!r}: {value:g} is off the scale 1/9..9")
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
        ids = [c.id for c in self.node(path).children]
        index = {e: k for k, e in enumerate(ids)}
        chosen = range(len(self.respondents)) if respondents is None else respondents
        n = len(ids)
        out = np.full((len(chosen), n, n), np.nan)
        out[:, np.arange(n), np.arange(n)] = 1.0
        for slot, r in enumerate(chosen):
            for (row, col), v in self.respondents[r].judgments.get(path, {}).items():
                out[slot, index[row], index[col]] = v
                out[slot, index[col], index[row]] = 1 / v
        return out

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
        s = self.settings
        aip = panel_respondents(self.panel(suggestions=0)) if respondent is None and len(self.respondents) > 1 else None
        return monte_carlo(self.model.root, matrices, method=s.method, completion=s.completion, respondents=aip, **options)

    def _complete_synthesis(self, respondent: str | None) -> Synthesis:
        synthesis = self.synthesize(respondent, suggestions=0)
        missing = [f"{a.path}: {a.problem}" for a in synthesis.nodes.values() if a.result is None]
        if missing:
            raise AHPError(f"{len(missing)} node(s) lack judgments; first: {missing[0]}")
        return synthesis

    # -- units and ratings ------------------------------------------------------------------
    def unit_index(self, name: str) -> int:
        """The index of the unit called ``name``."""
        for i, u in enumerate(self.units):
            if u.name == name:
                return i
        raise AHPError(f"no unit named {name!r}; units: {', '.join(u.name for u in self.units) or 'none'}")

    def add_unit(self, name: str) -> int:
        """Add a store, region or segment to rate; returns its index."""
        if not name.strip():
            raise AHPError("a unit needs a name")
        if any(u.name == name.strip() for u in self.units):
            raise AHPError(f"there is already a unit named {name.strip()!r}")
        self.units.append(Unit(name.strip()))
        return len(self.units) - 1

    def rename_unit(self, old: str, new: str) -> None:
        """Give a unit another (unique) name."""
        i = self.unit_index(old)
        if not new.strip():
            raise AHPError("a unit needs a name")
        if new.strip() != old and any(u.name == new.strip() for u in self.units):
            raise AHPError(f"there is already a unit named {new.strip()!r}")
        self.units[i].name = new.strip()

    def remove_unit(self, name: str) -> None:
        """Remove a unit and its ratings."""
        del self.units[self.unit_index(name)]

    def set_rating(self, unit: int, path: str, grade: str | None) -> None:
        """Rate a churn factor of a unit (a grade id or name), or clear the rating with ``None``."""
        leaf = self.model.root.layout.index.get(path)
        if leaf is None or self.model.root.layout.nodes[leaf].children:
            raise AHPError(f"{path!r} is not a churn factor of the model")
        ratings = self.units[unit].ratings
        if grade is None:
            ratings.pop(path, None)
            return
        found = self.model.grade(grade)
        if found is None:
            raise AHPError(f"{grade!r} is not a grade; grades: {', '.join(g.id for g in self.model.grades)}")
        ratings[path] = found.id

    def import_ratings(self, rows: list[tuple[str, dict[str, str]]]) -> tuple[int, int]:
        """Apply checked ratings rows: existing units get the cells given, new units are added.

        Returns (units added, units updated).
        """
        added = updated = 0
        for name, ratings in rows:
            existing = next((u for u in self.units if u.name == name), None)
            if existing is None:
                self.units.append(Unit(name, dict(ratings)))
                added += 1
            else:
                existing.ratings.update(ratings)
                updated += 1
        return added, updated

    def risk(self, respondent: str | None = None) -> RiskReport:
        """Every unit's churn-risk index and action list, from the current factor weights."""
        from ahp.io.risk import risk_report

        return risk_report(self, self.synthesize(respondent, suggestions=0))

    # -- respondents -----------------------------------------------------------------------
    def add_respondent(self, name: str, weight: float = 1.0) -> int:
        """Add a respondent with no judgments yet; returns their index."""
        self._check_respondent(name, weight)
        self.respondents.append(Respondent(name.strip(), float(weight)))
        return len(self.respondents) - 1

    def rename_respondent(self, old: str, new: str) -> None:
        """Give a respondent another (unique) name."""
        i = self.respondent_index(old)
        if new.strip() != old:
            self._check_respondent(new, self.respondents[i].weight)
        self.respondents[i].name = new.strip()  # the table in the file follows by ``saved_as``

    def set_respondent_weight(self, name: str, weight: float) -> None:
        """Change how much a respondent counts when the panel is combined."""
        i = self.respondent_index(name)
        self._check_respondent(name, weight, new=False)
        self.respondents[i].weight = float(weight)

    def remove_respondent(self, name: str) -> None:
        """Remove a respondent and their judgments."""
        del self.respondents[self.respondent_index(name)]

    def _check_respondent(self, name: str, weight: float, new: bool = True) -> None:
        if not name.strip():
            raise AHPError("a respondent needs a name")
        if new and any(r.name == name.strip() for r in self.respondents):
            raise AHPError(f"there is already a respondent named {name.strip()!r}")
        if isinstance(weight, bool) or not (isinstance(weight, (int, float)) and math.isfinite(weight) and weight > 0):
            raise AHPError(f"respondent {name.strip()!r}: weight must be a positive number; got {weight!r}")

    def import_respondents(self, rows: list[tuple[str, float, dict[str, dict[Pair, float]]]]) -> None:
        """Add already-checked respondents (from a survey) and write them to the file at once.

        The new ``[[respondents]]`` tables are appended to the file's text, so a survey of
        thousands imports in a moment and everything above them is left as it was.
        """
        from ahp.io.survey import respondents_toml

        new = [Respondent(name, weight, judgments) for name, weight, judgments in rows]
        if self._file.text is None or self.path is None:
            self.respondents.extend(new)
            self.save()
            return
        text = self._file.text.rstrip("\n") + "\n" + respondents_toml(new, _toml_value)
        write_atomic(self.path, text)
        self._file.text = text
        self._file.doc = None  # the kept document no longer matches the file: parse afresh when next saving
        self._file.saved.update((r.name, (r.weight, {p: dict(v) for p, v in r.judgments.items()})) for r in new)
        for r in new:
            r.saved_as = r.name
        self.respondents.extend(new)

    # -- writing ---------------------------------------------------------------------------
    def snapshot(self) -> Project:
        """An independent copy holding everything a save needs, to save from another thread.

        Take it where the project is edited, save the copy anywhere, then give it to
        :meth:`adopt`. Changes made to this project meanwhile (renames too) are not in the
        copy and stay pending for the next save.

        >>> import tempfile, pathlib
        >>> p = new_project(pathlib.Path(tempfile.mkdtemp()) / "s.ahp.toml")
        >>> copy = p.snapshot()
        >>> p.rename_respondent("Respondent 1", "Ann")  # after the snapshot: still pending
        >>> copy.save(); p.adopt(copy)
        >>> [r.name for r in load_project(p.path).respondents]
        ['Respondent 1']
        >>> p.save(); [r.name for r in load_project(p.path).respondents]
        ['Ann']
        """
        clone = copy.copy(self)
        clone.respondents = [
            Respondent(r.name, r.weight, {path: dict(pairs) for path, pairs in r.judgments.items()}, r.saved_as)
            for r in self.respondents
        ]
        clone.units = [Unit(u.name, dict(u.ratings)) for u in self.units]
        clone._file = self._file.lend()
        clone._copied_from = (self, list(zip(self.respondents, clone.respondents)))
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
        for original, copied in saved._copied_from[1]:
            original.saved_as = copied.saved_as

    def save(self, path: StrPath | None = None) -> None:
        """Write the project atomically (keeping ``.bak``), preserving comments and key order.

        The new text is read back before it is written: if it would not load, or would load
        as something else, :class:`ProjectFileError` is raised and nothing is written.
        """
        target = path if path is not None else self.path
        if target is None:
            raise AHPError("this project has no file yet; give a path to save it to")
        try:
            text = self._checked_text(os.fspath(target))
            write_atomic(target, text)
        except BaseException:
            self._file.doc = None  # it may hold a change that was never written: parse the text again
            raise
        self._file.text = text
        self._file.saved = {r.name: (r.weight, {p: dict(v) for p, v in r.judgments.items()}) for r in self.respondents}
        for r in self.respondents:
            r.saved_as = r.name
        self.path = target

    def _checked_text(self, target: str) -> str:
        """The file's new text, read back to check it loads as this project.

        The kept document is brought up to date first; if its text does not read back (a file
        edited by hand into a shape the update cannot follow), a fresh document is tried.
        """
        import tomlkit

        _check_writable(self, target)
        doc = self._file.document(self.model)
        self._sync(doc)
        text = tomlkit.dumps(doc)
        if _reads_back(text, target, self):
            return text
        doc = self._file.doc = _new_document(self.model, self.title)
        self._sync(doc)
        text = tomlkit.dumps(doc)
        if _reads_back(text, target, self):
            return text
        raise ProjectFileError("the project could not be written so that it reads back the same; nothing was written", path=target)

    def _sync(self, doc: Any) -> None:
        """Bring a tomlkit document in line with this project, touching only what differs."""
        _sync_head(doc, self.title, self.settings)
        _sync_respondents(doc, self.respondents, self._file.saved)
        _sync_units(doc, self.units)


def _sync_head(doc: Any, title: str, settings: Settings) -> None:
    """The format number, the title and the settings."""
    import tomlkit

    doc.setdefault("format", FORMAT)
    project = doc.setdefault("project", tomlkit.table())
    if project.get("title") != title:
        project["title"] = title
    sync_settings(doc.setdefault("settings", tomlkit.table()), settings)


def _sync_respondents(doc: Any, respondents: list[Respondent], saved: dict[str, Any]) -> None:
    """One ``[[respondents]]`` table per respondent, in their order; each follows its
    respondent through renames (by ``saved_as``), and an unchanged one is left alone."""
    import tomlkit

    if not respondents:
        doc.pop("respondents", None)  # never an empty array: it would be written as `respondents = []`
        return
    old = list(doc["respondents"]) if "respondents" in doc else []
    by_name = {t.get("name"): t for t in old}
    tables = [by_name.pop(r.saved_as) if r.saved_as in by_name else None for r in respondents]
    kept = [t is not None and saved.get(r.saved_as) == (r.weight, r.judgments) for r, t in zip(respondents, tables)]
    for k, r in enumerate(respondents):  # not in the file under their saved name: an unclaimed table of their name, or a new one
        if tables[k] is None:
            tables[k] = by_name.pop(r.name) if r.name in by_name else tomlkit.table()
    for r, t, unchanged in zip(respondents, tables, kept):
        if t.get("name") != r.name:
            t["name"] = r.name
        if unchanged:
            continue  # as last saved but for the name: leave the rest of the table alone
        if t.get("weight", 1.0) != r.weight:
            t["weight"] = r.weight
        _sync_judgments(t, r.judgments)
    if [id(t) for t in old] != [id(t) for t in tables]:
        aot = tomlkit.aot()
        for t in tables:
            aot.append(t)
        doc.pop("respondents", None)
        doc.append("respondents", aot)


def _sync_units(doc: Any, units: list[Unit]) -> None:
    """One ``[[units]]`` table per unit, in their order, with its ratings."""
    import tomlkit

    if not units:
        doc.pop("units", None)
        return
    if "units" not in doc:
        doc.append("units", tomlkit.aot())
    tables = doc["units"]
    while len(tables) > len(units):
        del tables[len(tables) - 1]
    for i, u in enumerate(units):
        if i == len(tables):
            tables.append(tomlkit.table())
        t = tables[i]
        if t.get("name") != u.name:
            t["name"] = u.name
        ratings = t.setdefault("ratings", tomlkit.table())
        for path in [p for p in ratings if p not in u.ratings]:
            del ratings[path]
        for path, grade in u.ratings.items():
            if ratings.get(path) != grade:
                ratings[path] = grade


def _check_writable(project: Project, target: str) -> None:
    """Refuse text that no UTF-8 file can hold (a lone surrogate), naming the field."""
    fields = [("project title", project.title)]
    fields += [("respondent name", r.name) for r in project.respondents]
    fields += [("unit name", u.name) for u in project.units]
    for what, value in fields:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ProjectFileError(f"{what} {value!r} holds a character no text file can store (a lone surrogate); not saved", path=target) from None


def _reads_back(text: str, target: str, project: Project) -> bool:
    """Whether ``text`` loads as a project holding exactly what ``project`` holds."""
    try:
        again = parse_project(text, target)
    except AHPError:
        return False
    return _contents(again) == _contents(project)


def _contents(project: Project) -> tuple[Any, ...]:
    """What a project file holds, comparable (judgments as written, on the scale's precision)."""
    respondents = [
        (r.name, r.weight, {path: {pair: _toml_value(v) for pair, v in pairs.items()} for path, pairs in r.judgments.items() if pairs})
        for r in project.respondents
    ]
    units = [(u.name, u.ratings) for u in project.units]
    return project.title, project.settings, project.model, respondents, units

def _sync_judgments(table: Any, judgments: dict[str, dict[Pair, float]]) -> None:
    """Update one respondent's ``judgments`` table pair by pair."""
    import tomlkit

    if "judgments" not in table:
        if not any(judgments.values()):
            return
        table["judgments"] = tomlkit.table(is_super_table=True)
    doc_j = table["judgments"]
    for path in [p for p in doc_j if p not in judgments]:
        del doc_j[path]
    for path, pairs in judgments.items():
        if path not in doc_j:
            if not pairs:
                continue
            doc_j[path] = tomlkit.table()
        rows = doc_j[path]
        for row in list(rows):
            for col in list(rows[row]):
                if (row, col) not in pairs:
                    del rows[row][col]
            if not rows[row]:
                del rows[row]
        for (row, col), value in pairs.items():
            if row not in rows:
                rows[row] = tomlkit.inline_table()
            if col not in rows[row] or not math.isclose(parse_value(rows[row][col]), value):
                rows[row][col] = _toml_value(value)  # an unchanged value keeps the user's spelling


def _node_table(node: Node) -> Any:
    import tomlkit

    t = tomlkit.table()
    t["id"] = node.id
    for key in ("name", "name_zh", "description", "description_zh"):
        if getattr(node, key):
            t[key] = getattr(node, key)
    if node.children:
        aot = tomlkit.aot()
        for c in node.children:
            aot.append(_node_table(c))
        t["children"] = aot
    return t


def _new_document(model: Model, title: str = "", chosen: Settings | None = None) -> Any:
    """A fresh project document embedding ``model``, with explanatory comments."""
    import tomlkit

    doc = tomlkit.document()
    doc.add(tomlkit.comment("ahp project: the model, the settings and every respondent's judgments."))
    doc.add(tomlkit.comment('A judgment  row = { col = v }  means row is v times as important as col (v from 1/9 to 9).'))
    doc.add(tomlkit.nl())
    doc["format"] = FORMAT
    project = tomlkit.table()
    project["title"] = title
    doc["project"] = project
    doc["settings"] = new_settings_table(chosen or Settings())
    root = model.root
    m = tomlkit.table()
    m["id"] = model.id
    m["goal"] = root.name
    for key, attr in (("goal_zh", "name_zh"), ("description", "description"), ("description_zh", "description_zh")):
        if getattr(root, attr):
            m[key] = getattr(root, attr)
    criteria = tomlkit.aot()
    for c in root.children:
        criteria.append(_node_table(c))
    m["criteria"] = criteria
    ratings = tomlkit.table()
    grades = tomlkit.aot()
    for g in model.grades:
        t = tomlkit.table()
        t["id"], t["name"] = g.id, g.name
        if g.name_zh:
            t["name_zh"] = g.name_zh
        t["intensity"] = g.intensity
        grades.append(t)
    ratings["grades"] = grades
    m["ratings"] = ratings
    doc["model"] = m
    return doc


def new_settings_table(chosen: Settings) -> Any:
    """The ``[settings]`` of a new project file, each setting with a comment naming its choices."""
    import tomlkit

    settings = tomlkit.table()
    values = chosen.file_values()
    for key, note in (
        ("method", "eigenvector | geometric-mean | column-mean"),
        ("practice", "saaty | zh-textbook: presets random_index, threshold and lambda_max (below)"),
        ("random_index", "saaty1980 | saaty2005 | donegan-dodd | alonso-lamata | gong-xu1986"),
        ("threshold", "saaty1994 (0.05 for n=3, 0.08 for n=4, 0.10 above) | saaty1980 (<= 0.10) | lt0.10 (< 0.10) | a number"),
        ("lambda_max", "eigenvalue | textbook: (1/n) sum (Aw)_i / w_i with the method's own w"),
        ("aggregation", "aij: geometric mean of the judgments | aip: mean of the priorities"),
        ("aip_mean", "geometric | arithmetic, for aip"),
        ("inconsistent", "respondents failing the threshold at a node: flag | include | exclude"),
        ("completion", "lambda-max | harker, for missing judgments"),
        ("language", "en | zh: the language of every output"),
    ):
        if key in values:
            settings[key] = values[key]
            settings[key].comment(note)
        else:  # left to the practice: shown, to be set on its own by removing the #
            settings.add(tomlkit.comment(f"{key} = {tomlkit.item(getattr(chosen, key)).as_string()}   # {note}"))
    return settings


def parse_project(text: str, path: str) -> Project:
    """Validate a project file's text and build the :class:`Project`."""
    data = parse_toml(text, path)
    check = Validator(path, text)
    check.table(data, (), _TOP_KEYS, "the project file")
    check.format(data)
    if "model" not in data:
        raise check.fail((), "missing table [model]: a project file embeds its model")
    model = parse_model(data["model"], check)
    project = check.table(data.get("project", {}), ("project",), _PROJECT_KEYS, "[project]")
    title = project.get("title", "")
    if not isinstance(title, str):
        raise check.fail(("project", "title"), "project.title must be a string")
    settings = parse_settings(data.get("settings"), check)
    respondents = _parse_respondents(data.get("respondents"), check, _inner_nodes(model.root))
    units = _parse_units(data.get("units"), check, model)
    return Project(path=path, title=title, model=model, settings=settings, respondents=respondents, units=units, text=text)


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
    if os.path.exists(path):
        raise ProjectFileError("already exists; not overwritten", path=os.fspath(path))
    m = load_model(model)
    name = title if title is not None else f"{m.goal}: {os.path.basename(path).removesuffix('.ahp.toml')}"
    project = Project(
        path=path, title=name, model=m, settings=settings or Settings(),
        respondents=[Respondent("Respondent 1")],
        text=tomlkit_dumps(_new_document(m, name, settings)),
    )
    project.save()
    return project


def tomlkit_dumps(doc: Any) -> str:
    """Serialise a tomlkit document."""
    import tomlkit

    return tomlkit.dumps(doc)
