"""The footer: the screen's keys in the current language, the most important ones first to stay.

Textual's own footer shows every key left to right and cuts the row where the terminal ends
(at 80 columns that dropped help and quit). This one keeps, when they do not all fit, the
keys ranked highest in :data:`PRIORITY`, shown in their usual order, and draws them as one
line of text (a click on a key presses it), so a change of keys or language repaints one line.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.widget import Widget

from ahp.tui.texts import footer_label

#: Actions (without ``app.`` and arguments) from most to least important to keep on screen.
PRIORITY: tuple[str, ...] = (
    "move", "node", "step", "help", "quit", "pop_screen", "dismiss", "cancel", "confirm", "next", "skip", "previous",
    "monte_carlo", "rate", "unit", "apply", "next_respondent", "cycle_scope", "report", "scope", "results",
    "group", "aggregation", "policy", "equal", "clear", "add_unit", "remove_unit", "noise",
    "command_palette", "sensitivity", "ratings", "risk", "interview", "export", "language", "undo", "add_respondent",
)


def _rank(action: str) -> int:
    """Where an action stands in :data:`PRIORITY` (``app.move(-1)`` counts as ``move``)."""
    name = action.split("(", 1)[0].rpartition(".")[2]
    return PRIORITY.index(name) if name in PRIORITY else len(PRIORITY)


class Key(NamedTuple):
    """One key as the footer shows it: ``display`` (``←→``), ``label`` in the language on screen."""

    key: str
    display: str
    label: str
    action: str
    enabled: bool

    @property
    def width(self) -> int:
        """Cells taken, with the space after it."""
        return cell_len(self.display) + 1 + cell_len(self.label) + 1


class KeysFooter(Widget):
    """A one-line footer whose labels follow ``app.language`` and which drops the least important keys."""

    DEFAULT_CSS = """
    KeysFooter {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    KeysFooter > .keys-footer--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeysFooter > .keys-footer--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    KeysFooter > .keys-footer--separator {
        color: $foreground 20%;
    }
    """
    COMPONENT_CLASSES = {"keys-footer--key", "keys-footer--description", "keys-footer--separator"}

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, lambda _screen: self.refresh())
        if hasattr(self.app, "language"):
            self.watch(self.app, "language", self.refresh, init=False)

    def on_click(self, event: events.Click) -> None:
        """Press the key clicked on."""
        key = event.style.meta.get("key")
        if key is not None:
            self.app.simulate_key(key)

    def _candidates(self) -> tuple[list[Key], Key | None, set[str]]:
        """Every key the screen shows (and the palette's), in the language on screen, and the
        actions the screen asks to show although their bindings are hidden."""
        language = getattr(self.app, "language", "en")
        active = self.screen.active_bindings
        also = self.screen.footer_also() if hasattr(self.screen, "footer_also") else set()
        keys: dict[str, Key] = {}
        for _node, binding, enabled, _tooltip in active.values():
            if (binding.show or binding.action in also) and binding.action not in keys:
                keys[binding.action] = Key(binding.key, self.app.get_key_display(binding),
                                           footer_label(binding.description, language), binding.action, enabled)
        palette = None
        found = active.get(self.app.COMMAND_PALETTE_BINDING) if self.app.ENABLE_COMMAND_PALETTE else None
        if found is not None:
            _node, binding, enabled, _tooltip = found
            palette = Key(binding.key, self.app.get_key_display(binding),
                          footer_label(binding.description, language), binding.action, enabled)
        return list(keys.values()), palette, also

    def keys(self) -> tuple[list[Key], Key | None]:
        """The keys that fit, left to right, and the command palette's key if it fits too.

        Keys are taken by rank; the palette's key claims its room when the first key ranked
        below it comes up.
        """
        shown, palette, also = self._candidates()
        budget = self.size.width
        chosen: set[int] = set()
        show_palette = palette is None
        order = sorted(range(len(shown)), key=lambda k: -1 if shown[k].action in also else _rank(shown[k].action))
        for k in order:
            if not show_palette and _rank(shown[k].action) > _rank("command_palette"):
                show_palette, budget = self._fits(palette, budget)
            if shown[k].width <= budget:
                chosen.add(k)
                budget -= shown[k].width
        if not show_palette:
            show_palette, budget = self._fits(palette, budget)
        return [key for k, key in enumerate(shown) if k in chosen], palette if show_palette else None

    @staticmethod
    def _fits(palette: Key, budget: int) -> tuple[bool, int]:
        """Whether the palette's key (``▏^p palette``: the bar takes the place of the space after)
        fits in ``budget`` cells, and the cells left."""
        return (True, budget - palette.width) if palette.width <= budget else (False, budget)

    def render(self) -> Text:
        keys, palette = self.keys()
        out = Text(no_wrap=True, end="")
        for key in keys:
            out.append_text(self._key_text(key))
            out.append(" ")
        if palette is not None:  # at the right end: ``▏^p palette `` (the bar may take the last key's space)
            tail = Text("▏", self.get_component_rich_style("keys-footer--separator"))
            tail.append_text(self._key_text(palette))
            tail.append(" ")
            room = self.size.width - out.cell_len - tail.cell_len
            if room < 0:
                out.right_crop(-room)
            out.append(" " * max(0, room))
            out.append_text(tail)
        return out

    def _key_text(self, key: Key) -> Text:
        """``key label``, styled, dimmed when disabled; a click presses the key."""
        text = Text.assemble(
            (key.display, self.get_component_rich_style("keys-footer--key", partial=True)),
            (" " + key.label, self.get_component_rich_style("keys-footer--description", partial=True)),
        )
        text.stylize(Style.from_meta({"key": key.key}))
        if not key.enabled:
            text.stylize("dim")
        return text
