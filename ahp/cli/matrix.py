"""``ahp weights``: the weights and consistency of one pairwise matrix, from the command line,
a file or standard input.

>>> _matrix_and_labels("price,quality\\n1,3\\n1/3,1", None)[1]
['price', 'quality']
"""

from __future__ import annotations

import argparse
import os
import sys

from ahp.cli.common import decode, read_text
from ahp.cli.options import Parser, add_conventions
from ahp.errors import AHPError, Phrase, Worded


def _read_matrix_arg(arg: str) -> str:
    """The matrix text: from stdin for ``-``, from a file when ``arg`` names one, else ``arg``;
    refused when it looks like the name of a file that does not exist (``.csv``, ``.txt``, a path)."""
    if arg == "-":
        return decode(sys.stdin.buffer.read(), Worded("standard input", "标准输入"))
    if ";" not in arg and os.path.isfile(arg):
        return read_text(arg)
    path_like = ("/" in arg or os.sep in arg) and any(c.isalpha() for c in arg) and not any(c.isspace() for c in arg)
    if ";" not in arg and (arg.lower().endswith((".csv", ".txt")) or path_like):
        raise AHPError(Phrase('{file}: no such file (to type a matrix, write it as "1 3; 1/3 1")', {"file": arg}))
    return arg


def _matrix_and_labels(text: str, labels: str | None) -> tuple[object, list[str] | None]:
    """Parse the matrix; a first row of words, one comma-separated name per row below it (two or
    more), gives the labels. A first row that is not, such as ``1 x 3``, is read as a row of the
    matrix, so the error names the cell."""
    from ahp.core.matrix import parse_matrix

    rows = [r for r in text.replace(";", "\n").splitlines() if r.strip()]
    header: list[str] | None = None
    if rows and any(c.isalpha() for c in rows[0].replace("nan", "")):
        first = [c.strip() for c in rows[0].split(",") if c.strip()]
        if 2 <= len(first) == len(rows) - 1:
            header, text = first, "\n".join(rows[1:])
    matrix = parse_matrix(text)
    names = [s.strip() for s in labels.split(",")] if labels else header
    if names is not None and len(names) != matrix.shape[0]:
        raise AHPError(Phrase("{k} labels for a {n}x{n} matrix", {"k": len(names), "n": matrix.shape[0]}))
    return matrix, names


def cmd_weights(args: argparse.Namespace) -> int:
    from ahp.core.completion import UnlinkedError
    from ahp.core.practice import resolve_settings
    from ahp.core.priorities import priorities

    conventions = resolve_settings(args.practice or "saaty", random_index=args.ri, threshold=args.threshold,
                                   lambda_max=args.lambda_max)
    matrix, labels = _matrix_and_labels(_read_matrix_arg(args.matrix), args.labels)
    try:
        result = priorities(matrix, method=args.method or "eigenvector", completion=args.completion, labels=labels,
                            **conventions.analysis())
    except UnlinkedError as exc:
        from ahp.io.glossary import LANGUAGES
        from ahp.io.wording import unlinked_text

        names = labels or [str(i + 1) for i in range(len(exc.unlinked.linked) + len(exc.unlinked.cut))]
        why = Worded(*(unlinked_text(exc.unlinked, names, lang) for lang in LANGUAGES))
        raise AHPError(Phrase("{text}", {"text": why})) from None
    if args.json:
        import json

        from ahp.io.export import result_dict

        print(json.dumps(result_dict(result, labels), ensure_ascii=False, indent=2))
    else:
        from ahp.io.terminal import print_weights

        print_weights(result, labels or [str(i + 1) for i in range(result.n)], args.lang or "en")
    return 0


def args_weights(p: Parser) -> None:
    from ahp.core.completion import COMPLETIONS

    p.add_argument("matrix", metavar=p.words("matrix"),
                   help=p.words('"1 3 5; 1/3 1 3; 1/5 1/3 1" (? = missing), a CSV file, or - for stdin'))
    add_conventions(p, project=False)
    p.add_argument("--completion", choices=COMPLETIONS, default="lambda-max", help=p.words("for missing judgments"))
    p.add_argument("--labels", metavar=p.words("LABELS"), help=p.words("element names, comma-separated"))
    p.add_argument("--json", action="store_true", help=p.words("machine-readable output"))
    p.add_argument("--lang", choices=("en", "zh"), help=p.words("language of the table (default: en)"))
