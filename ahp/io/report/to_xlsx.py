"""The report as an Excel workbook: one sheet per part, made with openpyxl.

Headers bold on a shaded row, weights as 0.0000 and CR as 0.000-style number formats, columns
wide enough for Chinese names, the header row of each sheet's first table frozen, and a native
bar chart for each chart. Every cell of user text is written as text: a name such as
``=HYPERLINK(...)`` stays a string (with Excel's quote prefix), never a formula.

>>> from ahp.io.report.document import Part, Table, row
>>> book = workbook((Part("P", "Sheet:1", (Table(("a",), (row("=1+1"),)),)),))
>>> sheet = book["Sheet1"]
>>> sheet["A4"].value, sheet["A4"].data_type, sheet["A4"].quotePrefix, sheet.freeze_panes
('=1+1', 's', True, 'A4')
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ahp.io.report.document import Cell, Chart, Heading, Paragraph, Part, Table, display_width, plain_text

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell as SheetCell
    from openpyxl.worksheet.worksheet import Worksheet

_RISKY_START = ("=", "+", "-", "@", "\t", "\r")


def workbook(parts: tuple[Part, ...]) -> Workbook:
    """A workbook with one sheet per part."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    for part in parts:
        _write_part(book.create_sheet(_sheet_name(part.sheet, taken)), part)
    return book


def _sheet_name(name: str, taken: set[str]) -> str:
    """A legal, unique sheet name: no ``[]:*?/\\``, at most 31 characters."""
    base = re.sub(r"[\[\]:*?/\\]", "", plain_text(name)).strip("'")[:31] or "Sheet"
    name, k = base, 1
    while name.lower() in taken:
        k += 1
        name = f"{base[:28]} {k}"
    taken.add(name.lower())
    return name


def _put(ws: Worksheet, r: int, c: int, cell: Cell):
    """Write one cell: numbers with their format, text always as text."""
    target = ws.cell(row=r, column=c)
    if cell.numeric:
        target.value = cell.value
        target.number_format = cell.fmt or "General"
    else:
        put_text(target, cell.text if cell.value is None or cell.mark == "completed" else str(cell.value))
    return target


def put_text(target: SheetCell, text: str) -> None:
    """Write ``text`` into the cell ``target`` as text, never as a formula: a text starting with
    ``=``, ``+``, ``-`` or ``@`` keeps Excel's quote prefix."""
    target.value = plain_text(text)
    target.data_type = "s"
    target.quotePrefix = target.value.startswith(_RISKY_START)


def _write_part(ws: Worksheet, part: Part) -> None:
    from openpyxl.styles import Font

    _put(ws, 1, 1, Cell(part.title)).font = Font(bold=True, size=14)
    r = 3
    frozen = False
    widths: dict[int, int] = {}
    for block in part.blocks:
        if isinstance(block, Heading):
            _put(ws, r, 1, Cell(block.text)).font = Font(bold=True, size=12)
            r += 1
        elif isinstance(block, Paragraph):
            _put(ws, r, 1, Cell(block.text)).font = Font(color="B42318", bold=True) if block.mark == "bad" else Font(
                italic=block.mark == "muted")
            r += 1
        else:
            table = block if isinstance(block, Table) else _chart_table(block)
            if not frozen and r == 3:
                ws.freeze_panes = f"A{r + 1}"
            frozen = True
            start = r
            r = _write_table(ws, r, table, widths) + 1
            if isinstance(block, Chart):
                _add_chart(ws, block, start, r - 2)
    _fit_columns(ws, widths)
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # printed: every column on the page's width
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    if not frozen:
        ws.freeze_panes = "A2"


def _write_table(ws: Worksheet, r: int, t: Table, widths: dict[int, int]) -> int:
    """Write ``t`` with its header at row ``r``; ``widths`` gains each column's widest text."""
    from openpyxl.styles import Alignment, Font, PatternFill

    fill = PatternFill("solid", fgColor="E8EDF3")
    for c, head in enumerate(t.header, start=1):
        cell = _put(ws, r, c, Cell(head))
        cell.font, cell.fill = Font(bold=True), fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        widths[c] = max(widths.get(c, 0), min(display_width(head), 24))
    for k, values in enumerate(t.rows, start=r + 1):
        for c, value in enumerate(values, start=1):
            cell = _put(ws, k, c, value)
            widths[c] = max(widths.get(c, 0), display_width(value.text))
            if value.right_aligned and not value.numeric:  # judgments such as 1/3 stay text, aligned as numbers
                cell.alignment = Alignment(horizontal="right")
            if value.mark == "bad":
                cell.font = Font(color="B42318", bold=True)
            elif value.mark == "completed":
                cell.font = Font(color="6941C6", italic=True)
            elif value.mark == "strong":
                cell.font = Font(bold=True)
    return r + len(t.rows) + 1


def _chart_table(chart: Chart) -> Table:
    return Table(("", *(chart.names or (chart.title,))),
                 tuple((Cell(label), *(Cell(s[i], chart.fmt) for s in chart.series)) for i,
                       label in enumerate(chart.labels)))


def _add_chart(ws: Worksheet, chart: Chart, header_row: int, last_row: int) -> None:
    from openpyxl.chart import BarChart, Reference

    bars = BarChart()
    bars.type, bars.title = "bar", plain_text(chart.title)
    if len(chart.series) > 1:
        bars.grouping, bars.overlap = "stacked", 100
    bars.y_axis.scaling.min, bars.y_axis.scaling.max = 0, chart.maximum
    bars.x_axis.scaling.orientation = "maxMin"  # first label on top, as in the table
    data = Reference(ws, min_col=2, max_col=1 + len(chart.series), min_row=header_row, max_row=last_row)
    bars.add_data(data, titles_from_data=True)
    bars.set_categories(Reference(ws, min_col=1, min_row=header_row + 1, max_row=last_row))
    bars.height, bars.width = max(6.0, 0.7 * len(chart.labels) + 3), 18.0
    if len(chart.series) == 1:
        bars.legend = None
    ws.add_chart(bars, f"{chr(ord('A') + len(chart.series) + 2)}{header_row}")


def _fit_columns(ws: Worksheet, widths: dict[int, int]) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = min(max(width + 2, 8), 60)
        if width > 58:
            for (cell,) in ws.iter_rows(min_col=column, max_col=column, min_row=2):
                if isinstance(cell.value, str) and display_width(cell.value) > 58:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
