"""Quick construction of frozen dataclass instances, for results made by the thousand.

A frozen dataclass's ``__init__`` sets every field through ``object.__setattr__``, which costs
about a microsecond per ten fields; a hierarchy's synthesis makes some thirty such results.
Filling the instance's ``__dict__`` in one go gives the same object, still frozen, in half the
time. Only for classes without ``__post_init__``, ``InitVar`` or ``slots``, given every field.

>>> from dataclasses import dataclass
>>> @dataclass(frozen=True)
... class Point:
...     x: float
...     y: float
>>> p = frozen_instance(Point, 1.0, 2.0)
>>> p == Point(1.0, 2.0), p
(True, Point(x=1.0, y=2.0))
"""

from __future__ import annotations

import functools
from dataclasses import fields
from typing import TypeVar

T = TypeVar("T")


@functools.cache
def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def frozen_instance(cls: type[T], *values: object) -> T:
    """An instance of the frozen dataclass ``cls`` from the values of all its fields, in order."""
    names = _names(cls)
    if len(values) != len(names):
        raise TypeError(f"{cls.__name__} has {len(names)} fields; {len(values)} values given")
    obj = object.__new__(cls)
    obj.__dict__.update(zip(names, values))
    return obj
