"""The main screen: the hierarchy, the selected node's judgments, its weights and consistency."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, Tree

from ahp.tui.scale import step, with_intensity
from ahp.tui.texts import answer, t
from ahp.tui.widgets.consistency import ConsistencyPanel
from ahp.tui.widgets.hierarchy import HierarchyTree
from ahp.tui.widgets.pair_table import PairRow, PairTable
from ahp.tui.widgets.weights import WeightBars

if TYPE_CHECKING:
    from ahp.tui.app import AHPApp

#: Keys that change the judgment under the cursor; shared with the interview screen.
JUDGMENT_BINDINGS = [
    Binding("left", "move(-1)", "judge", priority=True, key_display="←→"),
    Binding("right", "move(1)", "→", priority=True, show=False),
    *[Binding(str(k), f"intensity({k})", str(k), show=False) for k in range(1, 10)],
    Binding("equals_sign", "equal", "equal", key_display="="),
    Binding("x", "clear", "clear"),
]


class MainScreen(Screen[None]):
    """Tree on the left; on the right the node's pairs, weights and consistency."""

    AUTO_FOCUS = "PairTable"
    BINDINGS = [*JUDGMENT_BINDINGS, Binding("a", "apply", "apply")]

    app: AHPApp

    def __init__(self) -> None:
        super().__init__()
        self.path = "goal"
        self.cursors: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield HierarchyTree(self.app.session, id="tree")
            with Vertical(id="right"):
                yield Static(id="node-title")
                yield PairTable(id="pairs")
                yield Static(id="detail")
                yield Static(id="weights-title", classes="caption")
                yield WeightBars(id="weights")
                yield ConsistencyPanel(id="consistency")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(HierarchyTree).move_cursor(self.query_one(HierarchyTree).root)
        self.query_one(PairTable).focus()
        self.refresh_view()

    def on_screen_resume(self) -> None:
        self.refresh_view()

    # -- state -----------------------------------------------------------------------------
    @property
    def session(self):
        return self.app.session

    def current_pair(self) -> tuple[str, str] | None:
        """The ids of the pair under the cursor."""
        pairs = self.session.pairs(self.path)
        return pairs[self.query_one(PairTable).cursor] if pairs else None

    def select(self, path: str, cursor: int = 0) -> None:
        """Show the node at ``path`` with the cursor on pair ``cursor``."""
        self.path = path
        self.cursors[path] = cursor
        self.query_one(PairTable).cursor = cursor
        self.refresh_view()

    def focus_pair(self, path: str, a: str, b: str) -> None:
        """Bring the pair ``a`` vs ``b`` of ``path`` on screen (after undo or redo)."""
        pairs = self.session.pairs(self.path if path == self.path else path)
        index = pairs.index((a, b)) if (a, b) in pairs else pairs.index((b, a))
        if path != self.path:
            tree = self.query_one(HierarchyTree)
            tree.move_cursor(tree.by_path[path])
        self.select(path, index)

    # -- drawing ---------------------------------------------------------------------------
    def refresh_view(self) -> None:
        """Redraw everything that depends on the judgments or the language."""
        s, lang = self.session, self.app.language
        node = s.node(self.path)
        names = {c.id: c.label(lang) for c in node.children}
        table = self.query_one(PairTable)
        pairs = s.pairs(self.path)
        table.show([PairRow(names[a], names[b], s.value(self.path, a, b)) for a, b in pairs], language=lang)
        self.cursors[self.path] = table.cursor
        position = f" · {table.cursor + 1}/{len(pairs)}" if pairs else ""
        title = Text.assemble(
            (node.label(lang), "bold"), f"{position} · {t('judgments of', lang)} {s.respondent_name}"
        )
        self.query_one("#node-title", Static).update(title)
        pair = self.current_pair()
        detail = answer(names[pair[0]], names[pair[1]], s.value(self.path, *pair), lang) if pair else ""
        self.query_one("#detail", Static).update(detail)
        a = s.synthesis.nodes[self.path]
        self.query_one("#weights-title", Static).update(t("weights", lang))
        self.query_one(WeightBars).show(list(names.values()), list(a.local_weights), provisional=a.result is None)
        self.query_one(ConsistencyPanel).show(
            a, list(names.values()), s.project.settings.threshold, lang
        )
        self.query_one(HierarchyTree).relabel(lang)

    # -- events ----------------------------------------------------------------------------
    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        path = event.node.data or "goal"
        if path in self.session.project.inner:
            self.select(path, self.cursors.get(path, 0))
        else:
            parent, _, leaf = path.rpartition("/")
            parent = parent or "goal"
            first = next(i for i, p in enumerate(self.session.pairs(parent)) if leaf in p)
            self.select(parent, first)

    def on_pair_table_cursor_moved(self, event: PairTable.CursorMoved) -> None:
        self.cursors[self.path] = event.index
        self.refresh_view()

    # -- judgment keys ---------------------------------------------------------------------
    def _set(self, value_from) -> None:
        pair = self.current_pair()
        if pair is None:
            return
        current = self.session.value(self.path, *pair)
        self.app.change_judgment(self.path, pair[0], pair[1], value_from(current))

    def action_move(self, direction: int) -> None:
        """Move the judgment one step toward the left (-1) or right (+1) element."""
        self._set(lambda v: step(v, direction))

    def action_intensity(self, k: int) -> None:
        """Set intensity ``k`` toward the side the judgment favours."""
        self._set(lambda v: with_intensity(v, k))

    def action_equal(self) -> None:
        """Both elements matter equally."""
        self._set(lambda v: 1.0)

    def action_clear(self) -> None:
        """Clear the judgment (missing: the engine completes it)."""
        self._set(lambda v: None)

    def action_apply(self) -> None:
        """Apply the suggested value of the worst judgment."""
        r = self.session.synthesis.nodes[self.path].result
        if r is None or not r.suggestions:
            self.app.bell()
            return
        sug = r.suggestions[0]
        ids = [c.id for c in self.session.node(self.path).children]
        a, b = ids[sug.row], ids[sug.col]
        self.app.change_judgment(self.path, a, b, sug.suggested)
        self.focus_pair(self.path, a, b)
