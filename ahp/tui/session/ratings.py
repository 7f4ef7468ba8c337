"""Units (stores, regions, segments) and their ratings on every churn factor, with undo."""

from __future__ import annotations

from ahp.core.hierarchy import Node
from ahp.io.project import Unit
from ahp.io.ratings_file import Rating
from ahp.tui.session.core import SessionCore


class RatingsMixin(SessionCore):
    """The unit on the ratings screen and the rating changes, last last."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        #: The unit (store, region, segment) on the ratings screen.
        self.unit = 0
        #: Rating changes, last last: (unit, leaf path, grade before, grade after).
        self.rating_undo: list[tuple[Unit, str, str | None, str | None]] = []
        #: Bumped by every rating or unit change.
        self.ratings_version = 0

    def leaves(self) -> list[str]:
        """Every churn factor's path, in model order."""
        return [path for path, node, _ in self.tree() if not node.children and path != "goal"]

    def leaf(self, path: str) -> Node:
        """The churn factor (or any node) at ``path``."""
        tree = self.project.model.root.layout
        return tree.nodes[tree.index[path]]

    def rating(self, unit: int, path: str) -> Rating | None:
        """The grade id of a unit's factor, or its counts per grade (``None``: not rated)."""
        return self.project.units[unit].ratings.get(path)

    def set_rating(self, unit: int, path: str, grade: Rating | None) -> bool:
        """Rate (``None``: unrate) one factor of one unit; returns whether anything changed."""
        before = self.rating(unit, path)
        if before == grade:
            return False
        self.project.set_rating(unit, path, grade)
        self.rating_undo.append((self.project.units[unit], path, before, self.rating(unit, path)))
        self.ratings_version += 1
        return True

    def undo_rating(self) -> tuple[int, str] | None:
        """Undo the last rating change; returns (unit index, factor path) or ``None``."""
        while self.rating_undo:
            who, path, before, _after = self.rating_undo.pop()
            index = next((i for i, u in enumerate(self.project.units) if u is who), None)
            if index is None:  # the unit was removed since
                continue
            self.project.set_rating(index, path, before)
            self.ratings_version += 1
            self.unit = index
            return index, path
        return None

    def add_unit(self, name: str) -> int:
        """Add a unit to rate and show it; raises AHPError for an empty or duplicate name."""
        index = self.project.add_unit(name)
        self.unit = index
        self.ratings_version += 1
        return index

    def rename_unit(self, new: str) -> str:
        """Rename the unit on the ratings screen; returns its old name.

        Raises :class:`AHPError` for an empty or duplicate name. The unit keeps its ratings
        and their undo history (which follows the unit, not its name).
        """
        old = self.project.units[self.unit].name
        self.project.rename_unit(old, new)
        self.ratings_version += 1
        return old

    def remove_unit(self, index: int) -> str:
        """Remove a unit and its ratings (and their undo history); returns its name."""
        who = self.project.units[index]
        self.project.remove_unit(who.name)
        self.rating_undo = [e for e in self.rating_undo if e[0] is not who]
        self.unit = max(0, min(self.unit, len(self.project.units) - 1))
        self.ratings_version += 1
        return who.name
