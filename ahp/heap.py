"""How the ``ahp`` process asks the C library's allocator to keep memory it has freed.

The Monte Carlo and the group analyses make and drop stacks of a few megabytes, over and over.
glibc returns the top of the heap to the system as soon as it is free, so every page of the
next stack faults in afresh: on 10,000 draws of the retail-churn project that was about 2,800
page faults and a quarter of the time. Keeping 64 MB of padding at the top of the heap stops
it; the process's peak memory hardly changes, since it only keeps what it has already used.
"""

from __future__ import annotations

import ctypes

#: glibc's ``mallopt`` parameter M_TOP_PAD: bytes to keep (and to ask for) beyond the heap's top.
_M_TOP_PAD = -2
TOP_PAD = 64 << 20


def keep_freed_memory() -> bool:
    """Ask the allocator to keep ``TOP_PAD`` bytes at the top of the heap; ``False`` where the
    C library has no ``mallopt`` (macOS, Windows) or refuses.

    >>> keep_freed_memory() in (True, False)
    True
    """
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError, TypeError):
        return False
    return bool(mallopt(_M_TOP_PAD, TOP_PAD))
