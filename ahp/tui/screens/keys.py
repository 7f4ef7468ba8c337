"""The keys of the main screen, shared with the screens that use some of them and with the first
frame (:mod:`ahp.tui.screens.start`), which shows the same footer before the engine is loaded."""

from __future__ import annotations

from textual.binding import Binding

#: Keys that change the judgment under the cursor (main screen, interview, browser respondent).
JUDGMENT_BINDINGS = [
    Binding("left", "move(-1)", "judge", priority=True, key_display="←→"),
    Binding("right", "move(1)", "→", priority=True, show=False),
    *[Binding(str(k), f"intensity({k})", str(k), show=False) for k in range(1, 10)],
    Binding("equals_sign", "equal", "equal", key_display="="),
    Binding("x", "clear", "clear"),
]

#: The respondent keys of the main and group screens.
RESPONDENT_BINDINGS = [
    Binding("p", "next_respondent(1)", "respondent"),
    Binding("P", "next_respondent(-1)", "previous respondent", show=False),
    Binding("n", "add_respondent", "add respondent", show=False),
    Binding("m", "rename_respondent", "rename", show=False),
    Binding("w", "respondent_weight", "weight", show=False),
    Binding("delete", "remove_respondent", "remove", show=False, key_display="del"),
]

#: The main screen's keys.
MAIN_BINDINGS = [*JUDGMENT_BINDINGS, Binding("a", "apply", "apply"), *RESPONDENT_BINDINGS]

#: Main-screen actions that need a respondent on screen (hidden from the footer without one).
NEEDS_RESPONDENT = frozenset({"move", "intensity", "equal", "clear", "apply", "next_respondent"})
