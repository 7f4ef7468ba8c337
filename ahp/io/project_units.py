"""The units (stores, regions, segments) of a project and their ratings: one part of
:class:`~ahp.io.project.Project`, kept in its own file.

>>> import tempfile, pathlib
>>> from ahp.io.project import new_project
>>> p = new_project(pathlib.Path(tempfile.mkdtemp()) / "churn.ahp.toml")
>>> p.add_unit(" Riverside ")
0
>>> p.set_rating(0, "service/attitude", "poor"); p.units[0].ratings
{'service/attitude': 'poor'}
"""

from __future__ import annotations

from collections.abc import Callable

from ahp.errors import AHPError, Phrase, listed
from ahp.io.glossary import worded
from ahp.io.model import Model
from ahp.io.project_data import Unit
from ahp.io.ratings_file import Rating, parse_rating


class UnitRatings:
    """The units and ratings methods of a project (which holds ``units`` and ``model`` and can
    ``keep_copy`` its file before a destructive step)."""

    units: list[Unit]
    model: Model
    keep_copy: Callable[[str], str | None]

    def unit_index(self, name: str) -> int:
        """The index of the unit called ``name``."""
        for i, u in enumerate(self.units):
            if u.name == name:
                return i
        raise AHPError(Phrase("no unit named {name!r}; units: {units}",
                              {"name": name, "units": listed([u.name for u in self.units])}))

    def add_unit(self, name: str) -> int:
        """Add a store, region or segment to rate; returns its index."""
        self.units.append(Unit(new_name(name, [u.name for u in self.units], "unit")))
        return len(self.units) - 1

    def rename_unit(self, old: str, new: str) -> None:
        """Give a unit another (unique) name."""
        i = self.unit_index(old)
        self.units[i].name = new_name(new, [u.name for k, u in enumerate(self.units) if k != i], "unit")

    def remove_unit(self, name: str) -> str | None:
        """Remove a unit and its ratings; returns where the file as it was before was kept
        (:meth:`keep_copy`)."""
        i = self.unit_index(name)
        kept = self.keep_copy(f"remove {name}")
        del self.units[i]
        return kept

    def set_rating(self, unit: int, path: str, grade: Rating | None) -> None:
        """Rate a churn factor of a unit (a grade id or name, or {grade: count}), or clear the
        rating with ``None``."""
        leaf = self.model.root.layout.index.get(path)
        if leaf is None or self.model.root.layout.nodes[leaf].children:
            raise AHPError(Phrase("{path!r} is not a churn factor of the model", {"path": path}))
        ratings = self.units[unit].ratings
        if grade is None:
            ratings.pop(path, None)
            return
        ratings[path] = parse_rating(grade, self.model)

    def import_ratings(self, rows: list[tuple[str, dict[str, Rating]]]) -> tuple[int, int]:
        """Apply checked ratings rows: existing units get the cells given, new units are added.

        Returns (units added, units updated). When a rating given before is replaced, the file
        as it was is kept first (:meth:`keep_copy`; its path is the last of ``kept_copies``).
        """
        before = {u.name: u.ratings for u in self.units}
        if any(before.get(name, {}).get(p, g) != g for name, ratings in rows for p, g in ratings.items()):
            self.keep_copy("ratings import")
        added = updated = 0
        for name, ratings in rows:
            existing = next((u for u in self.units if u.name == name), None)
            if existing is None:
                self.units.append(Unit(name, dict(ratings)))
                added += 1
            else:
                existing.ratings.update(ratings)
                updated += 1
        return added, updated


def new_name(name: str, taken: list[str], noun: str) -> str:
    """``name`` stripped, checked to be non-empty and not ``taken`` by another."""
    if not name.strip():
        raise AHPError(Phrase("a {noun} needs a name", {"noun": worded(noun)}))
    if name.strip() in taken:
        raise AHPError(Phrase("there is already a {noun} named {name!r}", {"noun": worded(noun), "name": name.strip()}))
    return name.strip()
