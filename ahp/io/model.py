"""Model files (criteria/*.toml): the hierarchy of criteria and churn factors.

>>> m = load_model("retail-churn")
>>> m.goal, [c.id for c in m.root.children]
('Customer churn degree', ['service', 'quality', 'price', 'competition'])
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any

from ahp.core.hierarchy import ROOT, Node
from ahp.errors import ProjectFileError
from ahp.io.toml_lines import Key, KeyLines, read_toml

DEFAULT_MODEL = "retail-churn"
FORMAT = 1
_ID = re.compile(r"^[A-Za-z0-9_-]+$")
_NODE_KEYS = {"id", "name", "name_zh", "description", "description_zh", "children"}
_MODEL_KEYS = {"id", "goal", "goal_zh", "description", "description_zh", "criteria"}


@dataclass(frozen=True)
class Model:
    """A hierarchy with its identity: ``root`` is the goal node (path ``goal``)."""

    id: str
    root: Node

    @property
    def goal(self) -> str:
        """The goal's English name."""
        return self.root.name


class Validator:
    """Raises :class:`ProjectFileError` naming the file, the line and the key at fault."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        self._lines: KeyLines | None = None

    def fail(self, key: Key, message: str) -> ProjectFileError:
        """The error for ``message`` at ``key`` (scanning the text for lines only when needed)."""
        if self._lines is None:
            self._lines = KeyLines(self.text)
        return ProjectFileError(message, path=self.path, line=self._lines.line(key))

    def table(self, value: Any, key: Key, allowed: set[str], what: str) -> dict[str, Any]:
        """Check ``value`` is a table whose keys are all in ``allowed``."""
        if not isinstance(value, dict):
            raise self.fail(key, f"{_dotted(key)} must be a table")
        for k in value:
            if k not in allowed:
                raise self.fail((*key, k), f"unknown key {k!r} in {what}; expected {', '.join(sorted(allowed))}")
        return value

    def string(self, table: dict[str, Any], key: Key, name: str, *, required: bool = True) -> str | None:
        """A non-empty string at ``table[name]``; ``None`` when optional and absent."""
        value = table.get(name)
        if value is None:
            if required:
                raise self.fail(key, f"missing key {name!r} in {_dotted(key) or 'the file'}")
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail((*key, name), f"{_dotted((*key, name))} must be a non-empty string")
        return value.strip()

    def format(self, data: dict[str, Any]) -> None:
        """Check the file's ``format`` number (absent means the current one)."""
        if data.get("format", FORMAT) != FORMAT:
            raise self.fail(("format",), f"unsupported format {data['format']!r}; this version reads format {FORMAT}")


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
        raise check.fail((*key, "id"), f"model id {model_id!r} may hold only letters, digits, '-' and '_'")
    criteria = _children(table.get("criteria"), (*key, "criteria"), check, ROOT)
    if not criteria:
        raise check.fail(key, "the model has no criteria: add at least one [[model.criteria]]")
    root = Node(
        id=ROOT,
        name=check.string(table, key, "goal"),
        name_zh=check.string(table, key, "goal_zh", required=False),
        description=check.string(table, key, "description", required=False),
        description_zh=check.string(table, key, "description_zh", required=False),
        children=criteria,
    )
    return Model(model_id, root)


def _children(items: Any, key: Key, check: Validator, parent: str) -> tuple[Node, ...]:
    """Validate an array of node tables and build their nodes (recursively)."""
    if items is None:
        return ()
    if not isinstance(items, list):
        raise check.fail(key, f"{_dotted(key)} must be an array of tables ([[...]])")
    nodes: list[Node] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        at = (*key, i)
        table = check.table(item, at, _NODE_KEYS, f"{_dotted(at)}")
        node_id = check.string(table, at, "id")
        if not _ID.match(node_id):
            raise check.fail((*at, "id"), f"id {node_id!r} may hold only letters, digits, '-' and '_'")
        if parent == ROOT and node_id == ROOT:
            raise check.fail((*at, "id"), f"id {ROOT!r} is reserved for the goal")
        if node_id in seen:
            raise check.fail((*at, "id"), f"duplicate id {node_id!r} under {parent!r}: sibling ids must be unique")
        seen.add(node_id)
        path = node_id if parent == ROOT else f"{parent}/{node_id}"
        nodes.append(
            Node(
                id=node_id,
                name=check.string(table, at, "name"),
                name_zh=check.string(table, at, "name_zh", required=False),
                description=check.string(table, at, "description", required=False),
                description_zh=check.string(table, at, "description_zh", required=False),
                children=_children(table.get("children"), (*at, "children"), check, path),
            )
        )
    return tuple(nodes)


def builtin_models() -> list[str]:
    """Names of the models shipped with the package."""
    from importlib import resources

    return sorted(p.name.removesuffix(".toml") for p in resources.files("ahp.criteria").iterdir() if p.name.endswith(".toml"))


def model_path(name_or_path: str | os.PathLike[str]) -> str | os.PathLike[str]:
    """The file of a built-in model by name (``retail-churn``), or the given path."""
    if os.fspath(name_or_path).endswith(".toml") or os.path.exists(name_or_path):
        return name_or_path
    from importlib import resources

    candidate = resources.files("ahp.criteria") / f"{name_or_path}.toml"
    if not candidate.is_file():
        raise ProjectFileError(
            f"no built-in model {str(name_or_path)!r} and no such file; built-in models: {', '.join(builtin_models())}"
        )
    return str(candidate)


def load_model(name_or_path: str | os.PathLike[str] = DEFAULT_MODEL) -> Model:
    """Load a model file (or a built-in model by name) and validate it."""
    path = model_path(name_or_path)
    data, text = read_toml(path)
    check = Validator(str(path), text)
    check.table(data, (), {"format", "model"}, "the model file")
    check.format(data)
    if "model" not in data:
        raise check.fail((), "missing table [model]")
    return parse_model(data["model"], check)
