"""Model files (criteria/*.toml): the hierarchy of criteria and churn factors.

>>> m = load_model("retail-churn")
>>> m.goal, [c.id for c in m.root.children]
('Customer churn degree', ['service', 'quality', 'price', 'competition'])
"""

from __future__ import annotations

import functools
import math
import os
import re
from dataclasses import dataclass
from typing import Any

from ahp.core.hierarchy import ROOT, Node, walk
from ahp.errors import Phrase, ProjectFileError, Worded, listed, phrase_of
from ahp.io.toml_lines import Key, KeyLines, parse_toml, read_text

DEFAULT_MODEL = "retail-churn"
FORMAT = 1
#: The deepest a model may go: levels of criteria below the goal (a churn model has 2 or 3).
MAX_DEPTH = 20
_ID = re.compile(r"^[A-Za-z0-9_-]+$")
_NODE_KEYS = {"id", "name", "name_zh", "description", "description_zh", "children", "controllable"}
_MODEL_KEYS = {"id", "version", "goal", "goal_zh", "description", "description_zh", "criteria", "ratings"}
#: Who can act on a churn factor: the store manager, the chain's head office, or neither.
CONTROLLABLE = ("store", "head-office", "external")
_OWNER_NAMES = {"store": ("Store", "门店"), "head-office": ("Head office", "总部"), "external": ("External", "外部"),
                None: ("Not stated", "未注明")}
_RATINGS_KEYS = {"grades", "comparisons"}
_GRADE_KEYS = {"id", "name", "name_zh", "intensity"}


def owner_label(owner: str | None, language: str = "en") -> str:
    """Who can act on a factor, in words: ``owner_label("head-office", "zh")`` is ``'总部'``.

    >>> owner_label("store"), owner_label(None, "zh")
    ('Store', '未注明')
    """
    return _OWNER_NAMES[owner][language == "zh"]


@dataclass(frozen=True)
class Grade:
    """One step of the rating scale; ``intensity`` in [0, 1] is the share of a factor's weight
    that counts as churn risk at this grade."""

    id: str
    name: str
    name_zh: str | None
    intensity: float

    def label(self, language: str = "en") -> str:
        """The grade's name in ``language`` ("en" or "zh")."""
        return (self.name_zh or self.name) if language == "zh" else self.name


#: The default scale, best to worst: five grades, intensities evenly spaced from 0 to 1.
DEFAULT_GRADES: tuple[Grade, ...] = (
    Grade("very-good", "Very good", "很好", 0.0),
    Grade("good", "Good", "较好", 0.25),
    Grade("fair", "Fair", "一般", 0.5),
    Grade("poor", "Poor", "较差", 0.75),
    Grade("very-poor", "Very poor", "很差", 1.0),
)


@dataclass(frozen=True)
class Model:
    """A hierarchy with its identity: ``root`` is the goal node (path ``goal``); ``version``
    tells editions of a model apart (``None`` in files written before models had one)."""

    id: str
    root: Node
    grades: tuple[Grade, ...] = DEFAULT_GRADES
    version: str | None = None

    @property
    def goal(self) -> str:
        """The goal's English name."""
        return self.root.name

    def grade(self, text: str) -> Grade | None:
        """The grade named by its id, English or Chinese name (``None`` if none matches, or if
        ``text`` is not a string)."""
        if not isinstance(text, str):
            return None
        key = text.strip()
        return next((g for g in self.grades if key in (g.id, g.name, g.name_zh) or key.lower() == g.name.lower()), None)


class Validator:
    """Raises :class:`ProjectFileError` naming the file, the line and the key at fault."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        self._lines: KeyLines | None = None

    def fail(self, key: Key, message: Phrase) -> ProjectFileError:
        """The error for ``message`` at ``key`` (scanning the text for lines only when needed)."""
        if self._lines is None:
            self._lines = KeyLines(self.text)
        return ProjectFileError(message, path=self.path, line=self._lines.line(key))

    def table(self, value: Any, key: Key, allowed: set[str], what: str | Worded) -> dict[str, Any]:
        """Check ``value`` is a table whose keys are all in ``allowed``."""
        if not isinstance(value, dict):
            raise self.fail(key, Phrase("{key} must be a table", {"key": _dotted(key)}))
        for k in value:
            if k not in allowed:
                raise self.fail((*key, k), Phrase("unknown key {key!r} in {what}; expected {keys}",
                                                  {"key": k, "what": what, "keys": listed(sorted(allowed))}))
        return value

    def string(self, table: dict[str, Any], key: Key, name: str, *, required: bool = True) -> str | None:
        """A non-empty string at ``table[name]``; ``None`` when optional and absent."""
        value = table.get(name)
        if value is None:
            if required:
                raise self.fail(key, Phrase("missing key {name!r} in {table}",
                                             {"name": name, "table": _dotted(key) or Worded("the file", "文件")}))
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail((*key, name), Phrase("{key} must be a non-empty string", {"key": _dotted((*key, name))}))
        return value.strip()

    def format(self, data: dict[str, Any]) -> None:
        """Check the file's ``format`` number (absent means the current one)."""
        if data.get("format", FORMAT) != FORMAT:
            raise self.fail(("format",), Phrase("unsupported format {given!r}; this version reads format {format}",
                                                {"given": data["format"], "format": FORMAT}))


def _dotted(key: Key) -> str:
    """Print a key path as people read it: ``model.criteria[1].id``."""
    out = ""
    for part in key:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def parse_model(data: Any, check: Validator, key: Key = ("model",)) -> Model:
    """Build a :class:`Model` from the ``[model]`` table of a parsed file, validating every node."""
    table = check.table(data, key, _MODEL_KEYS, "[model]")
    model_id = check.string(table, key, "id")
    if not _ID.match(model_id):
        raise check.fail((*key, "id"), Phrase("model id {id!r} may hold only letters, digits, '-' and '_'",
                                              {"id": model_id}))
    criteria = _children(table.get("criteria"), (*key, "criteria"), check, ROOT)
    if not criteria:
        raise check.fail(key, Phrase("the model has no criteria: add at least one [[model.criteria]]"))
    grades = _grades(table.get("ratings"), (*key, "ratings"), check) if "ratings" in table else DEFAULT_GRADES
    root = Node(
        id=ROOT,
        name=check.string(table, key, "goal"),
        name_zh=check.string(table, key, "goal_zh", required=False),
        description=check.string(table, key, "description", required=False),
        description_zh=check.string(table, key, "description_zh", required=False),
        children=criteria,
    )
    return Model(model_id, root, grades, check.string(table, key, "version", required=False))


def _grades(data: Any, key: Key, check: Validator) -> tuple[Grade, ...]:
    """The rating scale of ``[model.ratings]``: grades best to worst, intensities given or compared."""
    table = check.table(data, key, _RATINGS_KEYS, "[model.ratings]")
    items = table.get("grades")
    if not isinstance(items, list) or len(items) < 2:
        raise check.fail(key, Phrase("[model.ratings] needs at least two [[model.ratings.grades]], best first"))
    comparisons = table.get("comparisons")
    rows: list[tuple[str, str, str | None, Any]] = []
    for i, item in enumerate(items):
        at = (*key, "grades", i)
        g = check.table(item, at, _GRADE_KEYS, _dotted(at))
        gid = check.string(g, at, "id")
        if not _ID.match(gid):
            raise check.fail((*at, "id"), Phrase("grade id {id!r} may hold only letters, digits, '-' and '_'",
                                                 {"id": gid}))
        if any(r[0] == gid for r in rows):
            raise check.fail((*at, "id"), Phrase("duplicate grade id {id!r}", {"id": gid}))
        intensity = g.get("intensity")
        if comparisons is None:
            if isinstance(intensity, bool) or not isinstance(intensity, (int, float)) or not 0 <= intensity <= 1:
                message = Phrase("grade {id!r}: intensity must be a number from 0 to 1; got {intensity!r}",
                                 {"id": gid, "intensity": intensity})
                raise check.fail((*at, "intensity"), message)
        elif intensity is not None:
            raise check.fail((*at, "intensity"), Phrase("grade {id!r}: give intensities or comparisons, not both",
                                                        {"id": gid}))
        rows.append((gid, check.string(g, at, "name"), check.string(g, at, "name_zh", required=False), intensity))
    if comparisons is not None:
        from ahp.core.matrix import from_upper, validate_matrix
        from ahp.core.ratings import intensities_from_comparisons
        from ahp.errors import AHPError

        k = len(rows)
        if not isinstance(comparisons, list) or len(comparisons) != k * (k - 1) // 2:
            raise check.fail(
                (*key, "comparisons"),
                Phrase("comparisons of {k} grades need {n} values (upper triangle, row by row)",
                       {"k": k, "n": k * (k - 1) // 2}),
            )
        try:
            values = validate_matrix(from_upper(k, comparisons))
        except AHPError as exc:
            raise check.fail((*key, "comparisons"), Phrase("comparisons: {why}",
                                                           {"why": phrase_of(exc)})) from None
        if any(math.isnan(v) for v in values.ravel()):
            raise check.fail((*key, "comparisons"),
                             Phrase("comparisons: every pair of grades needs a value (no ? or nan)"))
        levels = intensities_from_comparisons(values)
        rows = [(gid, name, zh, float(v)) for (gid, name, zh, _), v in zip(rows, levels, strict=True)]
    return tuple(Grade(gid, name, zh, float(v)) for gid, name, zh, v in rows)


def _children(items: Any, key: Key, check: Validator, parent: str, depth: int = 1) -> tuple[Node, ...]:
    """Validate an array of node tables and build their nodes (recursively), ``depth`` levels
    below the goal."""
    if items is None:
        return ()
    if depth > MAX_DEPTH:
        raise check.fail(key, Phrase("the model goes deeper than {most} levels below the goal, the most allowed",
                                     {"most": MAX_DEPTH}))
    if not isinstance(items, list):
        raise check.fail(key, Phrase("{key} must be an array of tables ([[...]])", {"key": _dotted(key)}))
    nodes: list[Node] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        at = (*key, i)
        table = check.table(item, at, _NODE_KEYS, f"{_dotted(at)}")
        node_id = check.string(table, at, "id")
        if not _ID.match(node_id):
            raise check.fail((*at, "id"), Phrase("id {id!r} may hold only letters, digits, '-' and '_'",
                                                 {"id": node_id}))
        if parent == ROOT and node_id == ROOT:
            raise check.fail((*at, "id"), Phrase("id {id!r} is reserved for the goal", {"id": ROOT}))
        if node_id in seen:
            raise check.fail((*at, "id"), Phrase("duplicate id {id!r} under {parent!r}: sibling ids must be unique",
                                                 {"id": node_id, "parent": parent}))
        seen.add(node_id)
        path = node_id if parent == ROOT else f"{parent}/{node_id}"
        nodes.append(
            Node(
                id=node_id,
                name=check.string(table, at, "name"),
                name_zh=check.string(table, at, "name_zh", required=False),
                description=check.string(table, at, "description", required=False),
                description_zh=check.string(table, at, "description_zh", required=False),
                children=_children(table.get("children"), (*at, "children"), check, path, depth + 1),
                controllable=_controllable(table, at, check),
            )
        )
    return tuple(nodes)


def _controllable(table: dict[str, Any], key: Key, check: Validator) -> str | None:
    """The node's ``controllable`` (who can act on it), checked against :data:`CONTROLLABLE`."""
    value = table.get("controllable")
    if value is not None and value not in CONTROLLABLE:
        raise check.fail(
            (*key, "controllable"),
            Phrase("{key}: {value!r} is not one of {choices}", {"key": _dotted((*key, "controllable")), "value": value,
                                                                "choices": listed([repr(c) for c in CONTROLLABLE])}),
        )
    return value


def builtin_models() -> list[str]:
    """Names of the models shipped with the package."""
    from importlib import resources

    return sorted(
        p.name.removesuffix(".toml") for p in resources.files("ahp.criteria").iterdir() if p.name.endswith(".toml")
    )


def model_path(name_or_path: str | os.PathLike[str]) -> str | os.PathLike[str]:
    """The file of a built-in model by name (``retail-churn``), or the given path."""
    if os.fspath(name_or_path).endswith(".toml") or os.path.exists(name_or_path):
        return name_or_path
    from importlib import resources

    candidate = resources.files("ahp.criteria") / f"{name_or_path}.toml"
    if not candidate.is_file():
        raise ProjectFileError(Phrase("no built-in model {name!r} and no such file; built-in models: {models}",
                                      {"name": str(name_or_path), "models": listed(builtin_models())}))
    return str(candidate)


def load_model(name_or_path: str | os.PathLike[str] = DEFAULT_MODEL) -> Model:
    """Load a model file (or a built-in model by name) and validate it."""
    path = model_path(name_or_path)
    return read_model(read_text(path), str(path))


def read_model(text: str, path: str) -> Model:
    """Validate a model file's text; errors name ``path``, the line and the key."""
    data = parse_toml(text, path)
    check = Validator(path, text)
    check.table(data, (), {"format", "model"}, Worded("the model file", "模型文件"))
    check.format(data)
    if "model" not in data:
        raise check.fail((), Phrase("missing table [model]"))
    return parse_model(data["model"], check)


@functools.lru_cache(maxsize=8)
def _builtin(model_id: str) -> Model:
    """The built-in model ``model_id``, read once."""
    return load_model(model_id)


def builtin_difference(model: Model, language: str = "en") -> str | None:
    """A one-line note when ``model`` bears a built-in model's id but is another edition of it
    (another version, or other elements); ``None`` when it is the built-in model or none.

    A project keeps the model it embeds; this only says so.

    >>> builtin_difference(load_model()) is None
    True
    >>> from dataclasses import replace
    >>> print(builtin_difference(replace(load_model(), version=None)))  # doctest: +NORMALIZE_WHITESPACE
    this file's model 'retail-churn' (no version) is not the built-in one (version 2026.12);
    the file keeps its own model
    >>> builtin_difference(replace(load_model(), version="2026.11"), "zh")
    '本文件的模型 retail-churn（版本 2026.11）不是内置模型（版本 2026.12）；文件保留自己的模型'
    """
    if model.id not in builtin_models():
        return None
    builtin = _builtin(model.id)
    mine = {path for path, _, _ in walk(model.root)}
    theirs = {path for path, _, _ in walk(builtin.root)}
    if model.version == builtin.version and mine == theirs:
        return None
    only_mine, only_theirs = len(mine - theirs), len(theirs - mine)
    if language == "zh":
        version = f"版本 {model.version}" if model.version else "无版本"
        changes = "".join(
            f"；{text}"
            for n, text in (
                (only_mine, f"文件独有 {only_mine} 个元素"),
                (only_theirs, f"内置模型独有 {only_theirs} 个元素"),
            )
            if n
        )
        return (
            f"本文件的模型 {model.id}（{version}）不是内置模型（版本 {builtin.version}{changes}）；文件保留自己的模型"
        )
    version = f"version {model.version}" if model.version else "no version"
    changes = "".join(
        f"; {n} element(s) {where}"
        for n, where in ((only_mine, "only in the file"), (only_theirs, "only in the built-in model"))
        if n
    )
    return (
        f"this file's model {model.id!r} ({version}) is not the built-in one (version {builtin.version}"
        f"{changes}); the file keeps its own model"
    )
