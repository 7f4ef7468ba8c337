"""The group screen: how the respondents agree, node by node, and who stands apart.

From the project's panel (every respondent analysed at once, cached until something
changes): how they were combined, the overall consensus; each respondent's progress (answered
questions of the full interview, settled or not, pass/fail per node, worst CR); each respondent's distance and
rank correlation to the group, where they are inconsistent and the churn factor they disagree
on most; per node Goepel's consensus S* with its band and every respondent's CR (flagged or
excluded as the settings say); then one respondent's local weights against the group's.
``p`` moves to the next respondent, ``a`` and ``f`` change how the group is combined.
When answers arrive in the file (a browser respondent, another writer), the app takes them in and
the screen redraws in place: the old numbers stay up, at the same scroll, until the new arrive.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from ahp.io.glossary import say
from ahp.tui.screens.keys import RESPONDENT_BINDINGS
from ahp.tui.screens.respondents import RESPONDENT_COMMANDS, RespondentActions
from ahp.tui.texts import combine_words, t
from ahp.tui.widgets.footer import KeysFooter
from ahp.tui.widgets.group_tables import (
    ROW_LIMIT,
    no_consensus_text,
    nodes_table,
    respondents_table,
    summary_text,
    weights_table,
)
from ahp.tui.widgets.progress import progress_table
from ahp.tui.widgets.rendered import rendered

#: How the group screen's ``a`` cycles the way respondents are combined.
AGGREGATION_CYCLE = (("aij", "geometric"), ("aip", "geometric"), ("aip", "arithmetic"))
#: How ``f`` cycles what the group does with inconsistent respondents.
POLICY_CYCLE = ("flag", "exclude", "include")


class GroupScreen(RespondentActions):
    """Read-only view of the panel; ``p`` next respondent, ``a``/``f`` group settings, esc returns.

    The panel is computed in a worker when it is not known yet (the screen says "computing…").
    """

    KEEP = True
    BINDINGS = [
        Binding("escape", "app.pop_screen", "back"),
        Binding("g", "app.pop_screen", "back", show=False),
        *RESPONDENT_BINDINGS,
        Binding("a", "aggregation", "aggregation"),
        Binding("f", "policy", "policy"),
    ]
    PALETTE = (
        ("aggregation", "Combine respondents by AIJ / AIP",
         "Geometric mean of judgments, or of priorities (geometric, arithmetic)"),
        ("policy", "Inconsistent respondents: flag / exclude / include",
         "What the group does with a respondent whose CR fails"),
        *RESPONDENT_COMMANDS,
    )

    def __init__(self) -> None:
        super().__init__()
        self._width = 0
        #: Whether the tables are on screen (then a recomputation keeps them up until it arrives).
        self._drawn = False

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="group"):
            yield Static(id="group-summary")
            yield Static(id="group-progress-title", classes="caption")
            yield Static(id="group-progress")
            yield Static(id="group-respondents-title", classes="caption")
            yield Static(id="group-respondents")
            yield Static(id="group-nodes-title", classes="caption")
            yield Static(id="group-nodes")
            yield Static(id="group-nodes-why")
            yield Static(id="group-weights-title", classes="caption")
            yield Static(id="group-weights")
            yield Static(id="group-help")
        yield KeysFooter()

    def on_resize(self) -> None:
        if self.size.width != self._width:
            self._width = self.size.width
            self.refresh_view()

    def on_screen_resume(self) -> None:
        """Opened again: numbers of before are not kept up while new ones are computed (the
        redraw that follows says "computing…" until they arrive)."""
        self._drawn = False

    # -- group settings ----------------------------------------------------------------------
    def action_aggregation(self) -> None:
        """Cycle how respondents are combined: AIJ, AIP geometric mean, AIP arithmetic mean."""
        s = self.session
        st = s.project.settings
        now = (st.aggregation, st.aip_mean if st.aggregation == "aip" else "geometric")
        k = AGGREGATION_CYCLE.index(now) if now in AGGREGATION_CYCLE else -1
        aggregation, mean = AGGREGATION_CYCLE[(k + 1) % len(AGGREGATION_CYCLE)]
        self.attempt(lambda: s.set_settings(aggregation=aggregation, aip_mean=mean),
                     lambda: t("settings changed", self.language,
                               what=combine_words(s.project.settings, self.language)))

    def action_policy(self) -> None:
        """Cycle what the group does with inconsistent respondents: flag, exclude, include."""
        s = self.session
        policy = POLICY_CYCLE[(POLICY_CYCLE.index(s.project.settings.inconsistent) + 1) % len(POLICY_CYCLE)]
        self.attempt(lambda: s.set_settings(inconsistent=policy),
                     lambda: t("settings changed", self.language, what=t(f"policy {policy}", self.language)))

    # -- drawing -------------------------------------------------------------------------------
    def refresh_view(self) -> None:
        """Redraw from the session's panel (computed in a worker if something changed)."""
        s, lang = self.session, self.language
        # the scroll container's padding (2) and vertical scrollbar (2)
        width = max(40, self.size.width - 4)
        parts = {k: self.query_one(f"#group-{k}", Static) for k in
                 ("summary", "progress-title", "progress", "respondents-title", "respondents", "nodes-title", "nodes",
                  "nodes-why", "weights-title", "weights", "help")}
        ready = [self.fill_in(name) for name in ("panel", "progress")] if s.project.respondents else [False]
        if not all(ready):
            if self._drawn and s.project.respondents:  # new numbers on the way: keep these up, and the scroll
                return
            self._drawn = False
            parts["summary"].update(Text(t("no respondents", lang), "bold") if not s.project.respondents
                                    else self.computing_text())
            for k, w in parts.items():
                if k != "summary":
                    w.display = False
            return
        panel = s.panel()
        assert panel is not None
        self._drawn = True
        for w in parts.values():
            w.display = True
        console = self.app.console
        parts["summary"].update(summary_text(s, panel, lang))
        parts["progress-title"].update(say("progress.title", lang))
        parts["progress"].update(rendered(progress_table(s.project, s.progress(), s.respondent, lang, width), console,
                                          width))
        title = t("vs group", lang)
        if len(s.project.respondents) > ROW_LIMIT:
            title += " " + t("furthest", lang, k=ROW_LIMIT, n=len(s.project.respondents))
        parts["respondents-title"].update(title)
        parts["respondents"].update(rendered(respondents_table(s, panel, lang, width), console, width))
        parts["nodes-title"].update(t("per node", lang))
        parts["nodes"].update(rendered(nodes_table(s, panel, lang, width), console, width))
        why = no_consensus_text(s, panel, lang)
        parts["nodes-why"].update(why)
        parts["nodes-why"].display = bool(why.plain)
        parts["nodes"].set_class(bool(why.plain), "-why-below")
        name = s.respondent_name or ""
        parts["weights-title"].update(Text(t("weights vs group", lang, name=name)))
        parts["weights"].update(rendered(weights_table(s, panel, lang, width), console, width))
        help_text = Text(t("distance help", lang), "dim")
        if len(s.project.respondents) < 2:
            help_text = Text(t("group needs two", lang), "yellow") + Text("\n") + help_text
        parts["help"].update(help_text)


__all__ = ["GroupScreen"]
