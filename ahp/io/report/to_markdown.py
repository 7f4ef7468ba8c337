"""The report as GitHub-flavoured Markdown: the same parts and tables as every other format.

A chart becomes the table of its numbers (Markdown has no pictures of its own).

>>> from ahp.io.report.document import Part, Paragraph
>>> print(render_markdown("T <x>", (Part("A|B", "s", (Paragraph("p"),)),)))
# T &lt;x&gt;
<BLANKLINE>
## A\\|B
<BLANKLINE>
p
<BLANKLINE>
"""

from __future__ import annotations

from ahp.io import markdown as md
from ahp.io.report.document import Block, Cell, Chart, Heading, Paragraph, Part, Table


def render_markdown(title: str, parts: tuple[Part, ...]) -> str:
    """The report's text; every piece of user text escaped by :mod:`ahp.io.markdown`."""
    lines = [f"# {md.escape(title)}", ""]
    for part in parts:
        lines += [f"## {md.escape(part.title)}", ""]
        for block in part.blocks:
            lines += _block(block) + [""]
    return "\n".join(lines)


def _block(b: Block) -> list[str]:
    if isinstance(b, Heading):
        return ["#" * min(b.level + 1, 6) + " " + md.escape(b.text)]
    if isinstance(b, Paragraph):
        return [f"**{md.escape(b.text)}**" if b.mark == "bad" else md.escape(b.text)]
    if isinstance(b, Table):
        return md.table(b.header, [[_cell(c) for c in r] for r in b.rows], b.numeric_columns)
    return _chart(b)


def _cell(c: Cell) -> str:
    return f"**{c.text}**" if c.mark == "bad" else c.text


def _chart(c: Chart) -> list[str]:
    names = c.names or ("",)
    return [md.escape(c.title), "", *md.table(("", *names), [
        [label, *(Cell(s[i], c.fmt).text for s in c.series)] for i, label in enumerate(c.labels)], range(1,
            len(names) + 1))]
