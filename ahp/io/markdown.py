"""GitHub-flavoured Markdown: the one place that escapes text and lays out tables.

Every Markdown output (the ranking export, the report) goes through :func:`escape` and
:func:`table`, so a name can neither break a table (``|``, a line break) nor inject HTML.

>>> escape("a|b <script>x</script>\\nnext")
'a\\\\|b &lt;script&gt;x&lt;/script&gt; next'
>>> print("\\n".join(table(["name", "weight"], [["A|B", "0.5"]], numeric={1})))
| name | weight |
|---|---:|
| A\\|B | 0.5 |
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "\\|", "\\": "\\\\", "\n": " ", "\r": " "})


def escape(text: object) -> str:
    """``text`` safe inside a Markdown table cell or line: pipes and backslashes escaped, HTML
    characters as entities, line breaks as spaces."""
    return str(text).translate(_ESCAPES)


def table(header: Sequence[object], rows: Iterable[Sequence[object]], numeric: Iterable[int] = ()) -> list[str]:
    """The lines of a table; columns in ``numeric`` are right-aligned. Cells are escaped here."""
    right = set(numeric)
    lines = ["| " + " | ".join(escape(h) for h in header) + " |",
             "|" + "|".join("---:" if k in right else "---" for k in range(len(header))) + "|"]
    lines += ["| " + " | ".join(escape(c) for c in r) + " |" for r in rows]
    return lines
