"""argparse's help laid out in Chinese: its own words (``usage:``, the headings of its groups of
arguments) from :mod:`ahp.io.glossary.help_texts`, full-width colons after the headings, and
everything placed by the columns a terminal gives each character (a Chinese one takes two, where
argparse counts one) and broken into lines by the rules of Chinese typesetting (no line starts
with ，。）」 nor ends with （「).

>>> lines("项目文件（*.ahp.toml），已存在的文件不会被覆盖", 24)
['项目文件（*.ahp.toml），', '已存在的文件不会被覆盖']
"""

from __future__ import annotations

import argparse
import re
import shutil
from collections.abc import Iterable
from typing import Any

from rich.cells import cell_len as width  # not ahp.io.terminal's: it imports numpy, a help needs none of it

from ahp.io.glossary.help_texts import HELP_CHINESE

#: Marks that never begin a line, and marks that never end one.
_NO_START = re.escape("，。、；：？！）」』》”’～,.;:!?)]}")
_NO_END = re.escape("（「『《“‘")
#: A character a terminal gives one column (not a Chinese, Japanese, Korean or full-width one).
_NARROW = r"[^\s\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
#: What a line never breaks inside: a run of narrow characters (a word, a number, an option, a
#: formula) or one wide character (with what a colon ties to it: 很好:12), with the marks that
#: hold on to it, even across a space; and the space before it.
_UNIT = re.compile(rf"(\s*)((?:[{_NO_END}]\s*)*(?:{_NARROW}+|\S(?::{_NARROW}*)?)(?:\s*[{_NO_START}])*)")
#: The parts of a usage line, as argparse finds them: a group in brackets, or a word.
_USAGE_PART = re.compile(r"\(.*?\)+(?=\s|$)|\[.*?\]+(?=\s|$)|\S+")


def lines(text: str, columns: int) -> list[str]:
    """``text`` in lines of at most ``columns`` terminal columns (a unit wider than that alone on its
    line), its runs of white space as one space."""
    return _filled([(space[:1], unit) for space, unit in _UNIT.findall(" ".join(text.split()))], columns)


def _filled(units: Iterable[tuple[str, str]], columns: int, first: str = "", indent: str = "") -> list[str]:
    """``units`` (each with the space before it) in lines of at most ``columns`` columns, after
    ``first`` on the first line and ``indent`` on the others."""
    rows = [first]
    for space, unit in units:
        joined = rows[-1] + (space if rows[-1].strip() else "") + unit
        if width(joined) <= columns or not rows[-1].strip():
            rows[-1] = joined
        else:
            rows.append(indent + unit)
    return rows if rows != [""] else []


class ChineseHelpFormatter(argparse.HelpFormatter):
    """argparse's help formatter, in Chinese."""

    def __init__(self, prog: str, **kwargs: Any) -> None:
        super().__init__(prog, **kwargs)
        self.prog = prog
        #: The columns of a line, as argparse takes them: the terminal's less two.
        self.columns = kwargs.get("width") or shutil.get_terminal_size().columns - 2

    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[argparse._MutuallyExclusiveGroup], prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, HELP_CHINESE["usage: "] if prefix is None else prefix)

    def start_section(self, heading: str | None) -> None:
        super().start_section(HELP_CHINESE.get(heading, heading) if heading else heading)

    def format_help(self) -> str:
        """The help, its usage laid out again by columns and its headings ending in ``：``; a group
        of sub-commands not named again under its heading."""
        text = super().format_help()
        first = HELP_CHINESE["usage: "] + self.prog
        if text.startswith(first):
            usage, gap, rest = text.partition("\n\n")
            parts = [(" ", part) for part in _USAGE_PART.findall(usage[len(first):])]
            usage = "\n".join(_filled(parts, self.columns, first, " " * (width(first) + 1)))
            text = usage + (gap + rest if gap else "\n")
        text = re.sub(r"^(\S.*):$", r"\1：", text, flags=re.MULTILINE)
        return re.sub(r"^(\S+)：\n +\1\n", r"\1：\n", text, flags=re.MULTILINE)  # 命令： not then 命令

    def _format_action(self, action: argparse.Action) -> str:
        """argparse's entry for ``action``, its help moved back by the columns the invocation takes
        beyond its characters (to the next line when the invocation leaves no room)."""
        text = super()._format_action(action)
        invocation = " " * (len(text) - len(text.lstrip(" "))) + self._format_action_invocation(action)
        wider = width(invocation) - len(invocation)
        after = text[len(invocation):]
        spaces = len(after) - len(after.lstrip(" "))
        if not wider or not after.strip(" ") or after.startswith("\n"):
            return text
        if spaces >= wider + 2:
            return invocation + after[wider:]
        return invocation + "\n" + " " * (len(invocation) + spaces) + after.lstrip(" ")

    def _split_lines(self, text: str, width: int) -> list[str]:
        return lines(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in lines(text, width - len(indent)))
