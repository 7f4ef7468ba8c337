"""The group screen's tables: the summary, each respondent against the group, consensus and
consistency per node (and why a node has none), one respondent's local weights against the group's.

Each is built from the session's panel in the screen's language, exactly ``width`` cells wide.
"""

from __future__ import annotations

import math

import numpy as np
from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from ahp.core.panel import Panel
from ahp.io.glossary import say, separator
from ahp.io.terminal import NO_CONSENSUS
from ahp.tui.session import Session, disagreement
from ahp.tui.texts import combine_words, t
from ahp.tui.widgets.marks import STATUS_MARK, STATUS_STYLE
from ahp.tui.widgets.pair_table import fit

#: With more respondents than this, the table shows the one on screen and those furthest from the group.
ROW_LIMIT = 30

BAND_STYLE = {"very high": "bold green", "high": "green", "moderate": "yellow", "low": "red", "very low": "bold red"}


def _table(*columns: tuple[str, str, int | None], width: int) -> Table:
    """A borderless table exactly ``width`` wide: columns with a width keep it, the others share the rest."""
    table = Table(box=None, pad_edge=False, padding=(0, 1), show_header=True, header_style="bold",
                  expand=True, width=width)
    for name, justify, w in columns:
        if w is None:
            table.add_column(name, justify=justify, no_wrap=True, overflow="ellipsis", ratio=1)
        else:
            table.add_column(name, justify=justify, no_wrap=True, overflow="ellipsis", width=w)
    return table


def _label(s: Session, path: str, lang: str) -> str:
    return s.project.model.root.label(lang) if path == "goal" else s.node(path).label(lang)


def _leaf_label(s: Session, path: str, lang: str) -> str:
    parent, _, leaf = path.rpartition("/")
    node = s.node(parent or "goal")
    return next(c.label(lang) for c in node.children if c.id == leaf)


def node_status(panel: Panel, path: str, r: int) -> tuple[str, str | None]:
    """A respondent's status at a node and what the panel did about it (flagged, excluded, included)."""
    pn = panel.nodes[path]
    ind = pn.individuals
    if not ind.determined[r]:
        return "incomplete", None
    if ind.consistent[r]:
        return "consistent", None
    if pn.flagged[r]:
        return "inconsistent", "flagged"
    return "inconsistent", "included" if pn.included[r] else "excluded"


def cr_cell(panel: Panel, path: str, r: int, lang: str, width: int = 0) -> Text:
    """``0.034 ✓`` / ``0.140 ✗ flagged`` / ``— ?``: one respondent's CR at a node."""
    status, policy = node_status(panel, path, r)
    cr = panel.nodes[path].individuals.cr[r]
    out = Text.assemble("—" if math.isnan(cr) else f"{cr:.3f}", " ", (STATUS_MARK[status], STATUS_STYLE[status]))
    if policy:
        out.append(f" {t(policy, lang)}", "italic red" if policy != "included" else "italic")
    if width:
        out.truncate(width, overflow="ellipsis")
    return out


def summary_text(s: Session, panel: Panel, lang: str) -> Text:
    """How many respondents count, who was left out and why, how they were combined, the nodes
    combined otherwise, and the overall consensus."""
    out = Text.assemble((f"{t('group', lang)} · {t('n respondents', lang, n=panel.respondents_counted)}", "bold"))
    if panel.left_out:
        out.append(f" · {t('left out', lang, who=left_out_names(s, panel, lang))}", "yellow")
    out.append(f" · {combine_words(s.project.settings, lang)}")
    for path, pn in panel.nodes.items():
        if pn.aggregation_note:
            out.append("\n" + t("combined otherwise", lang, node=_label(s, path, lang)), "yellow")
    out.append("\n")
    if panel.consensus is None:
        out.append(t("no overall consensus", lang), "yellow")
        return out
    out.append(f"{t('overall consensus', lang)} {panel.consensus:.3f} ", "bold")
    out.append(t(panel.band, lang), BAND_STYLE[panel.band])
    if panel.consensus_left_out:
        nodes = separator(lang).join(_label(s, path, lang) for path in panel.consensus_left_out)
        out.append(t("consensus leaves out", lang, nodes=nodes), "yellow")
    return out


def left_out_names(s: Session, panel: Panel, lang: str) -> str:
    """``Ann (no judgments), Bo (no judgments)``: who the panel leaves out, and why."""
    return ", ".join(f"{s.project.respondents[r].name} ({_why(why, lang)})" for r, why in panel.left_out)


def _why(reason: str, lang: str) -> str:
    return t(f"why {reason}", lang) if reason == "no judgments" else reason


def respondents_table(s: Session, panel: Panel, lang: str, width: int) -> Table:
    """Each respondent against the group: distance, correlation, where inconsistent, biggest gap."""
    longest = max((cell_len(r.name) for r in s.project.respondents), default=10)
    name_w = max(10, min(24, width // 4, longest))
    dist_w = max(5, cell_len(t("distance", lang)))  # the heading whole: 差异度 is six cells
    # marker, name, weight, distance, rho, and two cells between each of the seven columns
    rest = max(18, width - 1 - name_w - 6 - dist_w - 5 - 2 * 6)
    at_w = max(11, rest // 3)
    gap_w = max(10, rest - at_w)
    table = _table(("", "left", 1), (t("respondent", lang), "left", name_w), (t("weight", lang), "right", 6),
                   (t("distance", lang), "right", dist_w), (t("correlation", lang), "right", 5),
                   (t("flagged at", lang), "left", at_w), (t("disagrees on", lang), "left", None), width=width)
    shown = [int(r) for r in np.argsort(~panel.counted, kind="stable")]  # the left out apart, at the end
    if len(shown) > ROW_LIMIT:  # a survey: the one on screen and those furthest from the group
        far = [int(r) for r in np.argsort(-np.nan_to_num(panel.distance, nan=-1.0)) if r != s.respondent]
        shown = sorted(([s.respondent] if s.respondent is not None else []) + far[: ROW_LIMIT - 1])
    for r in shown:
        resp = s.project.respondents[r]
        here = r == s.respondent
        name = fit(resp.name, name_w)
        if here:
            name.stylize("bold")
        at = _failing_at(s, panel, r, lang, at_w)
        table.add_row(Text("▶" if here else " ", "bold"), name, f"{resp.weight:g}", *_against_group(panel, r),
                      at, _biggest_gap(s, panel, r, lang, gap_w))
    return table


def _failing_at(s: Session, panel: Panel, r: int, lang: str, width: int) -> Text:
    """The first node where respondent ``r`` is inconsistent and how many more (``—``: none)."""
    failing = [p for p in panel.nodes if node_status(panel, p, r)[0] == "inconsistent"]
    if not failing:
        return Text("—", "dim")
    more = f" +{len(failing) - 1}" if len(failing) > 1 else ""
    at = fit(_label(s, failing[0], lang), width - len(more)) + Text(more)
    at.stylize("red")
    return at


def _against_group(panel: Panel, r: int) -> tuple[Text, Text]:
    """Respondent ``r``'s distance and rank correlation to the group (``—`` when they judged
    nothing, or are left out)."""
    if not panel.counted[r] or not any(pn.individuals.determined[r] for pn in panel.nodes.values()):
        return Text("—", "dim"), Text("—", "dim")
    rho = panel.correlation[r]
    return Text(f"{panel.distance[r]:.3f}"), Text("—" if math.isnan(rho) else f"{rho:+.2f}")


def _biggest_gap(s: Session, panel: Panel, r: int, lang: str, gap_w: int) -> Text:
    """The churn factor where respondent ``r`` is furthest from the group, with both weights (for
    a respondent left out: why)."""
    why = dict(panel.left_out).get(r)
    if why is not None:
        return Text(t("left out", lang, who=_why(why, lang)), "yellow")
    if not any(pn.individuals.determined[r] for pn in panel.nodes.values()):
        return Text(t("not judged", lang), "dim")
    worst = disagreement(panel, r)
    if worst is None:
        return Text("—", "dim")
    leaf, mine, group = worst
    return Text.assemble(fit(_leaf_label(s, leaf, lang), max(4, gap_w - 10)), f" {mine:.2f}/{group:.2f}")


def nodes_table(s: Session, panel: Panel, lang: str, width: int) -> Table:
    """Per node: consensus S* and its band, and every respondent's CR (as many columns as fit)."""
    names = s.names
    node_w = max(12, min(28, width // 4))
    fixed = node_w + 2 + 5 + 2 + 9 + 2
    col_w = 15
    fits = max(0, (width - fixed) // (col_w + 2))
    shown = list(range(len(names))) if len(names) <= fits else []
    if shown:  # widen the respondents' columns into the room left, up to a long name
        col_w = max(col_w, min(24, (width - fixed) // len(shown) - 2))
    columns: list[tuple[str, str, int | None]] = [(t("node", lang), "left", node_w), ("S*", "right", 5),
                                                  (t("band", lang), "left", 9)]
    columns += [(names[r], "left", col_w) for r in shown]
    columns.append(("" if shown else "CR ✓ ✗ ?", "left", None))
    table = _table(*columns, width=width)
    depth = {path: depth for path, _, depth in s.tree()}
    for path, pn in panel.nodes.items():
        label = fit("  " * depth[path] + _label(s, path, lang), node_w)
        if pn.consensus is None:
            row = [label, Text("—", "dim"), Text("")]
        else:
            row = [label, f"{pn.consensus:.3f}", Text(t(pn.band, lang), BAND_STYLE[pn.band])]
        if shown:
            row += [cr_cell(panel, path, r, lang, col_w) for r in shown]
            row.append("")
        else:
            row.append(_status_counts(panel, path, names, max(10, width - fixed)))
        table.add_row(*row)
    return table


def no_consensus_text(s: Session, panel: Panel, lang: str) -> Text:
    """Why nodes have no consensus S*: one line per reason naming its nodes, worded as ``ahp group``
    words it (empty when every node has one)."""
    nodes: dict[str, list[str]] = {}
    for path, pn in panel.nodes.items():
        if pn.consensus is None:
            nodes.setdefault(pn.consensus_reason, []).append(_label(s, path, lang))
    lines = [f"S* — {separator(lang).join(names)}{say('colon', lang)}{say(NO_CONSENSUS[why], lang)}"
             for why, names in nodes.items()]
    return Text("\n".join(lines), "yellow")


def _status_counts(panel: Panel, path: str, names: list[str], width: int) -> Text:
    """``3✓ 1✗ 0?`` at one node, then who was flagged or left out, cut to ``width``."""
    statuses = [node_status(panel, path, r) for r in range(len(names))]
    counts = Text()
    for status in ("consistent", "inconsistent", "incomplete"):
        k = sum(st == status for st, _ in statuses)
        counts.append(f"{k}{STATUS_MARK[status]} ", STATUS_STYLE[status])
    failing = [name for name, (_, policy) in zip(names, statuses, strict=True) if policy]
    if failing:
        counts.append(", ".join(failing), "italic red")
    counts.truncate(width, overflow="ellipsis")
    return counts


def weights_table(s: Session, panel: Panel, lang: str, width: int) -> Table:
    """The respondent on screen against the group: each node's local weights side by side."""
    r = s.respondent or 0
    name_w = max(12, min(44, width - 48))
    table = _table((t("element", lang), "left", name_w), (t("group", lang), "right", 6), (t("them", lang), "right", 6),
                   (t("diff", lang), "right", 6), ("", "left", None), width=width)
    for path, pn in panel.nodes.items():
        group = panel.synthesis.nodes[path].local_weights
        mine = pn.individuals.weights[r]
        head = Text.assemble((fit(_label(s, path, lang), name_w).plain, "bold"))
        table.add_row(head, "", "", "", cr_cell(panel, path, r, lang))
        gaps = np.abs(mine - group)
        worst = -1 if np.all(np.isnan(gaps)) else int(np.nanargmax(gaps))
        for k, child in enumerate(s.node(path).children):
            theirs = mine[k]
            if math.isnan(theirs):
                cells = ["—", "", ""]
            else:
                d = theirs - group[k]
                style = "bold red" if k == worst and abs(d) >= 0.05 else ("yellow" if abs(d) >= 0.05 else "")
                cells = [f"{theirs:.3f}", Text(f"{d:+.3f}", style),
                         Text(t("biggest gap", lang), "dim") if k == worst and abs(d) >= 0.05 else ""]
            table.add_row(Text("  ") + fit(child.label(lang), name_w - 2), f"{group[k]:.3f}", *cells)
    return table
