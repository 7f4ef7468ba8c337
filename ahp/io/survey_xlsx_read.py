"""Reading a filled questionnaire (:mod:`ahp.io.survey_xlsx`) back: the respondent's name and
judgments, or every problem, each naming the sheet, the row or cell, and the pair.

Pairs are found by the hidden ids column, never by names or the order of rows. An answer is one
of the dropdown's answers (in either language), or a number on the scale typed by hand (``3``,
``1/3``, ``0.333``: how many times A matters more than B); an empty answer is a missing
judgment. Each problem is a :class:`~ahp.errors.Phrase`, worded in the output's language when printed.

>>> import tempfile, pathlib
>>> from ahp.io.model import load_model
>>> from ahp.io.survey_xlsx import answers, questionnaire
>>> book = questionnaire("Acme", load_model(), "en", respondent="Ann")
>>> book["Questions"]["F3"] = answers("en")[6][0]  # service vs quality: A over B, 3
>>> path = pathlib.Path(tempfile.mkdtemp()) / "ann.xlsx"
>>> book.save(path)
>>> read_questionnaire(str(path), load_model())
('Ann', 1.0, {'goal': {('service', 'quality'): 3.0}})
>>> try:
...     read_questionnaire(str(path), load_model(), {"Ann": ""})
... except SurveyError as exc:
...     print(*exc.problems)
sheet 'Instructions', cell B4: 'Ann' is already a respondent of the project; use --replace to replace their answers
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

from ahp.core.hierarchy import walk
from ahp.core.scale import on_scale, parse_value
from ahp.errors import JudgmentError, Phrase, SurveyError, Worded, listed
from ahp.io.glossary import LANGUAGES, say, worded
from ahp.io.survey import pair_columns
from ahp.io.survey_xlsx import ANSWER_COLUMN, IDS_COLUMN, IDS_MARK, NAME_CELL, answers

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell as SheetCell
    from openpyxl.worksheet.worksheet import Worksheet

    from ahp.io.model import Model

Judgments = dict[str, dict[tuple[str, str], float]]
#: Every answer of the dropdown, in either language, and the judgment it means.
_ANSWERS: dict[str, float] = {label: value for language in LANGUAGES for label, value in answers(language)}


def read_questionnaire(
    path: str, model: Model, taken: Mapping[str, str] | None = None,
) -> tuple[str, float, Judgments]:
    """The respondent named in the workbook at ``path``, weight 1, and their judgments.

    ``taken``: the names already used, each with the file it came from (``""``: the project).
    Raises :class:`SurveyError` with every problem; nothing is read partly.
    """
    book = _open(path)
    sheet_language = _sheet_language(book)
    instructions = book[say("survey.sheet.instructions", sheet_language)]
    questions = book[say("survey.sheet.questions", sheet_language)]
    _check_model(questions, model)
    problems: list[Phrase] = []
    name = _name(instructions, taken or {}, problems)
    judgments = _judgments(questions, model, sheet_language, problems)
    if problems:
        raise SurveyError(Phrase("{k} problem(s) in the file; nothing imported", {"k": len(problems)}), problems)
    return name, 1.0, judgments


def _open(path: str) -> Workbook:
    """The workbook, or a one-line error saying why it cannot be read."""
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return load_workbook(path)
    except FileNotFoundError:
        raise SurveyError(Phrase("no such file"), []) from None
    except IsADirectoryError:
        raise SurveyError(Phrase("is a folder, not a file"), []) from None
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError, EOFError, OSError):
        raise SurveyError(Phrase("cannot be read as an Excel workbook (.xlsx); nothing imported"), []) from None


def _sheet_language(book: Workbook) -> str:
    """The language the questionnaire was made in, told by its sheets' names."""
    for candidate in LANGUAGES:
        names = [say(f"survey.sheet.{key}", candidate) for key in ("instructions", "questions")]
        if all(name in book.sheetnames for name in names):
            return candidate
    raise SurveyError(Phrase("is not a questionnaire of ahp export-survey: it has no sheet '{sheet}'; nothing imported",
                             {"sheet": worded("survey.sheet.instructions"), "command": "ahp export-survey"}), [])


def _check_model(questions: Worksheet, model: Model) -> None:
    """Refuse a questionnaire made for another model (its hidden ids column says which)."""
    mark = questions[f"{IDS_COLUMN}1"].value
    if not isinstance(mark, str) or not mark.startswith(IDS_MARK):
        raise SurveyError(Phrase("is not a questionnaire of ahp export-survey: sheet '{sheet}' has no pair ids in its "
                                 "hidden column {column}; nothing imported",
                                 {"sheet": questions.title, "column": IDS_COLUMN, "command": "ahp export-survey"}), [])
    if mark.removeprefix(IDS_MARK) != model.id:
        raise SurveyError(Phrase("is a questionnaire of the model '{found}', not of this project's model '{model}'; "
                                 "nothing imported", {"found": mark.removeprefix(IDS_MARK), "model": model.id}), [])


def _name(instructions: Worksheet, taken: Mapping[str, str], problems: list[Phrase]) -> str:
    """The respondent's name from the name cell; a problem when it is empty or already used."""
    cell = instructions[NAME_CELL]
    at = Phrase("sheet '{sheet}', cell {cell}", {"sheet": instructions.title, "cell": NAME_CELL})
    if cell.data_type == "f":
        problems.append(Phrase("{at}: holds a formula; type the answer itself", {"at": at}))
        return ""
    name = " ".join(str(cell.value if cell.value is not None else "").split())
    if not name:
        problems.append(Phrase("{at}: no respondent name; type the name of the person who answered", {"at": at}))
    elif name in taken:
        text = ("{at}: '{name}' is also the respondent of {other}" if taken[name]
                else "{at}: '{name}' is already a respondent of the project; use --replace to replace their answers")
        problems.append(Phrase(text, {"at": at, "name": name, "other": taken[name]}))
    return name


def _judgments(
    questions: Worksheet, model: Model, sheet_language: str, problems: list[Phrase],
) -> Judgments:
    """Every answered pair's judgment; unknown, repeated or missing pairs and bad answers go to ``problems``."""
    pairs = {pair.header: pair for pair in pair_columns(model.root)}
    nodes = {path: node for path, node, _ in walk(model.root)}
    seen: dict[str, int] = {}
    judgments: Judgments = {}
    for row in range(2, questions.max_row + 1):
        ids = questions[f"{IDS_COLUMN}{row}"].value
        if ids is None or not str(ids).strip():
            continue  # a part's heading
        ids = str(ids).strip()
        at = Phrase("sheet '{sheet}', row {row}", {"sheet": questions.title, "row": row})
        if ids not in pairs:
            problems.append(Phrase("{at}: the pair '{ids}' is not in this project's model: the questionnaire was made "
                                   "for another model, or the model changed since it was exported",
                                   {"at": at, "ids": ids}))
        elif ids in seen:
            problems.append(Phrase("{at}: the same pair as row {first}", {"at": at, "first": seen[ids]}))
        else:
            seen[ids] = row
            pair = pairs[ids]
            names = {c.id: Worded(c.label("en"), c.label("zh")) for c in nodes[pair.path].children}
            where = Phrase("sheet '{sheet}', row {row}, column {column}, pair '{a}' vs '{b}'", {
                "sheet": questions.title, "row": row, "column": ANSWER_COLUMN, "a": names[pair.a], "b": names[pair.b]})
            value = _answer(questions[f"{ANSWER_COLUMN}{row}"], where, sheet_language, problems)
            if value is not None:
                judgments.setdefault(pair.path, {})[(pair.a, pair.b)] = value
    lacking = [header for header in pairs if header not in seen]
    at = Phrase("sheet '{sheet}'", {"sheet": questions.title})
    if lacking:
        problems.append(Phrase("{at}: {k} pair(s) of this project's model are missing (first: '{ids}'): the model "
                               "changed since the questionnaire was exported; export it again",
                               {"at": at, "k": len(lacking), "ids": lacking[0]}))
    elif not judgments and not problems:  # most likely the blank questionnaire sent back; once imported, the
        problems.append(Phrase("{at}: no question is answered; was the blank questionnaire sent back?",
                               {"at": at}))  # name would refuse the filled one
    return judgments


def _answer(cell: SheetCell, at: Phrase, sheet_language: str, problems: list[Phrase]) -> float | None:
    """The judgment an answer cell holds (A over B), ``None`` when it is empty; a problem when it
    is neither an answer of the list nor a number on the scale."""
    value = cell.value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if cell.data_type == "f":
        problems.append(Phrase("{at}: holds a formula; type the answer itself", {"at": at}))
        return None
    text = " ".join(str(value).split())
    if text in _ANSWERS:
        return _ANSWERS[text]
    number = _number(value)
    if number > 0 and on_scale(number):
        return number
    labels = [label for label, _ in answers(sheet_language)]
    problems.append(Phrase("{at}: '{text}' is neither an answer of the list ({labels}) nor a number from 1/9 to 9",
                           {"at": at, "text": text, "labels": listed(labels)}))
    return None


def _number(value: object) -> float:
    """A typed number (``3``, ``"1/3"``, ``"0.333"``), ``nan`` for anything else."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return math.nan
    try:
        number = parse_value(value)
    except JudgmentError:
        return math.nan
    return number if math.isfinite(number) else math.nan

