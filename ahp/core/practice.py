"""Named presets of the consistency conventions, and the one place settings are resolved.

A *practice* sets the method-independent conventions: which random index table, which
acceptance rule, which lambda_max. ``saaty`` is Saaty's (RI of 1980, the size-dependent rule of
1994, the principal eigenvalue); ``zh-textbook`` is Chinese textbook practice (姜启源《数学模型》,
许树柏《层次分析法原理》, SPSSAU): Saaty's 1980 RI, CR < 0.10 for every n, and the textbook
lambda_max = (1/n) sum (Aw)_i / w_i with the method's own w. A setting given explicitly wins
over the preset.

>>> c = resolve_settings("zh-textbook", threshold=None)
>>> c.random_index, c.threshold, c.lambda_max
('saaty1980', 'lt0.10', 'textbook')
>>> resolve_settings("zh-textbook", threshold=0.08, random_index="chinese").analysis()
{'random_index': 'gong-xu1986', 'threshold': 0.08, 'lambda_max': 'textbook'}
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ahp.core.consistency import check_lambda_max, ri_table_name
from ahp.core.consistency import threshold as acceptance_limit
from ahp.errors import AHPError, Phrase, listed

#: Each practice's conventions, keyed as in a project's ``[settings]``.
PRESETS: dict[str, dict[str, str]] = {
    "saaty": {"random_index": "saaty1980", "threshold": "saaty1994", "lambda_max": "eigenvalue"},
    "zh-textbook": {"random_index": "saaty1980", "threshold": "lt0.10", "lambda_max": "textbook"},
}
PRACTICES: tuple[str, ...] = tuple(PRESETS)


@dataclass(frozen=True)
class Conventions:
    """The consistency conventions in force: the practice, and each setting it resolved to."""

    practice: str
    random_index: str
    threshold: str | float
    lambda_max: str

    def analysis(self) -> dict[str, str | float]:
        """The keyword arguments of the analysis functions (``synthesize``, ``analyse_stack``, ...)."""
        out = asdict(self)
        del out["practice"]
        return out


def check_practice(practice: str) -> None:
    """Raise :class:`AHPError` for a practice that is not one of :data:`PRACTICES`."""
    if practice not in PRESETS:
        raise AHPError(Phrase("unknown practice {practice!r}; choose one of {choices}",
                              {"practice": practice, "choices": listed(PRACTICES)}))


def resolve_settings(
    practice: str = "saaty",
    *,
    random_index: str | None = None,
    threshold: str | float | None = None,
    lambda_max: str | None = None,
) -> Conventions:
    """The conventions of ``practice``, with every setting given (not ``None``) in its place.

    Each value is checked (an :class:`AHPError` names a bad one); an old table name becomes
    the table's name.
    """
    check_practice(practice)
    preset = PRESETS[practice]
    table = ri_table_name(random_index if random_index is not None else preset["random_index"])
    rule = threshold if threshold is not None else preset["threshold"]
    acceptance_limit(3, rule)  # raises for an unknown rule or a number outside (0, 1)
    convention = lambda_max if lambda_max is not None else preset["lambda_max"]
    check_lambda_max(convention)
    return Conventions(practice, table, rule, convention)
