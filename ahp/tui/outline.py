"""What the first frame shows before the engine is loaded: the hierarchy's names, the title,
the language and the respondents, read from the project file with ``tomllib`` (no numpy).

The engine (numpy, the project loader, the synthesis) takes longer to import than Textual
takes to draw; the app shows this outline at once and the numbers when the engine is in. The
outline is not a validation: a file it cannot read is left to the project loader, whose error
the app shows.

>>> from pathlib import Path
>>> o = read_outline(Path("examples/retail-churn-demo.ahp.toml"))
>>> o.respondents, [e.path for e in o.entries][:3]
(['Store manager', 'Regional manager'], ['goal', 'service', 'service/attitude'])
>>> o.entries[1].labels, o.entries[1].inner
(('Service', '服务'), True)
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ahp.core.hierarchy import Node

#: The languages of :attr:`Entry.labels` and :attr:`Entry.about`, in order.
LANGUAGES = ("en", "zh")


@dataclass(frozen=True)
class Entry:
    """One node of the hierarchy as the tree shows it: its ``path`` (``goal`` for the root), its
    name and description in each of :data:`LANGUAGES`, and whether it has children."""

    path: str
    labels: tuple[str, str]
    about: tuple[str, str]
    inner: bool

    def label(self, language: str) -> str:
        """The name in ``language``."""
        return self.labels[LANGUAGES.index(language)]

    def explain(self, language: str) -> str:
        """The description in ``language``."""
        return self.about[LANGUAGES.index(language)]


@dataclass(frozen=True)
class Outline:
    """The project's title, ``[settings] language``, respondents' names and hierarchy, preorder."""

    title: str
    language: str
    respondents: list[str]
    entries: tuple[Entry, ...]


def entries_of(root: Node) -> tuple[Entry, ...]:
    """The entries of a loaded model's tree (names and descriptions as the nodes give them)."""
    from ahp.core.hierarchy import walk

    return tuple(Entry(path, (node.label("en"), node.label("zh")), (node.explain("en"), node.explain("zh")),
                       bool(node.children)) for path, node, _ in walk(root))


def read_outline(path: Path) -> Outline | None:
    """The outline of the project file at ``path``; ``None`` when it is missing or is not shaped
    as a project file (the loader then says what is wrong)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        model = data["model"]
        root = {**model, "id": "goal", "name": model["goal"], "name_zh": model.get("goal_zh"),
                "children": model["criteria"]}
        entries = tuple(_walk(root, ""))
        settings = data.get("settings", {})
        return Outline(str(data.get("project", {}).get("title") or path.name), str(settings.get("language", "en")),
                       [str(r["name"]) for r in data.get("respondents", [])], entries)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError, AttributeError):
        return None


def _walk(table: dict[str, Any], parent: str) -> Iterator[Entry]:
    """The entries of ``table`` and its children, preorder (``Node.label``'s and ``Node.explain``'s
    fallbacks: a missing Chinese name is the English one, a missing description the other language's)."""
    path = "goal" if not parent else table["id"] if parent == "goal" else f"{parent}/{table['id']}"
    name, about = str(table["name"]), (table.get("description") or "", table.get("description_zh") or "")
    children = table.get("children") or []
    yield Entry(path, (name, str(table.get("name_zh") or name)),
                (str(about[0] or about[1]), str(about[1] or about[0])), bool(children))
    for child in children:
        yield from _walk(child, path)
