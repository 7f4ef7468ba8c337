"""Hypothesis budgets for the fuzz suite: lean by default, deeper with ``HYPOTHESIS_PROFILE=deep``.

The deep profile raises every test's example count 50 times (``examples`` below scales the
counts the tests ask for by the loaded profile).
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("deep", max_examples=5000, deadline=None)
if os.environ.get("HYPOTHESIS_PROFILE"):
    settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])


def examples(n: int) -> int:
    """``n`` examples under the default profile, proportionally more under a bigger one."""
    return max(1, n * settings.default.max_examples // 100)
