"""What a project file on disk holds, as the last read or save left it: its text, the tomlkit
document kept between saves, and each respondent's judgments as written.

The writer (tomlkit) is imported when a save first needs the document: reading a project, as
every command does, needs only :mod:`tomllib`.

>>> state = FileState("format = 1")
>>> state.wrote("format = 1", [Respondent("Ann", judgments={"goal": {("service", "price"): 3.0}})])
>>> state.saved
{'Ann': (1.0, {'goal': {('service', 'price'): 3.0}})}
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ahp.errors import Phrase, ProjectFileError
from ahp.io.project_data import Pair, Respondent

if TYPE_CHECKING:
    from ahp.io.model import Model

#: Each respondent's table name -> (weight, judgments) as last written.
Saved = dict[str, tuple[float, dict[str, dict[Pair, float]]]]


class FileState:
    """What the file on disk holds: its ``text``; ``doc``, the parsed document (tomlkit) kept
    between saves; ``saved``, each respondent's table name -> (weight, judgments) as last
    written, so a save touches only the tables that changed. The three always agree.
    """

    def __init__(self, text: str | None) -> None:
        self.text = text
        self.doc: Any = None
        self.saved: Saved = {}

    def wrote(self, text: str, respondents: list[Respondent]) -> None:
        """Record that the file now holds ``text``, written (or read) from ``respondents``."""
        self.text = text
        self.saved = {r.name: (r.weight, {p: dict(v) for p, v in r.judgments.items()}) for r in respondents}
        for r in respondents:
            r.saved_as = r.name

    def lend(self) -> FileState:
        """A copy for a snapshot, which takes the kept document along (the next save of this
        state parses the text again, so no two saves ever edit one document)."""
        copy = FileState(self.text)
        copy.doc, self.doc = self.doc, None
        copy.saved = self.saved
        return copy

    def document(self, model: Model, title: str, path: str) -> Any:
        """The document to bring up to date: parsed once, then kept."""
        if self.doc is None:
            import tomlkit
            from tomlkit.exceptions import TOMLKitError

            from ahp.io.project_new import new_document

            try:
                self.doc = tomlkit.parse(self.text) if self.text is not None else new_document(model, title)
            except (RecursionError, TOMLKitError) as exc:
                why = Phrase("nested too deeply") if isinstance(exc, RecursionError) else str(exc)
                raise ProjectFileError(Phrase("cannot be saved: {why}", {"why": why}), path=path) from None
        return self.doc
