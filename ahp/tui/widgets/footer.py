"""The footer: the screen's keys in the current language, the most important ones first to stay.

Textual's own footer shows every key left to right and cuts the row where the terminal ends
(at 80 columns that dropped help and quit). This one keeps, when they do not all fit, the
keys ranked highest in :data:`PRIORITY`, shown in their usual order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from ahp.tui.texts import footer_label

if TYPE_CHECKING:
    from textual.screen import Screen

#: Actions (without ``app.`` and arguments) from most to least important to keep on screen.
PRIORITY: tuple[str, ...] = (
    "move", "node", "step", "help", "quit", "pop_screen", "dismiss", "cancel", "confirm", "next", "skip", "previous",
    "monte_carlo", "rate", "unit", "apply", "next_respondent", "cycle_scope", "report", "scope", "results",
    "group", "aggregation", "policy", "equal", "clear", "add_unit", "remove_unit", "noise",
    "command_palette", "sensitivity", "ratings", "risk", "interview", "export", "language", "undo", "add_respondent",
)


def _action_name(action: str) -> str:
    """``app.move(-1)`` -> ``move``."""
    return action.split("(", 1)[0].rpartition(".")[2]


def _rank(action: str) -> int:
    name = _action_name(action)
    return PRIORITY.index(name) if name in PRIORITY else len(PRIORITY)


class KeysFooter(Footer):
    """A compact footer whose labels follow ``app.language`` and which drops the least important keys.

    The keys are worked out first (:meth:`plan`); the footer is rebuilt only when they differ
    from what it shows, so the bindings updates that come in bursts (focus, a screen's first
    refresh) rebuild it once.
    """

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._width = 0
        self._shown: tuple | None = None
        self._pending = False

    def plan(self) -> tuple[tuple, ...]:
        """The keys to show, left to right: ``(key, display, label, action, disabled, tooltip, classes)``."""
        language = getattr(self.app, "language", "en")
        active = self.screen.active_bindings
        seen: dict[str, tuple] = {}
        also = self.screen.footer_also() if hasattr(self.screen, "footer_also") else set()
        for _node, binding, enabled, tooltip in active.values():
            if (binding.show or binding.action in also) and binding.action not in seen:
                seen[binding.action] = (binding, enabled, tooltip)
        keys = []
        for binding, enabled, tooltip in seen.values():
            display = self.app.get_key_display(binding)
            label = footer_label(binding.description, language)
            keys.append((binding, enabled, tooltip, display, label, cell_len(display) + 1 + cell_len(label) + 1))
        palette = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            found = active.get(self.app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _node, binding, enabled, tooltip = found
                display = self.app.get_key_display(binding)
                label = footer_label(binding.description, language)
                palette = (binding, enabled, tooltip, display, label, 1 + cell_len(display) + 1 + cell_len(label))
        width = self.size.width or self.app.size.width
        self._width = width
        chosen: set[int] = set()
        budget = width
        show_palette = False
        order = sorted(range(len(keys)), key=lambda k: -1 if keys[k][0].action in also else _rank(keys[k][0].action))
        palette_rank = _rank("command_palette")
        for k in order:
            if palette is not None and not show_palette and _rank(keys[k][0].action) > palette_rank:
                if palette[5] <= budget:
                    show_palette, budget = True, budget - palette[5]
            if keys[k][5] <= budget:
                chosen.add(k)
                budget -= keys[k][5]
        if palette is not None and not show_palette and palette[5] <= budget:
            show_palette = True
        out = [(binding.key, display, label, binding.action, not enabled, tooltip, "-compact")
               for k, (binding, enabled, tooltip, display, label, _) in enumerate(keys) if k in chosen]
        if show_palette and palette is not None:
            binding, enabled, tooltip, display, label, _ = palette
            out.append((binding.key, display, label, binding.action, not enabled,
                        binding.tooltip or binding.description, "-compact -command-palette"))
        return tuple(out)

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        self._shown = self.plan()
        self.styles.grid_size_columns = sum("-command-palette" not in k[6] for k in self._shown)
        for key, display, label, action, disabled, tooltip, classes in self._shown:
            # Built with ``-compact`` already: no restyle of every key when it mounts.
            yield FooterKey(key, display, label, action, disabled=disabled, tooltip=tooltip, classes=classes)

    def on_mount(self) -> None:
        if hasattr(self.app, "language"):
            self.watch(self.app, "language", self._language_changed, init=False)

    def _language_changed(self) -> None:
        if self.is_attached and self.screen.is_current and not self._pending:
            self._pending = True
            self.call_after_refresh(self._rebuild)

    def bindings_changed(self, screen: Screen) -> None:
        """Rebuild (once, after the refresh under way) if the keys to show changed."""
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._pending:
            self._pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._pending = False
        if self.is_attached and self.plan() != self._shown:
            await self.recompose()

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._width and self._bindings_ready:
            self._width = event.size.width
            self.call_after_refresh(self.recompose)
