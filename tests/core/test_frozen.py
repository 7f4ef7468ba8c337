"""frozen_maker builds the same frozen instances as the dataclass's own __init__."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import numpy as np
import pytest

from ahp.core.frozen import frozen_maker
from ahp.core.priorities import PriorityResult, priorities


@dataclass(frozen=True)
class _Awkward:
    """Field names that are also the names a generated function might use."""

    obj: int
    cls: str
    make: float
    new: tuple = ()
    extra: list = field(default_factory=list)


def test_same_instance_as_the_constructor_and_still_frozen():
    made = frozen_maker(_Awkward)(1, "c", 2.5, (3,), [4])
    assert made == _Awkward(1, "c", 2.5, (3,), [4])
    assert type(made) is _Awkward and dataclasses.asdict(made)["extra"] == [4]
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.obj = 2  # type: ignore[misc]


def test_every_field_is_required_in_order():
    make = frozen_maker(_Awkward)
    with pytest.raises(TypeError):
        make(1, "c")


def test_priority_results_hold_every_field():
    r = priorities(np.array([[1, 2], [1 / 2, 1]]))
    assert set(vars(r)) == {f.name for f in dataclasses.fields(PriorityResult)}
    assert r.weights.tolist() == pytest.approx([2 / 3, 1 / 3]) and r.suggestions == ()
