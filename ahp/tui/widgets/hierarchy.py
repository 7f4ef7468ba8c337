"""The hierarchy as a tree: goal, criteria, factors; a consistency mark on every inner node.

Labels change only when a mark or the language changes (relabelling a Tree node is not free,
so leaves show no numbers here: the results screen has the global weights).
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from ahp.core.hierarchy import Synthesis
from ahp.tui.session import Session
from ahp.tui.widgets.consistency import STATUS_MARK, STATUS_STYLE


class HierarchyTree(Tree[str]):
    """Each tree node's ``data`` is its path; inner nodes carry a mark, leaves their global weight."""

    def __init__(self, session: Session, *, id: str | None = None) -> None:
        root = session.project.model.root
        # Labels are Text, never str: Tree would read a str as markup (a "[" in a name, and the
        # emoji table loaded at start-up); relabel() adds the marks and the language.
        super().__init__(Text(root.name), data="goal", id=id)
        self.session = session
        self.language = "en"
        self.guide_depth = 2
        self.show_root = True
        self.by_path: dict[str, TreeNode[str]] = {"goal": self.root}
        self._marks: dict[str, str] = {}
        parents = {"goal": self.root}
        for path, node, _ in session.tree()[1:]:
            parent = parents[path.rpartition("/")[0] or "goal"]
            if node.children:
                parents[path] = self.by_path[path] = parent.add(Text(node.name), data=path, expand=True)
            else:
                self.by_path[path] = parent.add_leaf(Text(node.name), data=path)
        self.root.expand()
        self.relabel()

    def relabel(self, language: str | None = None) -> None:
        """Bring labels up to date: names in the language, marks from the session's synthesis.

        Only labels that changed are set: after a keypress that is at most one node's mark.
        """
        if language is not None and language != self.language:
            self.language = language
            self._marks.clear()
        s: Synthesis = self.session.synthesis
        for path, tnode in self.by_path.items():
            status = s.nodes[path].status if path in s.nodes else ""
            if self._marks.get(path) == status:
                continue
            self._marks[path] = status
            node = self.session.project.model.root if path == "goal" else self._node(path)
            name = node.label(self.language)
            label = Text.assemble((STATUS_MARK[status] + " ", STATUS_STYLE[status]), name) if status else Text(name)
            if tnode.label.plain != label.plain or tnode.label.spans != label.spans:
                tnode.set_label(label)

    def _node(self, path: str):
        node = self.session.project.model.root
        for part in path.split("/"):
            node = next(c for c in node.children if c.id == part)
        return node
