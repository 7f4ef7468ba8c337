"""The questionnaire as an Excel workbook, for managers who never open a terminal.

Three sheets, every word in the chosen language (:mod:`ahp.io.glossary.survey`):

- the instructions (说明): the project, the respondent's name cell (:data:`NAME_CELL`, the one
  cell to fill there), the steps, the 9-1-9 scale with its verbal labels, a worked example and
  how to send the workbook back;
- the questions (问卷): one row per pair, criteria first and then each criterion's factors, with
  both elements' names and descriptions and the answer cell, a dropdown of the :func:`answers`;
  column :data:`IDS_COLUMN`, hidden, holds each pair's ids (``service vs quality``, as the CSV
  survey names them) and its header the model's id: reading it back depends on neither the names
  nor the order of the rows;
- the answers of the dropdown, hidden.

Sheets are protected (no password: it only keeps a slip of the mouse from moving things) and
only the answer cells and the name cell are open. Text is always text, never a formula.

>>> from ahp.io.model import load_model
>>> book = questionnaire("Acme", load_model(), "zh", respondent="王店长")
>>> book.sheetnames, book["说明"][NAME_CELL].value
(['说明', '问卷', '选项'], '王店长')
>>> questions = book["问卷"]
>>> [questions.cell(3, c).value for c in (2, 4, 7)]
['服务', '质量', 'service vs quality']
>>> questions.column_dimensions[IDS_COLUMN].hidden, answers("zh")[0]
(True, ('A 比 B 极端重要（9）', 9.0))
"""

from __future__ import annotations

import io
import math
from typing import TYPE_CHECKING

from ahp.core.hierarchy import ROOT, walk
from ahp.core.scale import verbal
from ahp.io.glossary import say
from ahp.io.report.document import display_width
from ahp.io.survey import pair_columns

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell as SheetCell
    from openpyxl.worksheet.worksheet import Worksheet

    from ahp.io.model import Model

#: Where the respondent writes their name, on the instruction sheet.
NAME_CELL = "B4"
#: The questions sheet's columns: number, A, what A means, B, what B means, answer, hidden ids.
ANSWER_COLUMN, IDS_COLUMN = "F", "G"
#: What the hidden ids column's header starts with; the model's id follows.
IDS_MARK = "ahp-survey:"
_WIDTHS = {"A": 6, "B": 22, "C": 42, "D": 22, "E": 42}  # and the answer column, as wide as the longest answer
_INSTRUCTION_WIDTHS = {"A": 16, "B": 90}
_HEADER_FILL, _PART_FILL, _ANSWER_FILL, _HEADING_COLOUR = "DCE6F0", "EEF2F7", "FFF7D6", "1F3A5F"
#: Fonts every office suite has or substitutes with the same metrics; 微软雅黑 for Chinese.
_FONTS = {"en": "Arial", "zh": "Microsoft YaHei"}


#: Where "equal" sits among the :func:`answers`: after A's side, 9 down to 2.
_EQUAL = 8


def answers(language: str = "en") -> list[tuple[str, float]]:
    """The dropdown's answers with the judgment each means (A over B): A's side from 9 down,
    equal, then B's side up to 9, each the scale's verbal label in a sentence.

    >>> [label for label, _ in answers("en")][7:9]
    ['A more important than B: equal to moderate (2)', 'A and B: equal (1)']
    >>> answers("zh")[9]
    ('B 比 A 同等至稍微重要（2）', 0.5)
    """
    a_side = [(say("survey.a over b", language, verbal=verbal(k, language), k=k), float(k)) for k in range(9, 1, -1)]
    b_side = [(say("survey.b over a", language, verbal=verbal(k, language), k=k), 1 / k) for k in range(2, 10)]
    return [*a_side, (say("survey.equal", language, verbal=verbal(1, language)), 1.0), *b_side]


def questionnaire(title: str, model: Model, language: str = "en", respondent: str | None = None) -> Workbook:
    """The workbook for ``model``, headed by ``title``, its name cell holding ``respondent``."""
    from openpyxl import Workbook
    from openpyxl.workbook.protection import WorkbookProtection

    book = Workbook()
    instructions = book.active
    instructions.title = say("survey.sheet.instructions", language)
    questions = book.create_sheet(say("survey.sheet.questions", language))
    choices = book.create_sheet(say("survey.sheet.answers", language))
    for r, (label, _) in enumerate(answers(language), start=1):
        _text(choices.cell(r, 1), label, language)
    choices.sheet_state = "hidden"
    _write_instructions(instructions, title, model, language, respondent)
    _write_questions(questions, model, language, f"'{choices.title}'!$A$1:$A${len(answers(language))}")
    for sheet in (instructions, questions, choices):
        sheet.protection.sheet = True
        sheet.protection.formatColumns = sheet.protection.formatRows = False  # widening a column stays possible
    book.security = WorkbookProtection(lockStructure=True)  # sheets cannot be renamed, moved or unhidden
    book.active = 0
    return book


def write_questionnaire(
    path: str, title: str, model: Model, language: str = "en", respondent: str | None = None,
) -> None:
    """Write :func:`questionnaire` to ``path`` atomically; a file it replaces (perhaps a filled one)
    is kept as ``.bak``."""
    from ahp.io.atomic import write_atomic

    buffer = io.BytesIO()
    questionnaire(title, model, language, respondent).save(buffer)
    write_atomic(path, buffer.getvalue())


def _text(target: SheetCell, text: str, language: str, **style: object) -> SheetCell:
    """Write ``text`` as text (never a formula, :func:`ahp.io.report.to_xlsx.put_text`) wrapped at the
    top of the cell, in the language's font with ``style`` (bold, size, colour...); returns the cell."""
    from openpyxl.styles import Alignment, Font

    from ahp.io.report.to_xlsx import put_text

    put_text(target, text)
    target.alignment = Alignment(wrap_text=True, vertical="top")
    target.font = Font(name=_FONTS[language], **style)
    return target


def _number(target: SheetCell, number: int, language: str) -> SheetCell:
    """A whole number as a number (as text, spreadsheets flag it as a number stored as text)."""
    from openpyxl.styles import Alignment, Font

    target.value = number
    target.alignment = Alignment(horizontal="left", vertical="top")
    target.font = Font(name=_FONTS[language])
    return target


def _fit_height(ws: Worksheet, row: int, widths: dict[str, int], points: float = 15.0) -> None:
    """Give ``row`` the height its longest wrapped cell needs (spreadsheets do not work it out
    for text written by a program); a column of width w holds about 1.1 w narrow characters."""
    lines = 1
    for letter, width in widths.items():
        text = ws[f"{letter}{row}"].value
        if isinstance(text, str):
            lines = max(lines, sum(math.ceil(max(display_width(part), 1) / (1.1 * width)) for part in text.split("\n")))
    ws.row_dimensions[row].height = points * lines + 3


def _write_instructions(ws: Worksheet, title: str, model: Model, language: str, respondent: str | None) -> None:
    from openpyxl.styles import Border, PatternFill, Protection, Side

    for letter, width in _INSTRUCTION_WIDTHS.items():
        ws.column_dimensions[letter].width = width
    goal, explained = model.root.label(language), model.root.explain(language)
    _text(ws["A1"], title, language, bold=True, size=16)
    _text(ws["A2"], say("survey.goal explained" if explained else "survey.goal", language, goal=goal,
                        explained=explained), language)
    _text(ws["A3"], say("survey.purpose", language, goal=goal), language)
    for row in (1, 2, 3):
        ws.merge_cells(f"A{row}:B{row}")
    _text(ws["A4"], say("survey.name", language), language, bold=True)
    name = _text(ws[NAME_CELL], respondent or "", language, bold=True, size=13)
    thick = Side(style="medium", color="B7791F")
    name.fill, name.border = PatternFill("solid", fgColor=_ANSWER_FILL), Border(thick, thick, thick, thick)
    name.protection = Protection(locked=False)
    _text(ws["B5"], say("survey.name hint", language), language, color="B42318", bold=True)
    r = _section(ws, 7, say("survey.how", language), language)
    equal = answers(language)[_EQUAL][0]
    pairs = pair_columns(model.root)
    steps = [say("survey.step 1", language, questions=say("survey.sheet.questions", language), n=len(pairs),
                 parts=len({pair.path for pair in pairs})),
             say("survey.step 2", language, answer=say("survey.col answer", language), equal=equal),
             say("survey.step 3", language)]
    for k, step in enumerate(steps, start=1):
        _text(ws.cell(r, 1), f"{k}.", language), _text(ws.cell(r, 2), step, language)
        r += 1
    r = _section(ws, r + 1, say("survey.scale", language), language)
    for c, head in enumerate((say("survey.scale number", language), say("survey.scale meaning", language)), start=1):
        _text(ws.cell(r, c), head, language, bold=True).fill = PatternFill("solid", fgColor=_HEADER_FILL)
    for k in range(1, 10):
        _number(ws.cell(r + k, 1), k, language), _text(ws.cell(r + k, 2), verbal(k, language), language)
    _text(ws.cell(r + 10, 2), say("survey.both ways", language), language)
    r = _example(ws, _section(ws, r + 12, say("survey.example", language), language), language)
    r = _section(ws, r + 1, say("survey.return", language), language)
    _text(ws.cell(r, 2), say("survey.return text", language), language)
    for row in range(1, r + 1):
        _fit_height(ws, row, _INSTRUCTION_WIDTHS if row > 3 else {"A": sum(_INSTRUCTION_WIDTHS.values())},
                    20.0 if row == 1 else 15.0)
    ws.sheet_view.showGridLines = False
    _print_setup(ws)


def _section(ws: Worksheet, r: int, heading: str, language: str) -> int:
    """A heading at row ``r``; returns the row after it."""
    _text(ws.cell(r, 1), heading, language, bold=True, size=12, color=_HEADING_COLOUR)
    return r + 1


def _example(ws: Worksheet, r: int, language: str) -> int:
    """One worked answer, laid out as a row of the questions sheet is read; returns the next row."""
    a, b = say("survey.example a", language), say("survey.example b", language)
    label, value = next((label, value) for label, value in answers(language) if value == 7)  # A over B: very strong
    _text(ws.cell(r, 2), say("survey.example intro", language), language)
    rows = [(say("survey.col a", language), a), (say("survey.col b", language), b),
            (say("survey.example answer", language), label)]
    for k, (head, text) in enumerate(rows, start=r + 1):
        _text(ws.cell(k, 1), head, language, bold=True), _text(ws.cell(k, 2), text, language)
    means = say("survey.example means", language, a=a, b=b, verbal=verbal(value, language), k=int(value))
    _text(ws.cell(r + 4, 2), means, language, italic=True)
    return r + 5


def _write_questions(ws: Worksheet, model: Model, language: str, choices: str) -> None:
    from openpyxl.styles import PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    widths = {**_WIDTHS, ANSWER_COLUMN: max(display_width(label) for label, _ in answers(language)) + 3}
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width
    heads = ("survey.col number", "survey.col a", "survey.col a means", "survey.col b", "survey.col b means",
             "survey.col answer")
    for c, key in enumerate(heads, start=1):
        _text(ws.cell(1, c), say(key, language), language, bold=True).fill = PatternFill("solid", fgColor=_HEADER_FILL)
    _text(ws[f"{IDS_COLUMN}1"], f"{IDS_MARK}{model.id}", language)
    ws.column_dimensions[IDS_COLUMN].hidden = True
    dropdown = DataValidation(type="list", formula1=choices, allow_blank=True, showInputMessage=True,
                              showErrorMessage=True, errorStyle="stop",
                              promptTitle=say("survey.prompt title", language), prompt=say("survey.prompt", language),
                              errorTitle=say("survey.error title", language), error=say("survey.error", language))
    ws.add_data_validation(dropdown)
    nodes = {path: node for path, node, _ in walk(model.root)}
    r, last = 2, []
    for number, pair in enumerate(pair_columns(model.root), start=1):
        parent = nodes[pair.path]
        if not last or pair.path != last[-1]:
            last.append(pair.path)
            heading = say("survey.part goal", language, k=len(last), goal=parent.label(language)) \
                if pair.path == ROOT else say("survey.part node", language, k=len(last), parent=parent.label(language))
            _text(ws.cell(r, 1), heading, language, bold=True, color=_HEADING_COLOUR)
            for c in range(1, 7):
                ws.cell(r, c).fill = PatternFill("solid", fgColor=_PART_FILL)
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
            r += 1
        a, b = (next(c for c in parent.children if c.id == x) for x in (pair.a, pair.b))
        _number(ws.cell(r, 1), number, language)
        for c, text in enumerate((a.label(language), a.explain(language), b.label(language), b.explain(language)),
                                 start=2):
            _text(ws.cell(r, c), text, language, bold=c in (2, 4))
        dropdown.add(_answer_cell(ws[f"{ANSWER_COLUMN}{r}"], language))
        _text(ws[f"{IDS_COLUMN}{r}"], pair.header, language)
        _fit_height(ws, r, _WIDTHS)  # the answer column holds any answer on one line
        r += 1
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    _print_setup(ws, landscape=True)


def _answer_cell(cell: SheetCell, language: str) -> SheetCell:
    """An empty answer cell: open under the sheet's protection, shaded, and text as typed (a typed
    1/3 stays 1/3 instead of becoming a date)."""
    from openpyxl.styles import Alignment, Font, PatternFill, Protection

    cell.fill, cell.protection = PatternFill("solid", fgColor=_ANSWER_FILL), Protection(locked=False)
    cell.number_format = "@"
    cell.font, cell.alignment = Font(name=_FONTS[language]), Alignment(wrap_text=True, vertical="top")
    return cell


def _print_setup(ws: Worksheet, landscape: bool = False) -> None:
    """Printed on A4, every column on the page's width."""
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    if landscape:
        ws.page_setup.orientation = "landscape"
