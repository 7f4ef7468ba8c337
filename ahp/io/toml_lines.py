"""Reading TOML with line numbers for the errors: tomllib parses, this finds where keys are.

tomllib (fast, in the standard library) gives no positions for valid documents, so
:class:`KeyLines` scans the text once and records the line of every table header and key,
addressed like the parsed data: ``("model", "criteria", 0, "children", 2, "id")``.

>>> lines = KeyLines('format = 1\\n[model]\\nid = "x"\\n'
...                  '[[model.criteria]]\\nid = "a"\\n[[model.criteria]]\\nid = "b"\\n')
>>> lines.line(("model", "criteria", 1, "id")), lines.line(("model", "criteria", 1, "nope"))
(7, 6)
"""

from __future__ import annotations

import os
import re
import tomllib
from typing import Any

from ahp.errors import Phrase, ProjectFileError, os_reason

Key = tuple[str | int, ...]
_BARE = re.compile(r"[A-Za-z0-9_-]+")
_SYNTAX_LINE = re.compile(r"\(at line (\d+), column \d+\)|\(at end of document\)")


def _split_key(text: str) -> tuple[list[str], str]:
    """Split a dotted key at the start of ``text``; return its parts and the rest of the text."""
    parts: list[str] = []
    s = text.lstrip()
    while s:
        if s[0] in "\"'":
            end = s.find(s[0], 1)
            if end < 0:
                break
            parts.append(s[1:end])
            s = s[end + 1 :].lstrip()
        else:
            m = _BARE.match(s)
            if not m:
                break
            parts.append(m.group())
            s = s[m.end() :].lstrip()
        if s.startswith("."):
            s = s[1:].lstrip()
        else:
            break
    return parts, s


class KeyLines:
    """The 1-based line of each table and key of a TOML text (multi-line values are skipped)."""

    def __init__(self, text: str) -> None:
        self._lines: dict[Key, int] = {}
        counts: dict[Key, int] = {}
        table: Key = ()
        in_multiline: str | None = None
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.strip()
            if in_multiline:
                if in_multiline in line:
                    in_multiline = None
                continue
            if not line or line.startswith("#"):
                continue
            if line.startswith("["):
                is_array = line.startswith("[[")
                parts, _ = _split_key(line[2 if is_array else 1 :])
                table = self._resolve(parts, counts)
                if is_array:  # a new element of an array of tables
                    counts[table] = counts.get(table, -1) + 1
                    table = (*table, counts[table])
                self._lines.setdefault(table, number)
                continue
            parts, rest = _split_key(line)
            if parts and rest.startswith("="):
                self._lines.setdefault((*table, *parts), number)
                for quote in ('"""', "'''"):
                    if rest.count(quote) == 1:
                        in_multiline = quote

    @staticmethod
    def _resolve(parts: list[str], counts: dict[Key, int]) -> Key:
        """A header's path, with the current index of every array of tables it passes through."""
        key: Key = ()
        for part in parts[:-1]:
            key = (*key, part)
            if key in counts:
                key = (*key, counts[key])
        return (*key, *parts[-1:])

    def line(self, key: Key) -> int | None:
        """The line of ``key``, or of its nearest recorded ancestor (``None`` if nothing matches)."""
        for end in range(len(key), 0, -1):
            if key[:end] in self._lines:
                return self._lines[key[:end]]
        return None


def read_text(path: str | os.PathLike[str]) -> str:
    """A UTF-8 file's text; a missing or unreadable file becomes :class:`ProjectFileError`."""
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except FileNotFoundError:
        raise ProjectFileError(Phrase("no such file"), path=str(path)) from None
    except UnicodeDecodeError:
        raise ProjectFileError(Phrase("not a UTF-8 text file"), path=str(path)) from None
    except OSError as exc:
        raise ProjectFileError(os_reason(exc), path=str(path)) from None


#: The most parts a table name may have (``[a.b.c]`` has 3); no model or project needs more
#: than 2 + ``MAX_DEPTH`` of the model, and parsing (ours and tomllib's) slows down as the cube
#: of the parts.
MAX_TABLE_PARTS = 64
_TABLE_LINE = re.compile(r"^[ \t]*\[.*$", re.MULTILINE)


def parse_toml(text: str, path: str) -> dict[str, Any]:
    """Parse TOML text; a syntax error becomes :class:`ProjectFileError` naming ``path`` and the line."""
    for m in _TABLE_LINE.finditer(text):
        if m.group().count(".") >= MAX_TABLE_PARTS:
            line = text.count("\n", 0, m.start()) + 1
            raise ProjectFileError(Phrase("a table name of more than {most} parts; nothing here nests so deep",
                                          {"most": MAX_TABLE_PARTS}), path=path, line=line)
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise ProjectFileError(
            Phrase("invalid TOML: values nested too deeply (arrays or inline tables within one another)"), path=path
        ) from None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        m = _SYNTAX_LINE.search(message)
        detail = _SYNTAX_LINE.sub("", message).strip()
        line = (int(m.group(1)) if m.group(1) else len(text.splitlines()) or 1) if m else None  # end: the last line
        bare = _BARE_TEXT.fullmatch(text.splitlines()[line - 1]) if detail == "Invalid value" and line else None
        if bare:
            raise ProjectFileError(Phrase("invalid TOML: the value of {key} is not valid (text takes double quotes: "
                                          "{key} = \"{value}\")", bare.groupdict()), path=path, line=line) from None
        raise ProjectFileError(Phrase("invalid TOML: {why}", {"why": _reason(detail)}), path=path, line=line) from None


#: A line giving a key a bare word, as one may write text forgetting its quotes: ``title = 客户``.
_BARE_TEXT = re.compile(r"[ \t]*(?P<key>[A-Za-z0-9_-]+)[ \t]*=[ \t]*(?P<value>[^\W\d][^#\"'\[{]*?)[ \t]*(?:#.*)?")


#: The reasons of :mod:`tomllib` that name a fact: the pattern, and the phrase with the fact as ``{fact}``
#: (the glossary words these and tomllib's other reasons in Chinese).
_TOMLLIB_FACTS = tuple((re.compile(text.replace("{fact}", "(.+)")), text) for text in (
    "Cannot declare {fact} twice", "Cannot mutate immutable namespace {fact}", "Cannot redefine namespace {fact}",
    "Duplicate inline table key {fact}", "Found invalid character {fact}", "Illegal character {fact}",
))


def _reason(detail: str) -> Phrase:
    """tomllib's reason for refusing a text, as a phrase.

    >>> _reason("Cannot declare ('a',) twice").values, _reason("Invalid value").text
    ({'fact': "('a',)"}, 'Invalid value')
    """
    for pattern, text in _TOMLLIB_FACTS:
        m = pattern.fullmatch(detail)
        if m:
            return Phrase(text, {"fact": m.group(1)})
    m = re.fullmatch(r"Expected ('[^']*')", detail)
    if m:
        return Phrase("Expected {fact}", {"fact": m.group(1)})
    return Phrase(detail.replace("{", "{{").replace("}", "}}"))
