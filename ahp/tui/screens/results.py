"""The results screen: ranking of churn factors, criteria weights, breakdown, hierarchy CR."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from ahp.core.hierarchy import Synthesis
from ahp.io.glossary import say, setting
from ahp.io.wording import threshold_label
from ahp.tui.screens.base import ProjectScreen
from ahp.tui.texts import combine_words, t
from ahp.tui.widgets.footer import KeysFooter
from ahp.tui.widgets.marks import STATUS_MARK, STATUS_STYLE
from ahp.tui.widgets.pair_table import fit
from ahp.tui.widgets.rendered import rendered
from ahp.tui.widgets.weights import bar

if TYPE_CHECKING:
    from ahp.io.model import Model
    from ahp.tui.session import Session


def _table(*columns: tuple[str, str]) -> Table:
    table = Table(box=None, pad_edge=False, padding=(0, 1), show_header=True, header_style="bold", expand=False)
    for name, justify in columns:
        table.add_column(name, justify=justify, no_wrap=True)
    return table


def ranking_table(s: Session, lang: str, width: int, syn: Synthesis | None = None) -> Table:
    """Every churn factor, best first, with its criterion, global weight and a bar."""
    syn = s.results() if syn is None else syn
    name_w = max(12, min(40, width // 3))
    crit_w = max(11, min(16, width // 8))
    bar_w = max(6, width - name_w - crit_w - 16)
    top = max((leaf.global_weight for leaf in syn.ranking), default=1.0) or 1.0
    table = _table((t("rank", lang), "right"), (t("factor", lang), "left"), (t("criterion", lang), "left"),
                   (t("global", lang), "right"), ("", "left"))
    for leaf in syn.ranking:
        top_id = leaf.path.split("/")[0]
        crit = s.node("goal").children[[c.id for c in s.node("goal").children].index(top_id)]
        table.add_row(
            str(leaf.rank), fit(leaf.node.label(lang), name_w), fit(crit.label(lang), crit_w),
            f"{leaf.global_weight:.3f}", Text(bar(leaf.global_weight / top, bar_w), "cyan"),
        )
    return table


def criteria_table(syn: Synthesis, lang: str, width: int) -> Table:
    """The criteria (children of the goal) with their weights, bars and consistency."""
    goal = syn.nodes["goal"]
    bar_w = max(6, min(30, width - 40))
    table = _table((t("criterion", lang), "left"), (t("local", lang), "right"), ("", "left"), ("CR", "right"))
    for child, w in zip(goal.node.children, goal.local_weights, strict=True):
        path = child.id
        a = syn.nodes.get(path)
        mark = Text("") if a is None else Text(
            f"{a.result.cr:.3f} {STATUS_MARK[a.status]}" if a.result else STATUS_MARK[a.status], STATUS_STYLE[a.status]
        )
        table.add_row(child.label(lang), f"{w:.3f}", Text(bar(float(w), bar_w), "cyan"), mark)
    return table


def breakdown_table(syn: Synthesis, lang: str, width: int) -> Table:
    """Each criterion's factors with their local and global weights."""
    name_w = max(12, min(44, width - 30))
    table = _table((t("factor", lang), "left"), (t("local", lang), "right"), (t("global", lang), "right"))
    globals_ = {leaf.path: leaf.global_weight for leaf in syn.ranking}
    for path, a in syn.nodes.items():
        if path == "goal":
            continue
        head = Text.assemble((a.node.label(lang), "bold"), f"  {a.global_weight:.3f}  ",
                             (STATUS_MARK[a.status], STATUS_STYLE[a.status]))
        table.add_row(head, "", "")
        for child, w in zip(a.node.children, a.local_weights, strict=True):
            child_path = f"{path}/{child.id}"
            g = globals_.get(child_path)
            table.add_row(Text("  ") + fit(child.label(lang), name_w), f"{w:.3f}", "" if g is None else f"{g:.3f}")
    return table


def source_text(s: Session, lang: str) -> Text:
    """Whose judgments the results come from and, for a group, how they were combined."""
    n = len(s.project.respondents)
    head = Text(f"{t('results of', lang)} ", "bold")
    if s.shows_combined:
        return head + Text.assemble((t("all combined", lang, n=n), "bold"), say("colon", lang),
                                    combine_words(s.project.settings, lang))
    if s.respondent_name is None:
        return head + Text(t("no respondents", lang), "bold yellow")
    name = s.respondent_name
    where = Text(f" ({s.respondent + 1}/{n})") if n > 1 and s.respondent is not None else Text()
    return head + Text(name, "bold") + where


def summary_text(syn: Synthesis, lang: str) -> Text:
    """Hierarchy CR with its verdict, and the settings that produced the numbers."""
    status = "consistent" if syn.consistent else ("incomplete" if not syn.complete else "inconsistent")
    st = syn.settings
    test = syn.combined
    passed = "incomplete" if not syn.complete else ("consistent" if test.passed else "inconsistent")
    accepted = test.acceptance.replace("<=", "≤") if lang == "zh" else test.acceptance
    return Text.assemble(
        (f"{t('hierarchy cr', lang)} {syn.cr_total:.3f}  ", "bold"),
        (f"{STATUS_MARK[status]} {t(status, lang)}", STATUS_STYLE[status]),
        f"\n{t('combined cr', lang)} {' + '.join(f'{cr:.3f}' for cr in test.levels)} = ",
        (f"{test.cr:.3f} {STATUS_MARK[passed]} {t(passed, lang)} ({accepted})", STATUS_STYLE[passed]),
        f"\n{t('method', lang)} {setting('method', st['method'], lang)} · "
        f"{t('ri table', lang)} {setting('ri', st['random_index'], lang)} · "
        f"{t('threshold', lang)} {threshold_label(st['threshold'], lang) if lang == 'zh' else st['threshold']} · "
        f"λmax {setting('lambda_max', st.get('lambda_max', 'eigenvalue'), lang)} · "
        f"{t('completion', lang)} {setting('completion', st['completion'], lang)}",
    )


def model_note(model: Model, language: str) -> Text:
    """A line when the file's model is another edition of the built-in model of its id."""
    from ahp.io.model import builtin_difference

    note = builtin_difference(model, language)
    return Text(note, "yellow") if note else Text("")


class ResultsScreen(ProjectScreen):
    """Read-only view of the synthesis; ``p`` cycles whose results, ``o`` the report, esc returns.

    One respondent's results show at once; all respondents combined need the panel, which is
    computed in a worker the first time (the screen says "computing…" meanwhile).
    """

    KEEP = True
    BINDINGS = [
        Binding("escape", "app.pop_screen", "back"),
        Binding("r", "app.pop_screen", "back", show=False),
        Binding("p", "cycle_scope", "respondent"),
        Binding("o", "app.report", "report"),
    ]
    PALETTE = (
        ("cycle_scope", "Results: all respondents combined / each respondent",
         "Switch whose judgments the results and exports use"),
    )

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="results"):
            yield Static(id="results-source")
            yield Static(id="results-model-note", markup=False)
            yield Static(id="results-summary")
            yield Static(id="ranking-title", classes="caption")
            yield Static(id="ranking")
            yield Static(id="criteria-title", classes="caption")
            yield Static(id="criteria")
            yield Static(id="breakdown-title", classes="caption")
            yield Static(id="breakdown")
        yield KeysFooter()

    def __init__(self) -> None:
        super().__init__()
        self._first = 0
        self._width = 0

    def on_resize(self) -> None:
        if self.size.width != self._width:
            self._width = self.size.width
            self.refresh_view()

    def action_cycle_scope(self) -> None:
        """All respondents combined, then each respondent in turn, then combined again."""
        s = self.session
        n = len(s.project.respondents)
        if n < 2:
            self.app.bell()
            return
        if s.combined:
            s.combined = False  # the respondent on screen first, then the others in turn
            self._first = s.respondent or 0
        elif ((s.respondent or 0) + 1) % n == self._first:
            s.combined = True
        else:
            s.switch((s.respondent or 0) + 1)
        self.refresh_view()

    def refresh_view(self) -> None:
        """Redraw from the results in scope (or say they are being computed)."""
        s, lang = self.session, self.language
        width = max(40, self.size.width - 4)
        self.query_one("#results-source", Static).update(source_text(s, lang))
        self.query_one("#ranking-title", Static).update(t("ranking", lang))
        self.query_one("#criteria-title", Static).update(t("criteria weights", lang))
        self.query_one("#breakdown-title", Static).update(t("breakdown", lang))
        self.query_one("#results-model-note", Static).update(model_note(s.project.model, lang))
        if not (s.results_ready() or self.fill_in("panel")):
            for part in ("#results-summary", "#ranking", "#criteria", "#breakdown"):
                self.query_one(part, Static).update(self.computing_text())
            return
        syn = s.results()
        console = self.app.console
        self.query_one("#results-summary", Static).update(summary_text(syn, lang))
        self.query_one("#ranking", Static).update(rendered(ranking_table(s, lang, width, syn), console, width))
        self.query_one("#criteria", Static).update(rendered(criteria_table(syn, lang, width), console, width))
        self.query_one("#breakdown", Static).update(rendered(breakdown_table(syn, lang, width), console, width))
