"""One project file, several writers: a lock beside the file and a three-way merge of judgments.

The TUI, ``ahp serve``'s respondents and CLI commands may hold one file at once. Every save
takes :func:`locked` (``fcntl.flock`` on ``<file>.lock``), reloads the file, keeps only this
writer's own changes since it last read or wrote the file (:func:`catch_up`), writes
atomically and lets go. A pair one writer changed takes that writer's value; every other pair,
and every respondent another writer added, comes from the file. The title, settings and units
are the saving writer's (only the consultant's TUI and CLI change them).

>>> base = {"goal": {("a", "b"): 3.0, ("a", "c"): 5.0}}
>>> mine = {"goal": {("a", "b"): 2.0, ("a", "c"): 5.0}}           # I changed a-b
>>> theirs = {"goal": {("a", "b"): 3.0, ("c", "a"): 1 / 7}}        # they changed a-c
>>> merge_judgments(base, mine, theirs)
{'goal': {('a', 'b'): 2.0, ('c', 'a'): 0.14285714285714285}}
"""

from __future__ import annotations

import fcntl
import math
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol, TypeVar

from ahp.io.atomic import StrPath
from ahp.io.project_data import Pair, Respondent

Judgments = dict[str, dict[tuple[str, str], float]]


class Project(Protocol):
    """What the merge needs of an :class:`ahp.io.project.Project` (named so here: importing it
    would make an import circle, as the project saves through this module)."""

    path: StrPath | None
    respondents: list[Respondent]
    _file: Any


P = TypeVar("P", bound=Project)


def lock_path(path: StrPath) -> str:
    """The lock file beside a project file."""
    return os.fspath(path) + ".lock"


@contextmanager
def locked(path: StrPath) -> Iterator[None]:
    """Hold the advisory lock of ``path`` (blocks while another writer holds it).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.ahp.toml"
    >>> with locked(p):
    ...     pathlib.Path(lock_path(p)).exists()
    True
    """
    with open(lock_path(path), "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _by_pair(pairs: dict[Pair, float]) -> dict[frozenset[str], tuple[Pair, float]]:
    """Pairs keyed regardless of direction, each with its written direction and value."""
    return {frozenset(pair): (pair, value) for pair, value in pairs.items()}


def _same(x: tuple[Pair, float] | None, y: tuple[Pair, float] | None) -> bool:
    """Whether two entries state the same judgment (in either direction)."""
    if x is None or y is None:
        return x is y
    (pair_x, value_x), (pair_y, value_y) = x, y
    value_y = value_y if pair_x == pair_y else 1 / value_y
    return math.isclose(value_x, value_y, rel_tol=1e-9)


def merge_judgments(base: Judgments, mine: Judgments, theirs: Judgments) -> Judgments:
    """One respondent's judgments: the pairs ``mine`` changed since ``base`` as in ``mine``
    (a cleared pair stays cleared), every other pair as in ``theirs``.

    >>> merge_judgments({"g": {("a", "b"): 3.0}}, {"g": {}}, {"g": {("a", "b"): 3.0, ("b", "c"): 2.0}})
    {'g': {('b', 'c'): 2.0}}
    """
    out: Judgments = {}
    for path in dict.fromkeys([*theirs, *mine]):
        old, new, other = (_by_pair(j.get(path, {})) for j in (base, mine, theirs))
        merged: dict[Pair, float] = {}
        for key in dict.fromkeys([*other, *new]):
            entry = new.get(key) if not _same(old.get(key), new.get(key)) else other.get(key)
            if entry is not None:
                merged[entry[0]] = entry[1]
        if merged or path in theirs:
            out[path] = merged
    return out


def _merge_respondent(mine: Respondent, base: tuple[float, Judgments] | None, theirs: Respondent) -> None:
    """Bring ``theirs`` (the file's) into ``mine`` in place, keeping what ``mine`` changed since ``base``."""
    base_weight, base_judgments = base if base is not None else (None, {})
    if base_weight is not None and math.isclose(mine.weight, base_weight):
        mine.weight = theirs.weight
    merged = merge_judgments(base_judgments, mine.judgments, theirs.judgments)
    mine.judgments.clear()
    mine.judgments.update(merged)


def catch_up(project: Project, disk: Project) -> None:
    """Take into ``project`` what other writers put in the file since it last read or wrote it.

    ``disk`` is the file as loaded now. Respondents are matched by the name they had in the
    file; those another writer added are appended; those this writer removed stay removed.
    Afterwards ``project`` describes ``disk``'s file plus its own pending changes.
    """
    saved = project._file.saved
    on_disk = {r.name: r for r in disk.respondents}
    claimed: set[str] = set()
    for r in project.respondents:
        theirs = on_disk.get(r.saved_as) if r.saved_as is not None else None
        theirs = theirs if theirs is not None else on_disk.get(r.name)
        if theirs is None or theirs.name in claimed:
            continue
        claimed.add(theirs.name)
        _merge_respondent(r, saved.get(r.saved_as) if r.saved_as is not None else None, theirs)
        r.saved_as = theirs.name
    added = [r for name, r in on_disk.items() if name not in claimed and name not in saved]
    project.respondents.extend(added)
    project._file = disk._file


def read_if_changed(project: Project, own: str | None, parse: Callable[[str, str], P]) -> P | None:
    """The file as it is now (read by ``parse(text, path)``), when its text differs from what
    ``project`` last read or wrote and from ``own`` (what a copy of it wrote since)."""
    from ahp.io.toml_lines import read_text

    assert project.path is not None
    if not os.path.exists(project.path):
        return None
    text = read_text(project.path)
    if text in (project._file.text, own):
        return None
    return parse(text, os.fspath(project.path))


def refresh_original(original: Project, pairs: list[tuple[Respondent, Respondent]],
                     before: dict[int, tuple[float, Judgments]], saved: Project) -> None:
    """After a snapshot that caught up was saved: bring into the ``original`` project (edited
    meanwhile) what the save took from the file. ``before`` holds each copy's weight and
    judgments as snapshotted (by ``id`` of the copy)."""
    copies = {id(copied) for _, copied in pairs}
    for orig, copied in pairs:
        _merge_respondent(orig, before[id(copied)], copied)
    names = {r.name for r in original.respondents}
    for r in saved.respondents:
        if id(r) not in copies and r.name not in names:
            original.respondents.append(r)
