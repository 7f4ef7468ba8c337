"""The main screen: the hierarchy, the selected node's judgments, its weights and consistency.

Whose judgments are on screen is the first thing on the title line; ``p`` switches respondent.
Every keypress redraws only what changed (one pair row, the weights, the consistency lines,
at most one tree mark), so the weights follow the keys without a frame's delay.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, Tree

from ahp.tui.outline import entries_of
from ahp.tui.screens.judging import JudgmentActions
from ahp.tui.screens.keys import MAIN_BINDINGS, NEEDS_RESPONDENT
from ahp.tui.screens.respondents import RESPONDENT_COMMANDS, RespondentActions
from ahp.tui.screens.start import respondent_chip
from ahp.tui.session import NodeCR
from ahp.tui.session.analysis import POLICY_WORD
from ahp.tui.texts import answer, t
from ahp.tui.widgets.consistency import STATUS_MARK, STATUS_STYLE, ConsistencyPanel
from ahp.tui.widgets.footer import KeysFooter
from ahp.tui.widgets.hierarchy import HierarchyTree
from ahp.tui.widgets.pair_table import PairRow, PairTable
from ahp.tui.widgets.text_block import TextBlock
from ahp.tui.widgets.weights import WeightBars


def crs_text(crs: list[NodeCR], counts: dict[str, int], language: str, policy: str = "flagged") -> Text:
    """Respondents' CRs at one node: each listed, or the one on screen and counts of the others."""
    def entry(c: NodeCR) -> Text:
        cr = "—" if c.cr is None else f"{c.cr:.3f}"
        out = Text.assemble((c.name, "bold underline" if c.current else ""), f" {cr}",
                            (STATUS_MARK[c.status], STATUS_STYLE[c.status]))
        if c.policy:
            out.append(f" {t(c.policy, language)}", "italic red")
        return out

    parts = [entry(c) for c in crs]
    if counts:
        summary = Text(f"{sum(counts.values())} {t('others', language)}:")
        for status, k in counts.items():
            if k:
                summary.append(f" {k}{STATUS_MARK[status]}", STATUS_STYLE[status])
                if status == "inconsistent":
                    summary.append(f" {t(policy, language)}", "italic red")
        parts.append(summary)
    head = t("cr here", language)
    return Text(head if head.endswith("：") else head + " ", "bold") + Text(" · ").join(parts)


class MainScreen(JudgmentActions, RespondentActions):
    """Tree on the left; on the right the node's pairs, weights and consistency."""

    AUTO_FOCUS = "PairTable"
    BINDINGS = MAIN_BINDINGS
    PALETTE = (
        ("apply", "Apply suggestion", "Set the worst judgment of the node to its suggested value"),
        ("equal", "Set equal", "The pair under the cursor matters equally"),
        ("clear", "Clear judgment", "Leave the pair under the cursor missing"),
        *RESPONDENT_COMMANDS,
    )

    def __init__(self) -> None:
        super().__init__()
        self.path = "goal"
        self.described = "goal"  # the node highlighted in the tree, whose description shows
        self.cursors: dict[str, int] = {}
        self._empty: bool | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield HierarchyTree(entries_of(self.session.project.model.root), self.language, id="tree")
            with Vertical(id="right"):
                yield TextBlock(id="node-title")
                yield TextBlock(id="node-description")
                yield PairTable(id="pairs")
                yield TextBlock(id="detail")
                yield TextBlock(id="weights-title", classes="caption")
                yield WeightBars(id="weights")
                yield ConsistencyPanel(id="consistency")
                yield TextBlock(id="respondent-crs")
        yield KeysFooter()

    def on_mount(self) -> None:
        self._tree = self.query_one(HierarchyTree)
        self._table = self.query_one(PairTable)
        self._title = self.query_one("#node-title", TextBlock)
        self._about = self.query_one("#node-description", TextBlock)
        self._detail = self.query_one("#detail", TextBlock)
        self._weights_title = self.query_one("#weights-title", TextBlock)
        self._weights = self.query_one(WeightBars)
        self._consistency = self.query_one(ConsistencyPanel)
        self._crs = self.query_one("#respondent-crs", TextBlock)
        self._tree.move_cursor(self._tree.root)
        self._table.focus()
        self.refresh_view()

    # -- state -----------------------------------------------------------------------------
    def current_pair(self) -> tuple[str, str] | None:
        """The ids of the pair under the cursor (``None`` when there is no respondent)."""
        pairs = self.session.pairs(self.path)
        if not pairs or self.session.respondent is None:
            return None
        return pairs[self._table.cursor]

    def judged_pair(self) -> tuple[str, str, str] | None:
        """The node on screen and the pair under the cursor."""
        pair = self.current_pair()
        return None if pair is None else (self.path, *pair)

    def select(self, path: str, cursor: int = 0) -> None:
        """Show the node at ``path`` with the cursor on pair ``cursor``."""
        self.path = path
        self.cursors[path] = cursor
        self.refresh_view()

    def show_change(self, path: str, a: str, b: str) -> None:
        """Bring the pair ``a`` vs ``b`` of ``path`` on screen (after undo or redo)."""
        pairs = self.session.pairs(path)
        index = pairs.index((a, b)) if (a, b) in pairs else pairs.index((b, a))
        if path != self.path:
            self._tree.move_cursor(self._tree.by_path[path])
        self.select(path, index)

    # -- drawing ---------------------------------------------------------------------------
    def refresh_view(self) -> None:
        """Bring everything that depends on the judgments, the respondent or the language up to date.

        Each widget is given its new content and repaints only if that differs.
        """
        s, lang = self.session, self.language
        empty = s.respondent is None
        if empty != self._empty:
            self._empty = empty
            self.set_class(empty, "-empty")
            self.refresh_bindings()
        node = s.node(self.path)
        names = {c.id: c.label(lang) for c in node.children}
        pairs = s.pairs(self.path)
        table = self._table
        rows = [] if empty else [PairRow(names[a], names[b], s.value(self.path, a, b)) for a, b in pairs]
        table.show(rows, cursor=self.cursors.get(self.path, 0), language=lang)
        self.cursors[self.path] = table.cursor
        position = f" · {table.cursor + 1}/{len(pairs)}" if pairs and not empty else ""
        count = len(s.project.respondents)
        self._title.set(Text.assemble(
            respondent_chip(s.respondent_name, s.respondent, count, lang), " ", (node.label(lang), "bold"), position,
        ))
        self._tree.relabel(lang, {path: a.status for path, a in s.synthesis.nodes.items()})
        layout = s.project.model.root.layout
        described = layout.nodes[layout.index.get(self.described, 0)]
        self._about.set(Text(described.explain(lang), "dim"))
        if empty:
            self._detail.set(t("no respondents", lang))
            return
        pair = self.current_pair()
        self._detail.set(answer(names[pair[0]], names[pair[1]], s.value(self.path, *pair), lang) if pair else "")
        a = s.synthesis.nodes[self.path]
        labels = list(names.values())
        self._weights_title.set(t("weights", lang))
        self._weights.show(labels, list(a.local_weights), provisional=a.result is None)
        self._consistency.show(a, labels, s.project.settings.threshold, lang)
        if count > 1:
            policy = POLICY_WORD[s.project.settings.inconsistent]
            self._crs.set(crs_text(*s.node_crs(self.path), lang, policy))
        if self._crs.display != (count > 1):
            self._crs.display = count > 1

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (self._empty and action in NEEDS_RESPONDENT)

    def footer_also(self) -> set[str]:
        """Keys the footer shows although their bindings are hidden: ``n`` when nobody is on screen."""
        return {"add_respondent"} if self._empty else set()

    # -- events ----------------------------------------------------------------------------
    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        path = self.described = event.node.data or "goal"
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
    def action_apply(self) -> None:
        """Apply the suggested value of the worst judgment."""
        if self.session.respondent is None:
            self.no_respondent()
            return
        r = self.session.synthesis.nodes[self.path].result
        if r is None or not r.suggestions:
            self.app.bell()
            return
        sug = r.suggestions[0]
        ids = [c.id for c in self.session.node(self.path).children]
        a, b = ids[sug.row], ids[sug.col]
        self.change_judgment(self.path, a, b, sug.suggested)
        self.show_change(self.path, a, b)
