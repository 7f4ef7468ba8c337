"""``?``: the keys, explained, over whichever screen asked."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

HELP_EN = """\
[b]ahp — keys[/b]

[b]Main screen[/b]
  tab          move between the tree and the pairs
  ↑ ↓          choose a pair (in the tree: choose a node)
  ← →          move the judgment one step toward the left / right element
               (9 … 2 1 2 … 9); a missing judgment starts from 1
  1 … 9        that intensity toward the side the judgment favours (left if equal)
  =            equal (1)
  x            clear: the pair becomes missing and is completed by the engine
  a            apply the suggested value of the node's worst judgment
  ctrl+z / ctrl+y   undo / redo
[b]Anywhere[/b]
  i  interview mode    r  results    e  export    l  English / 中文
  ctrl+p  command palette (every action)    ?  this help    q  quit
[b]Interview mode[/b]
  ← → 1-9 =  answer    enter  next    s  skip (leave missing)
  backspace  previous question    esc  back to the main screen

Every change is saved at once (atomic write, previous version in .bak).
Marks: ✓ consistent  ✗ inconsistent (CR above threshold)  ? incomplete.

Press esc or ? to close.
"""


class HelpScreen(ModalScreen[None]):
    """The key reference; esc, q or ? closes it."""

    BINDINGS = [
        Binding("escape", "dismiss", "close"),
        Binding("question_mark", "dismiss", "close", show=False),
        Binding("q", "dismiss", "close", show=False),
    ]

    def __init__(self, under: Screen | None = None) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(HELP_EN, id="help-text")
