"""The report as a Word document (python-docx): real tables, headings that form the table of
contents (Word's Heading styles), A4 pages with each part on a new page.

Charts are drawn as tables of shaded cells (one cell per 4%): a native Word table that Word
and LibreOffice show alike, prints sharply, and needs no image library. Text goes in as text
(Word evaluates nothing in a run), without the control characters XML cannot hold.

>>> from ahp.io.report.document import Part, Table, row
>>> doc = document("T", (Part("P", "P", (Table(("a", "b"), (row("=cmd|' /C calc'!A0", 0.5),)),)),), "en", "Contents")
>>> [c.text for c in doc.tables[0].rows[1].cells], doc.tables[0].rows[0]._tr.trPr is not None
(["=cmd|' /C calc'!A0", '0.5000'], True)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ahp.io.report.document import Cell, Chart, Heading, Paragraph, Part, Table, display_width, plain_text

if TYPE_CHECKING:
    from docx.document import Document

_CELLS = 25
_PAGE_MM = 174.0  # A4 less the margins
_MM_PER_CHAR = 2.2  # one Latin character of 9-10 pt text, serif or bold; a Chinese one counts two
_COLOURS = ("1F5FA8", "4F8FD6", "8CBBE8", "F0B35A", "D9822B", "B9C2CC")
_MARK_COLOURS = {"bad": "B42318", "completed": "6941C6", "ok": "067647"}


def document(title: str, parts: tuple[Part, ...], language: str, contents: str) -> Document:
    """The Word document: title, contents, then each part from a new page."""
    import docx
    from docx.shared import Mm, Pt

    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(18)
    section.top_margin = section.bottom_margin = Mm(16)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10)
    _east_asian_font(normal, "Microsoft YaHei" if language == "zh" else None)
    doc.add_heading(plain_text(title), level=0)
    doc.add_paragraph(plain_text(contents), style="Heading 2")
    for part in parts:
        doc.add_paragraph(plain_text(part.title), style="List Number")
    for k, part in enumerate(parts):
        heading = doc.add_heading(plain_text(part.title), level=1)
        heading.paragraph_format.page_break_before = k > 0
        for block in part.blocks:
            _block(doc, block)
    return doc


def _east_asian_font(style, name: str | None) -> None:
    if name is None:
        return
    from docx.oxml.ns import qn

    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)


def _block(doc: Document, b) -> None:
    from docx.shared import RGBColor

    if isinstance(b, Heading):
        doc.add_heading(plain_text(b.text), level=min(b.level, 4))
    elif isinstance(b, Paragraph):
        run = doc.add_paragraph().add_run(plain_text(b.text))
        run.bold = b.mark == "bad"
        run.italic = b.mark == "muted"
        if b.mark == "bad":
            run.font.color.rgb = RGBColor.from_string(_MARK_COLOURS["bad"])
    elif isinstance(b, Table):
        _table(doc, b)
    else:
        _chart(doc, b)


def _table(doc: Document, t: Table) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    table = doc.add_table(rows=1 + len(t.rows), cols=len(t.header))
    table.style = "Table Grid"
    _set_widths(table, _column_widths(t))
    _repeat_header(table.rows[0])
    for cell, text in zip(table.rows[0].cells, t.header, strict=False):
        run = cell.paragraphs[0].add_run(plain_text(text))
        run.bold, run.font.size = True, Pt(9)
        _shade(cell, "E8EDF3")
    for line, values in zip(table.rows[1:], t.rows, strict=False):
        for cell, value in zip(line.cells, values, strict=False):
            paragraph = cell.paragraphs[0]
            run = paragraph.add_run(plain_text(value.text))
            run.font.size = Pt(9)
            if value.right_aligned:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            run.bold = value.mark in ("bad", "strong")
            run.italic = value.mark == "completed"
            if value.mark in _MARK_COLOURS:
                run.font.color.rgb = RGBColor.from_string(_MARK_COLOURS[value.mark])
    doc.add_paragraph()


def _column_widths(t: Table) -> list[float]:
    """Millimetres per column: each as wide as its longest cell (up to 40 characters) or the
    longest word of its header; when that is wider than the page's 174 mm, the text columns
    share what the narrow ones leave."""
    want = [max(max((round(1.2 * display_width(w)) + 1 for w in h.split()), default=0),  # bold: wider
                min(max((display_width(r[k].text) for r in t.rows), default=0), 40)) for k, h in enumerate(t.header)]
    natural = [_MM_PER_CHAR * w + 4 for w in want]
    if sum(natural) <= _PAGE_MM:
        return natural
    narrow = sum(mm for w, mm in zip(want, natural, strict=False) if w <= 12)
    wide = sum(w for w in want if w > 12)
    return [mm if w <= 12 else max(12.0, (_PAGE_MM - narrow) * w / wide) for w, mm in zip(want, natural, strict=False)]


def _set_widths(table, millimetres: list[float]) -> None:
    """Fixed column widths that Word and LibreOffice both honour (grid and every cell)."""
    from docx.shared import Mm

    table.autofit = False
    for column, width in zip(table.columns, millimetres, strict=False):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)


def _repeat_header(row) -> None:
    """Word repeats this row at the top of every page the table runs onto."""
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def _shade(cell, colour: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _chart(doc: Document, chart: Chart) -> None:
    """Bars of shaded cells: a label column, ``_CELLS`` cells of 4% each, and the value (or a legend)."""
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.shared import Mm, Pt, RGBColor

    doc.add_paragraph(plain_text(chart.title)).runs[0].bold = True
    if chart.names:
        legend = doc.add_paragraph()
        for s, name in enumerate(chart.names):
            mark = legend.add_run("■ ")
            mark.font.color.rgb = RGBColor.from_string(_COLOURS[s % len(_COLOURS)])
            legend.add_run(plain_text(name) + "   ")
    table = doc.add_table(rows=len(chart.labels), cols=_CELLS + 2)
    _set_widths(table, [55.0] + [4.0] * _CELLS + [16.0])
    for i, label in enumerate(chart.labels):
        table.rows[i].height, table.rows[i].height_rule = Mm(6), WD_ROW_HEIGHT_RULE.AT_LEAST
        cells = table.rows[i].cells
        cells[0].paragraphs[0].add_run(plain_text(label)).font.size = Pt(8)
        edge = 0.0
        for s, values in enumerate(chart.series):
            start = round(edge / chart.maximum * _CELLS)
            edge += values[i] if values[i] == values[i] else 0.0
            for k in range(start, min(round(edge / chart.maximum * _CELLS), _CELLS)):
                _shade(cells[1 + k], _COLOURS[s % len(_COLOURS)])
        if len(chart.series) == 1:
            cells[-1].paragraphs[0].add_run(Cell(chart.series[0][i], chart.fmt).text).font.size = Pt(8)
    doc.add_paragraph()

