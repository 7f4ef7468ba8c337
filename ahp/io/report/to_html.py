"""The report as one self-contained HTML file: inline CSS and SVG, nothing fetched, no scripts.

On screen it reads on a phone (tables scroll sideways inside their box, charts scale with the
page); printed (the browser's "Save as PDF") it gives A4 pages with each part on a new page,
header rows repeated when a table runs over a page, and small tables kept whole.

>>> from ahp.io.report.document import Chart
>>> svg = svg_chart(Chart("t", ("<b>",), ((0.5,),)))
>>> 'viewBox="0 0 640 ' in svg and 'width' not in svg.split(">")[0] and "&lt;b&gt;" in svg
True
"""

from __future__ import annotations

import html
import math

from ahp.io.report.document import Block, Cell, Chart, Heading, Paragraph, Part, Table

_CSS = """
body{font-family:"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei","PingFang SC",system-ui,sans-serif;
margin:2rem auto;max-width:62rem;color:#1d2430;line-height:1.45;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}
h2{font-size:1.3rem;margin-top:2rem;border-bottom:2px solid #dde3ea;padding-bottom:.2rem}
h3{font-size:1.05rem;margin:1.2rem 0 .3rem}h4{font-size:.95rem;margin:1rem 0 .2rem}
p{margin:.3rem 0}.muted{color:#5b6675;font-size:.88rem}p.bad{color:#b42318;font-weight:600}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:.4rem 0;font-size:.88rem}
th,td{padding:.22rem .55rem;border-bottom:1px solid #e6eaef;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #9aa6b5;background:#f4f6f9}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}td.num{white-space:nowrap}
td:first-child{min-width:7em}
td.bad{color:#b42318;font-weight:700}td.ok{color:#067647}td.completed{color:#6941c6;font-style:italic}
td.strong{font-weight:600}
figure{margin:.6rem 0;max-width:46rem}figcaption{font-size:.88rem;color:#5b6675}
svg.chart{display:block;width:100%;height:auto}svg.chart text{font-size:13px;fill:#1d2430}
nav ol{margin:.2rem 0 0 1.2rem;padding:0}
@page{size:A4;margin:15mm 13mm}
@media print{
 body{margin:0;max-width:none;padding:0;font-size:10pt}
 section.part{break-before:page}
 section.part:first-of-type{break-before:auto}
 .scroll{overflow:visible}
 thead{display:table-header-group}
 tr,figure,table.keep{break-inside:avoid}
 h1,h2,h3,h4{break-after:avoid}
 a{color:inherit;text-decoration:none}
}
"""
_COLOURS = ("#1f5fa8", "#4f8fd6", "#8cbbe8", "#f0b35a", "#d9822b", "#b9c2cc")
_KEEP_ROWS = 20


def render_html(title: str, parts: tuple[Part, ...], language: str, contents: str) -> str:
    """The page: title, a table of contents linking to each part, then the parts."""
    toc = "".join(f'<li><a href="#part{k}">{_e(p.title)}</a></li>' for k, p in enumerate(parts))
    body = "".join(
        f'<section class="part" id="part{k}"><h2>{_e(p.title)}</h2>{"".join(_block(b) for b in p.blocks)}</section>'
        for k, p in enumerate(parts)
    )
    lang = "zh-CN" if language == "zh" else "en"
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>"
            f"<h1>{_e(title)}</h1><nav><strong>{_e(contents)}</strong><ol>{toc}</ol></nav>{body}</body></html>\n")


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _block(b: Block) -> str:
    if isinstance(b, Heading):
        level = min(b.level + 1, 4)
        return f"<h{level}>{_e(b.text)}</h{level}>"
    if isinstance(b, Paragraph):
        return f'<p class="{b.mark}">{_e(b.text)}</p>' if b.mark else f"<p>{_e(b.text)}</p>"
    if isinstance(b, Table):
        return _table(b)
    return f"<figure>{svg_chart(b)}<figcaption>{_e(b.title)}</figcaption></figure>"


def _classes(cell: Cell) -> str:
    names = [n for n in ("num" if cell.right_aligned else "", cell.mark) if n]
    return f' class="{" ".join(names)}"' if names else ""


def _table(t: Table) -> str:
    numeric = t.numeric_columns
    head = "".join(f'<th{" class=num" if k in numeric else ""}>{_e(h)}</th>' for k, h in enumerate(t.header))
    body = "".join("<tr>" + "".join(f"<td{_classes(c)}>{_e(c.text)}</td>" for c in r) + "</tr>" for r in t.rows)
    keep = ' class="keep"' if len(t.rows) <= _KEEP_ROWS else ""
    key = f' data-key="{_e(t.key)}"' if t.key else ""
    return f'<div class="scroll"><table{keep}{key}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def svg_chart(chart: Chart) -> str:
    """Horizontal bars (stacked when there are several series) as inline SVG that scales with
    its container: a viewBox and no fixed width."""
    width, label_w, row_h, top = 640, 250, 24, 8
    bar_w = width - label_w - 60
    legend = bool(chart.names)
    top += 22 if legend else 0
    out = []
    if legend:
        step = width / max(len(chart.names), 1)
        for s, name in enumerate(chart.names):
            x = s * step
            out.append(f'<rect x="{x:.0f}" y="4" width="12" height="12" fill="{_COLOURS[s % len(_COLOURS)]}"/>'
                       f'<text x="{x + 16:.0f}" y="15">{_e(name)}</text>')
    for i, label in enumerate(chart.labels):
        y = top + i * row_h
        short = label if len(label) <= 26 else label[:25] + "…"
        out.append(f'<text x="{label_w - 8}" y="{y + 16}" '
                   f'text-anchor="end"><title>{_e(label)}</title>{_e(short)}</text>')
        x = float(label_w)
        for s, values in enumerate(chart.series):
            v = values[i] if not math.isnan(values[i]) else 0.0
            w = max(0.0, bar_w * v / (chart.maximum or 1.0))
            colour = _COLOURS[s % len(_COLOURS)]
            out.append(f'<rect x="{x:.1f}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}" fill="{colour}"/>')
            x += w
        if len(chart.series) == 1:
            value = Cell(chart.series[0][i], chart.fmt).text
            out.append(f'<text x="{x + 6:.1f}" y="{y + 16}">{_e(value)}</text>')
    height = top + row_h * len(chart.labels) + 4
    return (f'<svg class="chart" viewBox="0 0 {width} {height}" preserveAspectRatio="xMinYMin meet" role="img" '
            f'aria-label="{_e(chart.title)}">' + "".join(out) + "</svg>")
