"""The hierarchy as a tree: goal, criteria, factors; a consistency mark on every inner node.

Built from an :class:`~ahp.tui.outline.Outline`'s entries, so the first frame shows it before the
engine is loaded. Labels change only when a mark or the language changes (relabelling a Tree node
is not free, so leaves show no numbers here: the results screen has the global weights).
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from ahp.tui.outline import Entry
from ahp.tui.widgets.marks import STATUS_MARK, STATUS_STYLE


class HierarchyTree(Tree[str]):
    """Each tree node's ``data`` is its path; inner nodes carry their consistency mark."""

    def __init__(self, entries: tuple[Entry, ...], language: str = "en", *, id: str | None = None) -> None:
        # Labels are Text, never str: Tree would read a str as markup (a "[" in a name, and the
        # emoji table loaded at start-up); relabel() adds the marks and the language.
        super().__init__(Text(entries[0].label(language)), data="goal", id=id)
        self.entries = {e.path: e for e in entries}
        self.language = language
        self.guide_depth = 2
        self.show_root = True
        self.by_path: dict[str, TreeNode[str]] = {"goal": self.root}
        self._marks: dict[str, str] = {}
        parents = {"goal": self.root}
        for e in entries[1:]:
            parent = parents[e.path.rpartition("/")[0] or "goal"]
            if e.inner:
                parents[e.path] = self.by_path[e.path] = parent.add(self._unmarked(e), data=e.path, expand=True)
            else:
                self.by_path[e.path] = parent.add_leaf(Text(e.label(language)), data=e.path)
        self.root.set_label(self._unmarked(entries[0]))
        self.root.expand()

    def _unmarked(self, entry: Entry) -> Text:
        """An inner node's label before its mark is known: the mark's room left blank, so the
        names do not move when the marks come in."""
        return Text.assemble(" " * (len(STATUS_MARK["consistent"]) + 1), entry.label(self.language))

    def relabel(self, language: str, statuses: Mapping[str, str]) -> None:
        """Bring labels up to date: names in ``language``, each inner node's mark from ``statuses``
        (path -> consistent / inconsistent / incomplete).

        Only labels that changed are set: after a keypress that is at most one node's mark.
        """
        if language != self.language:
            self.language = language
            self._marks.clear()
        for path, tnode in self.by_path.items():
            status = statuses.get(path, "")
            if self._marks.get(path) == status:
                continue
            self._marks[path] = status
            name = self.entries[path].label(language)
            label = Text.assemble((STATUS_MARK[status] + " ", STATUS_STYLE[status]), name) if status else Text(name)
            if tnode.label.plain != label.plain or tnode.label.spans != label.spans:
                tnode.set_label(label)
