"""Writing a project file: bring its tomlkit document in line with the project, changing only
what changed, so the user's comments and key order survive; every text is read back first.

Every key and value is spelled by tomlkit (names with quotes, control characters or Chinese
are escaped as TOML requires). A new text is checked by reading it back (:func:`reads_back`):
a save never writes a text that would not load as the project it came from.

>>> from ahp.io.model import load_model
>>> from ahp.io.project_new import new_document
>>> doc = new_document(load_model())
>>> ann = Respondent("Ann\\x7f", judgments={"goal": {("service", "price"): 3.0}})
>>> sync_document(doc, "t", Settings(), [ann], [], {})
>>> 'name = "Ann\\\\u007f"' in tomlkit.dumps(doc)
True
"""

from __future__ import annotations

import math
import re
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError

from ahp.core.scale import TOLERANCE, format_value, parse_value
from ahp.errors import AHPError, Phrase, ProjectFileError, Worded
from ahp.io.file_state import FileState, Saved
from ahp.io.model import FORMAT
from ahp.io.project_data import Pair, ProjectData, Respondent, Settings, Unit, read_project
from ahp.io.project_new import new_document
from ahp.io.settings import sync_settings


def toml_value(value: float) -> int | str | float:
    """How a judgment is written: ``3``, ``"1/3"``, or the float itself off the scale.

    >>> toml_value(3.0), toml_value(1 / 3), toml_value(0.7303)
    (3, '1/3', 0.7303)
    """
    text = format_value(value)
    if text.isdigit():
        return int(text)
    if text.startswith("1/"):
        return text
    return float(value)


def sync_document(doc: Any, title: str, settings: Settings, respondents: list[Respondent], units: list[Unit],
                  saved: Saved) -> None:
    """Bring a tomlkit document in line with a project, touching only what differs."""
    _sync_head(doc, title, settings)
    _sync_respondents(doc, respondents, saved)
    _sync_units(doc, units)


def _sync_head(doc: Any, title: str, settings: Settings) -> None:
    """The format number, the title and the settings."""
    doc.setdefault("format", FORMAT)
    project = doc.setdefault("project", tomlkit.table())
    if project.get("title") != title:
        project["title"] = title
    sync_settings(doc.setdefault("settings", tomlkit.table()), settings)


def _sync_respondents(doc: Any, respondents: list[Respondent], saved: Saved) -> None:
    """One ``[[respondents]]`` table per respondent, in their order; each follows its
    respondent through renames (by ``saved_as``), and an unchanged one is left alone."""
    if not respondents:
        doc.pop("respondents", None)  # never an empty array: it would be written as `respondents = []`
        return
    old = list(doc["respondents"]) if isinstance(doc.get("respondents"), list) else []
    by_name = {t.get("name"): t for t in old}
    tables = [by_name.pop(r.saved_as) if r.saved_as in by_name else None for r in respondents]
    kept = [t is not None and saved.get(r.saved_as) == (r.weight, r.judgments)
            for r, t in zip(respondents, tables, strict=False)]
    # not in the file under their saved name: an unclaimed table of their name, or a new one
    for k, r in enumerate(respondents):
        if tables[k] is None:
            tables[k] = by_name.pop(r.name) if r.name in by_name else tomlkit.table()
    for r, t, unchanged in zip(respondents, tables, kept, strict=False):
        if t.get("name") != r.name:
            t["name"] = r.name
        if unchanged:
            continue  # as last saved but for the name: leave the rest of the table alone
        if t.get("weight", 1.0) != r.weight:
            t["weight"] = r.weight
        _sync_judgments(t, r.judgments)
    if [id(t) for t in old] != [id(t) for t in tables]:
        aot = tomlkit.aot()
        for t in tables:
            aot.append(t)
        doc.pop("respondents", None)
        doc.append("respondents", aot)


def _sync_judgments(table: Any, judgments: dict[str, dict[Pair, float]]) -> None:
    """Update one respondent's ``judgments`` table pair by pair."""
    if "judgments" not in table:
        if not any(judgments.values()):
            return
        table["judgments"] = tomlkit.table(is_super_table=True)
    doc_j = table["judgments"]
    for path in [p for p in doc_j if p not in judgments or not judgments[p]]:
        del doc_j[path]
    for path, pairs in judgments.items():
        if pairs:
            if path not in doc_j:
                doc_j[path] = tomlkit.table()
            _sync_pairs(doc_j[path], pairs)


def _sync_pairs(rows: Any, pairs: dict[Pair, float]) -> None:
    """Update one node's ``row = { col = value }`` lines; an unchanged value keeps its spelling."""
    for row in list(rows):
        for col in list(rows[row]):
            if (row, col) not in pairs:
                del rows[row][col]
        if not rows[row]:
            del rows[row]
    for (row, col), value in pairs.items():
        if row not in rows:
            rows[row] = tomlkit.inline_table()
        if col not in rows[row] or not math.isclose(parse_value(rows[row][col]), value):
            rows[row][col] = toml_value(value)


def _sync_units(doc: Any, units: list[Unit]) -> None:
    """One ``[[units]]`` table per unit, in their order, with its ratings."""
    if not units:
        doc.pop("units", None)
        return
    if not isinstance(doc.get("units"), list):
        doc.pop("units", None)
        doc.append("units", tomlkit.aot())
    tables = doc["units"]
    while len(tables) > len(units):
        del tables[len(tables) - 1]
    for i, u in enumerate(units):
        if i == len(tables):
            tables.append(tomlkit.table())
        t = tables[i]
        if t.get("name") != u.name:
            t["name"] = u.name
        if "ratings" not in t:
            t["ratings"] = tomlkit.table()
        ratings = t["ratings"]
        for path in [p for p in ratings if p not in u.ratings]:
            del ratings[path]
        for path, grade in u.ratings.items():
            if ratings.get(path) != grade:
                ratings[path] = grade if isinstance(grade, str) else _inline(grade)


def _inline(counts: dict[str, float]) -> Any:
    """Grade counts as an inline table: ``{ good = 30, fair = 20 }``."""
    table = tomlkit.inline_table()
    table.update(counts)
    return table


def checked_text(file: FileState, project: ProjectData, target: str, added: list[Respondent]) -> str:
    """The file's new text for ``project``, read back to check it loads as the project.

    Tried in turn: the ``added`` respondents' tables appended to the text, or the tables of the
    respondents whose judgments changed rewritten in it (:func:`spliced_text`), when nothing
    else changed; the kept document brought up to date; a fresh document (for a file edited by
    hand into a shape the update cannot follow: its comments are lost, its contents kept).
    Raises :class:`ProjectFileError` when none reads back.
    """
    check_writable(project.title, project.respondents, project.units, target)
    if file.text is not None:
        quick = appended_text(file.text, added) if added else spliced_text(file.text, project.respondents, file.saved)
        if quick is not None and reads_back(quick, target, project):
            file.doc = None  # the kept document no longer matches the file
            return quick
    for fresh in (False, True):
        if fresh:
            file.doc = new_document(project.model, project.title)
        doc = file.document(project.model, project.title, target)
        sync_document(doc, project.title, project.settings, project.respondents, project.units, file.saved)
        try:
            text = tomlkit.dumps(doc)
        except RecursionError:
            raise ProjectFileError(Phrase("nested too deeply to be saved"), path=target) from None
        if reads_back(text, target, project):
            return text
    raise ProjectFileError(Phrase("the project could not be written so that it reads back the same; nothing was "
                                  "written"), path=target)


def appended_text(text: str, respondents: list[Respondent]) -> str:
    """``text`` with a ``[[respondents]]`` table for each of ``respondents`` added at its end.

    Much faster than adding them to the document (tomlkit takes about 10 ms per table of 34
    judgments); each key and value is still spelled by tomlkit.

    >>> print(appended_text("x = 1", [Respondent('Bo "B"', 2.0, {"goal": {("service", "price"): 1 / 3}})]))
    x = 1
    <BLANKLINE>
    [[respondents]]
    name = "Bo \\"B\\""
    weight = 2.0
    <BLANKLINE>
    [respondents.judgments.goal]
    service = { price = "1/3" }
    <BLANKLINE>
    """
    key, value = _spelling()
    parts = [text.rstrip("\n"), "\n"]
    for r in respondents:
        parts.append(f"\n[[respondents]]\nname = {value(r.name)}\n")
        if r.weight != 1.0:
            parts.append(f"weight = {value(r.weight)}\n")
        for path, pairs in r.judgments.items():
            rows: dict[str, list[str]] = {}
            for (a, b), v in pairs.items():
                rows.setdefault(a, []).append(f"{key(b)} = {value(toml_value(v))}")
            if rows:
                parts.append(f"\n[respondents.judgments.{key(path)}]\n")
                parts.extend(f"{key(a)} = {{ {', '.join(cells)} }}\n" for a, cells in rows.items())
    return "".join(parts)


#: A ``[[respondents]]`` header line, and the start of any table that is not a part of one.
_RESPONDENT_HEADER = re.compile(r"^\[\[respondents\]\][ \t]*(?:#.*)?$", re.MULTILINE)
_OTHER_TABLE = re.compile(r"^\[(?!respondents\.)", re.MULTILINE)


def spliced_text(text: str, respondents: list[Respondent], saved: Saved) -> str | None:
    """``text`` with the ``[[respondents]]`` table of each respondent whose weight or judgments
    differ from ``saved`` brought up to date on its own (tomlkit parses and writes that table
    only, keeping its comments), or ``None`` when that cannot be done: no such respondent, or
    respondents renamed, added, removed or reordered since, or tables not where they should be.
    The caller reads the result back, as every save does.

    >>> text = 'x = 1\\n\\n[[respondents]]\\nname = "A"\\n\\n[[respondents]]\\nname = "B" # boss\\n'
    >>> a, b = Respondent("A", saved_as="A"), Respondent("B", 2.0, saved_as="B")
    >>> print(spliced_text(text, [a, b], {"A": (1.0, {}), "B": (1.0, {})}))
    x = 1
    <BLANKLINE>
    [[respondents]]
    name = "A"
    <BLANKLINE>
    [[respondents]]
    name = "B" # boss
    weight = 2.0
    <BLANKLINE>
    """
    if list(saved) != [r.name for r in respondents] or any(r.saved_as != r.name for r in respondents):
        return None
    changed = [k for k, r in enumerate(respondents) if saved[r.name] != (r.weight, r.judgments)]
    starts = [m.start() for m in _RESPONDENT_HEADER.finditer(text)]
    if not changed or len(starts) != len(respondents):
        return None
    parts, at = [], 0
    for k in changed:
        end = _OTHER_TABLE.search(text, starts[k] + 1)
        stop = end.start() if end else len(text)
        try:
            doc = tomlkit.parse(text[starts[k]:stop])
        except TOMLKitError:
            return None
        tables = doc.get("respondents")
        r = respondents[k]
        if not isinstance(tables, list) or len(tables) != 1 or tables[0].get("name") != r.name:
            return None
        if tables[0].get("weight", 1.0) != r.weight:
            tables[0]["weight"] = r.weight
        _sync_judgments(tables[0], r.judgments)
        parts += [text[at:starts[k]], tomlkit.dumps(doc)]
        at = stop
    return "".join([*parts, text[at:]])


def _spelling() -> tuple[Any, Any]:
    """tomlkit's spelling of a key and of a value (remembered: the same few recur)."""
    keys: dict[str, str] = {}
    values: dict[tuple[type, Any], str] = {}

    def key(name: str) -> str:
        if name not in keys:
            keys[name] = tomlkit.key(name).as_string()
        return keys[name]

    def value(v: Any) -> str:
        if (type(v), v) not in values:
            values[type(v), v] = tomlkit.item(v).as_string()
        return values[type(v), v]

    return key, value


def check_writable(title: str, respondents: list[Respondent], units: list[Unit], path: str) -> None:
    """Refuse text no UTF-8 file can hold (a lone surrogate), naming the field."""
    fields = [(Worded("project title", "项目标题"), title),
              *((Worded("respondent name", "专家姓名"), r.name) for r in respondents),
              *((Worded("unit name", "门店名称"), u.name) for u in units)]
    for what, text in fields:
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise ProjectFileError(Phrase("{what} {text!r} holds a character no text file can store (a lone "
                                          "surrogate); not saved", {"what": what, "text": text}), path=path) from None


def reads_back(text: str, path: str, expected: ProjectData) -> bool:
    """Whether ``text`` loads as a project holding what ``expected`` holds (judgments to the
    precision they are written with)."""
    try:
        again = read_project(text, path)
    except (AHPError, RecursionError):
        return False
    if (again.title, again.settings, again.model) != (expected.title, expected.settings, expected.model):
        return False
    if [(u.name, u.ratings) for u in again.units] != [(u.name, u.ratings) for u in expected.units]:
        return False
    if len(again.respondents) != len(expected.respondents):
        return False
    return all(_same_respondent(a, b) for a, b in zip(again.respondents, expected.respondents, strict=False))


def _same_respondent(again: Respondent, expected: Respondent) -> bool:
    if (again.name, again.weight) != (expected.name, expected.weight):
        return False
    given = {path: pairs for path, pairs in expected.judgments.items() if pairs}
    if again.judgments == given:
        return True
    if again.judgments.keys() != given.keys() or any(again.judgments[p].keys() != given[p].keys() for p in given):
        return False
    return all(math.isclose(again.judgments[p][pair], v, rel_tol=TOLERANCE)
               for p in given for pair, v in given[p].items())
