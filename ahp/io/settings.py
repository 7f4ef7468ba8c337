"""A project's ``[settings]``: how its numbers are made, read, changed and written back.

``practice`` presets the three consistency conventions (``random_index``, ``threshold``,
``lambda_max``; see :mod:`ahp.core.practice`); any of them the file sets on its own wins over
the preset and is remembered as set (``explicit``), so a file that names only its practice
follows that practice, and saving never writes the preset's values into it.

>>> s = Settings().with_changes(practice="zh-textbook")
>>> s.threshold, s.lambda_max, "threshold" in s.file_values()
('lt0.10', 'textbook', False)
>>> t = s.with_changes(threshold=0.08)
>>> t.threshold, t.lambda_max, t.explicit, t.file_values()["threshold"]
(0.08, 'textbook', frozenset({'threshold'}), 0.08)
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ahp.core.completion import COMPLETIONS
from ahp.core.consistency import LAMBDA_MAX_RULES, RI_NAMES, RI_TABLES, THRESHOLD_RULES
from ahp.core.group import AGGREGATIONS, AIP_MEANS, INCONSISTENT_POLICIES
from ahp.core.practice import PRACTICES, Conventions, resolve_settings
from ahp.core.weights import METHODS
from ahp.errors import AHPError, Phrase, Worded, listed, phrase_of
from ahp.io.glossary import LANGUAGES, setting
from ahp.io.model import Validator

#: The settings a practice presets; each set in the file wins over the preset.
CONVENTIONS: tuple[str, ...] = ("random_index", "threshold", "lambda_max")
#: Every setting that is one of a list of names, with the names shown in an error.
CHOICES: dict[str, tuple[str, ...]] = {
    "method": METHODS, "practice": PRACTICES, "random_index": RI_NAMES, "lambda_max": LAMBDA_MAX_RULES,
    "aggregation": AGGREGATIONS, "aip_mean": AIP_MEANS, "inconsistent": INCONSISTENT_POLICIES,
    "completion": COMPLETIONS, "language": LANGUAGES,
}
_SHOWN = {"random_index": RI_TABLES}  # an old table name loads, but is not offered
#: Every key ``[settings]`` may hold.
SETTINGS_KEYS: frozenset[str] = frozenset(CHOICES) | {"threshold"}


@dataclass(frozen=True)
class Settings:
    """How numbers are computed; every report names these.

    ``random_index``, ``threshold`` and ``lambda_max`` are the values in force: those named in
    ``explicit`` as given, the others the ``practice``'s (whatever was given for them). Change
    settings with :meth:`with_changes`, which keeps ``explicit`` up to date.
    """

    method: str = "eigenvector"
    practice: str = "saaty"
    random_index: str = "saaty1980"
    threshold: str | float = "saaty1994"
    lambda_max: str = "eigenvalue"
    aggregation: str = "aij"
    aip_mean: str = "geometric"
    inconsistent: str = "flag"
    completion: str = "lambda-max"
    language: str = "en"
    explicit: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        given = {name: getattr(self, name) for name in self.explicit}
        resolved = resolve_settings(self.practice, **given)
        for name in CONVENTIONS:  # frozen: set once, here
            object.__setattr__(self, name, getattr(resolved, name))

    def as_dict(self) -> dict[str, Any]:
        """Every setting in force as a plain value, keyed as in the file."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__ if name != "explicit"}

    def file_values(self) -> dict[str, Any]:
        """The settings as the file holds them: a convention the practice sets is left out
        unless it was set on its own."""
        return {k: v for k, v in self.as_dict().items() if k not in CONVENTIONS or k in self.explicit}

    def conventions(self) -> Conventions:
        """The practice and the three conventions in force."""
        return Conventions(self.practice, self.random_index, self.threshold, self.lambda_max)

    def analysis(self) -> dict[str, Any]:
        """The keyword arguments of the analysis (``synthesize``, ``analyse_panel``, ...)."""
        return {"method": self.method, "completion": self.completion, **self.conventions().analysis()}

    def with_changes(self, **changes: Any) -> Settings:
        """These settings with ``changes``, each checked (an :class:`AHPError` names a bad one).

        A ``practice`` given brings its preset conventions in place of any set before; a
        convention given is set on its own, over the practice.
        """
        for name, value in changes.items():
            check_setting(name, value)
        kept = frozenset() if "practice" in changes else self.explicit
        return replace(self, **changes, explicit=kept | (changes.keys() & set(CONVENTIONS)))


def check_setting(name: str, value: Any) -> None:
    """Raise :class:`AHPError` naming a setting that does not exist or a value it cannot take.

    >>> check_setting("lambda_max", "power")
    Traceback (most recent call last):
    ahp.errors.AHPError: settings.lambda_max is 'power'; choose one of eigenvalue, textbook
    """
    if name == "threshold":
        if isinstance(value, bool) or not (
            value in THRESHOLD_RULES or (isinstance(value, (int, float)) and 0 < value < 1)
        ):
            raise AHPError(Phrase("settings.threshold is {value!r}; choose {rules} or a number between 0 and 1",
                                  {"value": value, "rules": listed(THRESHOLD_RULES)}))
        return
    if name not in CHOICES:
        raise AHPError(Phrase("settings.{name} is not a setting; the settings are {choices}",
                              {"name": name, "choices": listed(sorted(SETTINGS_KEYS))}))
    if value not in CHOICES[name]:
        raise AHPError(Phrase("settings.{name} is {value!r}; choose one of {choices}",
                              {"name": name, "value": value, "choices": _choices(name)}))


def _choices(name: str) -> Worded:
    """The values setting ``name`` offers; in Chinese each with the name Chinese textbooks give it.

    >>> _choices("method").zh
    'eigenvector（特征根法）、geometric-mean（方根法）、column-mean（和积法）'
    """
    shown = _SHOWN.get(name, CHOICES[name])
    if name != "method":
        return listed(shown)
    return Worded(listed(shown).en, "、".join(f"{c}（{setting('method', c, 'zh')}）" for c in shown))


def parse_settings(data: Any, check: Validator) -> Settings:
    """The ``[settings]`` table of a project file (``None``: absent); errors name the line and key."""
    if data is None:
        return Settings()
    table = check.table(data, ("settings",), set(SETTINGS_KEYS), "[settings]")
    for name, value in table.items():
        try:
            check_setting(name, value)
        except AHPError as exc:
            raise check.fail(("settings", name), phrase_of(exc)) from None
    return Settings().with_changes(**table)


def sync_settings(table: Any, settings: Settings) -> None:
    """Bring a file's ``[settings]`` table (tomlkit) in line with ``settings``, touching only what
    differs: a convention now left to the practice is removed.

    >>> import tomlkit
    >>> doc = tomlkit.parse('[settings]\\nthreshold = "saaty1980"  # mine\\nmethod = "eigenvector"\\n')
    >>> sync_settings(doc["settings"], Settings().with_changes(practice="zh-textbook", method="column-mean"))
    >>> print(tomlkit.dumps(doc).strip())
    [settings]
    method = "column-mean"
    practice = "zh-textbook"
    """
    values = settings.file_values()
    for name in CONVENTIONS:
        if name not in values and name in table:
            del table[name]
    for name, value in values.items():
        # absent, a convention means the practice's; any other setting, its default
        absent = None if name in CONVENTIONS else getattr(Settings, name)
        if table.get(name, absent) != value:
            table[name] = value


def file_language(path: str) -> str | None:
    """The ``[settings] language`` of the project file at ``path``, ``None`` when the file cannot
    be read as TOML or names none (the language of an error found before the project is loaded).

    >>> file_language("no-such.ahp.toml") is None
    True
    """
    import tomllib

    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except (OSError, ValueError, RecursionError):  # tomllib's TOMLDecodeError is a ValueError
        return None
    settings = data.get("settings")
    found = settings.get("language") if isinstance(settings, dict) else None
    return found if found in LANGUAGES else None
