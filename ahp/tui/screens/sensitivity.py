"""The sensitivity screen: how sure is the ranking?

One-way: choose a weight (a criterion first, then sub-criteria and factors) with ← →; the plot
shows every churn factor's global weight as that weight goes from 0 to 1 (its siblings
rescaled in proportion), the current weight marked; below, the tipping points of that weight,
nearest first, and the smallest change of any weight that alters the top 1, 2, 3.

Monte Carlo: every judgment perturbed, the whole hierarchy recomputed ``DRAWS`` times, in a
worker thread with a progress bar (on opening and on ``m``); then how often each factor keeps
its rank, reaches the top 3, and its 90% rank interval. The seed is fixed, so the numbers are
the same every time for the same judgments.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, ProgressBar, Static

from ahp.errors import AHPError
from ahp.io.glossary import say, told
from ahp.tui.screens.base import ProjectScreen
from ahp.tui.texts import t
from ahp.tui.widgets.footer import KeysFooter
from ahp.tui.widgets.pair_table import fit
from ahp.tui.widgets.plot import DrawnPlot
from ahp.tui.widgets.rendered import rendered
from ahp.tui.widgets.weights import bar

if TYPE_CHECKING:
    from ahp.core.sensitivity import MonteCarlo, OneWay, TippingPoint
    from ahp.tui.session import Session

DRAWS = 10_000
SEED = 0
NOISES = ("lognormal", "step")
#: How many tipping points of the chosen weight are listed.
POINTS_SHOWN = 8
#: Plot colours of the top factors (by the current ranking); the rest are grey.
TOP_COLOURS = ((255, 175, 0), (0, 215, 255), (255, 95, 255))
TOP_STYLES = tuple("bold #{:02x}{:02x}{:02x}".format(*rgb) for rgb in TOP_COLOURS)


def node_label(s: Session, path: str, lang: str) -> str:
    """A node's name in ``lang``."""
    return s.leaf(path).label(lang)


def node_kind(s: Session, path: str, lang: str) -> str:
    """criterion / sub-criterion / factor within its parent."""
    if s.leaf(path).children:
        return t("node kind criterion" if "/" not in path else "node kind inner", lang)
    parent = path.rpartition("/")[0]
    return t("node kind leaf", lang, parent=node_label(s, parent, lang))


def overtakes(s: Session, swap: tuple[str, str], lang: str, width: int) -> Text:
    """``Price level overtakes Complaint handling``, each name cut to fit ``width`` together."""
    a, b = (node_label(s, x, lang) for x in swap)
    glue = t("overtakes", lang, a="", b="")
    name_w = max(6, (width - cell_len(glue)) // 2)
    if cell_len(a) + cell_len(b) + cell_len(glue) <= width:
        return Text(t("overtakes", lang, a=a, b=b))
    return Text(t("overtakes", lang, a=fit(a, name_w).plain, b=fit(b, name_w).plain))


def swap_text(s: Session, p: TippingPoint, lang: str, width: int) -> Text:
    """``0.289 (−0.037)  Price level overtakes Complaint handling``."""
    head = Text.assemble((f"{p.weight:.3f}", "bold"), f" ({p.change:+.3f})  ")
    return head + overtakes(s, p.swap, lang, max(10, width - head.cell_len))


def points_text(s: Session, one_way: OneWay, path: str, lang: str, width: int) -> tuple[Text, list[TippingPoint]]:
    """The tipping points of one weight, nearest first (at most :data:`POINTS_SHOWN`)."""
    points = [p for p in one_way.tipping_points if p.node == path]
    if not points:
        return Text(t("no tipping", lang), "dim"), []
    shown = points[:POINTS_SHOWN]
    out = Text("\n").join(swap_text(s, p, lang, width) for p in shown)
    if len(points) > len(shown):
        out.append("\n" + t("more points", lang, n=len(points) - len(shown)), "dim")
    return out, shown


def critical_text(s: Session, one_way: OneWay, lang: str, width: int) -> Text:
    """For k = 1, 2, 3: the weight whose smallest change alters the top k, and how."""
    lines = []
    for k, p in one_way.critical.items():
        head = Text(t("top k", lang, k=k) + say("colon", lang), "bold")
        if p is None:
            lines.append(head + Text(t("no change alters", lang), "dim"))
            continue
        name = node_label(s, p.node, lang)
        where = Text.assemble(fit(name, max(8, width - head.cell_len - 26)), f" {p.current:.3f} → ",
                              (f"{p.weight:.3f}", "bold"),
                              (f" ({p.change:+.3f})", "red" if abs(p.change) < 0.05 else "yellow"))
        lines.append(head + where)
        lines.append(Text("   ") + overtakes(s, p.swap, lang, width - 3))
    return Text("\n").join(lines)


def mc_table(s: Session, mc: MonteCarlo, lang: str,
             width: int) -> tuple[Table, list[tuple[str, int, float, float, float, str]]]:
    """Per factor (by current rank): P(#1), P(same rank) with a bar, P(top 3), 90% rank interval.

    Returns the table and its rows as numbers (for tests): (path, baseline rank, P(#1), P(same), P(top 3), interval).
    """
    probs = mc.rank_probabilities
    order = np.argsort(mc.baseline_rank, kind="stable")
    name_w = max(12, min(36, width - 56))
    bar_w = max(4, min(16, width - name_w - 44))
    table = Table(box=None, pad_edge=False, padding=(0, 1), show_header=True, header_style="bold", expand=False)
    for name, justify in ((t("base rank", lang), "right"), (t("factor", lang), "left"), (t("p first", lang), "right"),
                          (t("p same", lang), "right"), ("", "left"), (t("p top3", lang), "right"),
                          (t("interval", lang), "right")):
        table.add_column(name, justify=justify, no_wrap=True)
    rows = []
    top = min(3, probs.shape[1])
    for leaf in order:
        rank = int(mc.baseline_rank[leaf])
        first, same, top3 = float(probs[leaf, 0]), float(probs[leaf, rank - 1]), float(probs[leaf, :top].sum())
        lo, hi = (int(x) for x in mc.rank_interval[leaf])
        interval = f"{lo}" if lo == hi else f"{lo}–{hi}"
        rows.append((mc.leaves[leaf], rank, first, same, top3, interval))
        style = "cyan"
        table.add_row(str(rank), fit(node_label(s, mc.leaves[leaf], lang), name_w), f"{first:.3f}", f"{same:.3f}",
                      Text(bar(same, bar_w).ljust(bar_w), style), f"{top3:.3f}", interval)
    return table, rows


def stable_text(mc: MonteCarlo, lang: str) -> Text:
    """``P(top-k set unchanged): top 1 0.981 · top 2 0.902 · top 3 0.770``."""
    out = Text(t("top stable", lang) + ("" if lang == "zh" else " "), "bold")
    out += Text(" · ").join(Text(f"{t('top k', lang, k=k)} {p:.3f}") for k, p in mc.top_stable.items())
    return out


class SensitivityScreen(ProjectScreen):
    """One-way sensitivity with a plot, tipping points, and a Monte Carlo rank-stability table.

    The one-way numbers come from a worker when they are not known yet ("computing…"); Monte
    Carlo starts once they are, in a worker of its own, with a progress bar.
    """

    KEEP = True
    BINDINGS = [
        Binding("escape", "app.pop_screen", "back"),
        Binding("s", "app.pop_screen", "back", show=False),
        Binding("left", "node(-1)", "choose", priority=True, key_display="←→"),
        Binding("right", "node(1)", "→", priority=True, show=False),
        Binding("m", "monte_carlo", "monte carlo"),
        Binding("o", "noise", "noise"),
    ]

    PALETTE = (
        ("monte_carlo", "Run Monte Carlo again", "Perturb every judgment 10,000 times (seed 0)"),
        ("noise", "Monte Carlo noise: log-normal / ±1 step", "Switch the perturbation and run again"),
    )

    def __init__(self, path: str | None = None, *, draws: int = DRAWS, seed: int = SEED) -> None:
        super().__init__()
        self.path = path
        self.draws = draws
        self.seed = seed
        self.noise = "lognormal"
        self.mc: MonteCarlo | None = None
        self.mc_rows: list[tuple[str, int, float, float, float, str]] = []
        self.shown_points: list[TippingPoint] = []
        self._run = 0
        self._mc_key: tuple | None = None
        self._mc_wanted = True  # on opening, and when the numbers it was run on changed
        self._plotted: tuple | None = None
        self._width = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="sens"):
            yield Static(id="sens-node")
            yield DrawnPlot(id="sens-plot")
            yield Static(id="sens-legend")
            yield Static(id="sens-points-title", classes="caption")
            yield Static(id="sens-points")
            yield Static(id="sens-critical-title", classes="caption")
            yield Static(id="sens-critical")
            yield Static(id="sens-mc-title", classes="caption")
            yield ProgressBar(id="sens-progress", show_eta=False)
            yield Static(id="sens-mc")
            yield Static(id="sens-stable")
            yield Static(id="sens-help")
        yield KeysFooter()

    def on_resize(self) -> None:
        if self.size.width != self._width:
            self._width = self.size.width
            self.refresh_view()

    def _key(self) -> tuple:
        s = self.session
        return (s.version, s.results_respondent(), s.shows_combined, self.noise)

    # -- one-way ---------------------------------------------------------------------------
    def _one_way(self) -> OneWay | None:
        """The one-way numbers; ``None`` while they are computed or when a node lacks judgments (said on screen)."""
        if not self.fill_in("one_way"):
            self.query_one("#sens-node", Static).update(self.computing_text())
            return None
        try:
            return self.session.sensitivity()
        except AHPError as exc:
            self.query_one("#sens-node", Static).update(Text(told(exc, self.app.language), "bold yellow"))
            return None

    def action_node(self, step: int) -> None:
        """Vary the next (``step`` 1) or previous (-1) weight."""
        if self._one_way() is None:
            self.app.bell()
            return
        nodes = self.session.varied_nodes()
        k = nodes.index(self.path) if self.path in nodes else 0
        self.path = nodes[(k + step) % len(nodes)]
        self.refresh_view()

    def refresh_view(self) -> None:
        """Redraw the one-way part (and the Monte Carlo table in the current language); start
        Monte Carlo once the one-way numbers are known, if it is due."""
        s, lang = self.session, self.language
        width = max(40, self.size.width - 4)
        height = self.size.height or 24
        plot = self.query_one(DrawnPlot)
        plot.styles.height = max(8, min(20, height // 2 - 2))
        self.query_one("#sens-help", Static).update(Text(t("sens keys", lang), "dim"))
        self.query_one("#sens-critical-title", Static).update(t("critical", lang))
        if self._mc_key is not None and self._mc_key != self._key():
            self._mc_wanted = True
            self.mc = None  # drawn from other numbers: not shown beside these
        one_way = self._one_way()
        if self._mc_wanted and s.ready("one_way"):
            self.action_monte_carlo()
        self._show_mc()
        if one_way is None:
            for part in ("#sens-plot", "#sens-legend", "#sens-points-title", "#sens-points", "#sens-critical-title",
                         "#sens-critical"):
                self.query_one(part).display = False
            return
        for part in ("#sens-plot", "#sens-legend", "#sens-points-title", "#sens-points", "#sens-critical-title",
                     "#sens-critical"):
            self.query_one(part).display = True
        nodes = s.varied_nodes()
        if self.path not in nodes:
            self.path = nodes[0]
        v = one_way.nodes.index(self.path)
        current = float(one_way.current[v])
        chip = Text.assemble(
            (f" {t('vary', lang)} ", "reverse"), " ‹ ", (node_label(s, self.path, lang), "bold"), " › ",
            f"{nodes.index(self.path) + 1}/{len(nodes)} · {node_kind(s, self.path, lang)} · ",
            (t("node now", lang, w=current), "bold"),
        )
        self.query_one("#sens-node", Static).update(chip)
        self._plot(one_way, v, current)
        ranking = s.results().ranking
        legend = Text()
        for k, leaf in enumerate(ranking[: len(TOP_COLOURS)]):
            legend.append("━━ ", TOP_STYLES[k])
            legend.append(fit(leaf.node.label(lang), max(10, (width - 30) // 3)))
            legend.append("  ")
        legend.append("━━ ", "grey50")
        legend.append(t("others grey", lang), "dim")
        legend.append("\n" + t("plot help", lang), "dim")
        self.query_one("#sens-legend", Static).update(legend)
        title = t("tipping points", lang, node=node_label(s, self.path, lang))
        self.query_one("#sens-points-title", Static).update(title)
        text, self.shown_points = points_text(s, one_way, self.path, lang, width)
        self.query_one("#sens-points", Static).update(text)
        self.query_one("#sens-critical", Static).update(critical_text(s, one_way, lang, width))

    def _plot(self, one_way: OneWay, v: int, current: float) -> None:
        """Draw the curves of weight ``v`` (not again for the same numbers and size: no word in it
        depends on the language)."""
        s = self.session
        widget = self.query_one(DrawnPlot)
        key = (id(one_way), v, tuple(leaf.path for leaf in s.results().ranking[: len(TOP_COLOURS)]),
               widget.styles.height, self.size)
        if key == self._plotted:
            return
        self._plotted = key
        plt = widget.plt
        plt.clear_figure()
        x = np.linspace(0.0, 1.0, 41)
        curves = one_way.curves(x)[v]  # (len(x), leaves)
        top = {leaf.path: k for k, leaf in enumerate(s.results().ranking[: len(TOP_COLOURS)])}
        # the others first, then the top factors, the first last (on top)
        order = sorted(range(len(one_way.leaves)), key=lambda k: -top.get(one_way.leaves[k], len(top)))
        for leaf in order:
            path = one_way.leaves[leaf]
            colour = TOP_COLOURS[top[path]] if path in top else (110, 110, 110)
            plt.plot(x.tolist(), curves[:, leaf].tolist(), color=colour, marker="braille")
        high = float(np.max(curves)) if curves.size else 1.0
        plt.vline(current, (255, 0, 95))
        plt.xlim(0, 1)
        plt.ylim(0, max(0.05, high * 1.05))
        plt.xticks([0, 0.25, 0.5, 0.75, 1.0], ["0", ".25", ".5", ".75", "1"])
        plt.frame(True)
        widget.redraw()

    # -- Monte Carlo -----------------------------------------------------------------------
    def action_noise(self) -> None:
        """Switch the perturbation between log-normal noise and ±1 step on the scale, and rerun."""
        self.noise = NOISES[(NOISES.index(self.noise) + 1) % len(NOISES)]
        self.action_monte_carlo()

    def action_monte_carlo(self) -> None:
        """Run Monte Carlo in a worker thread (the previous run, if any, is abandoned)."""
        s = self.session
        self._mc_wanted = False
        if not s.ready("one_way"):  # it runs once the one-way numbers are known
            self._mc_wanted = True
            return
        try:
            s.sensitivity()  # the same check: every node needs judgments
        except AHPError as exc:
            self.notify(told(exc, self.app.language), severity="warning", markup=False)
            return
        self._run += 1
        run, key = self._run, self._key()
        job = s.monte_carlo_job(self.draws, self.seed, self.noise)
        self.mc = None
        bar_widget = self.query_one("#sens-progress", ProgressBar)
        bar_widget.display = True
        bar_widget.update(total=self.draws, progress=0)
        self._show_mc()

        def progress(done: int, total: int) -> None:
            self.app.call_from_thread(bar_widget.update, total=total, progress=done)

        def work() -> None:
            try:
                result = job(progress)
            except (AHPError, ValueError) as exc:
                self.app.call_from_thread(self.app.notify, told(exc, self.app.language), severity="error", markup=False)
                return
            self.app.call_from_thread(self._finished, run, key, result)

        self.run_worker(work, thread=True, group="monte-carlo", exclusive=True, exit_on_error=False)

    def _finished(self, run: int, key: tuple, result: MonteCarlo) -> None:
        if run != self._run:  # a newer run was started
            return
        self.mc, self._mc_key = result, key
        self.query_one("#sens-progress", ProgressBar).display = False
        self._show_mc()

    def _show_mc(self) -> None:
        s, lang = self.session, self.language
        width = max(40, self.size.width - 4)
        title = t("monte carlo", lang, draws=self.draws, noise=t(self.noise, lang), spread=0.2, seed=self.seed)
        self.query_one("#sens-mc-title", Static).update(title)
        table = self.query_one("#sens-mc", Static)
        stable = self.query_one("#sens-stable", Static)
        if self.mc is None:
            running = self._run > 0 and self.query_one("#sens-progress", ProgressBar).display
            if running or not self._mc_wanted:
                table.update(Text(t("mc running" if running else "mc not run", lang), "dim"))
            else:  # it starts once the one-way numbers are in
                table.update(self.computing_text())
            stable.update("")
            self.mc_rows = []
            return
        shown, self.mc_rows = mc_table(s, self.mc, lang, width)
        table.update(rendered(shown, self.app.console, width))
        stable.update(stable_text(self.mc, lang))


__all__ = ["DRAWS", "SEED", "SensitivityScreen", "critical_text", "mc_table", "points_text"]
