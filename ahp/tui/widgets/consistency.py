"""The selected node's consistency: lambda_max, CI, RI (and its table), CR against the threshold,
and the judgment to revise: the smallest change that passes (or the value lowering CR most),
with the value the other answers imply for that pair."""

from __future__ import annotations

from rich.text import Text

from ahp.core.consistency import verdict_operator
from ahp.core.hierarchy import NodeAnalysis
from ahp.core.scale import format_value
from ahp.io.glossary import say, setting
from ahp.io.wording import note_text, problem_text
from ahp.tui.texts import t
from ahp.tui.widgets.marks import STATUS_MARK, STATUS_STYLE
from ahp.tui.widgets.text_block import TextBlock

#: The words of the suggestion line, (English, Chinese), around what the suggested value does
#: (the glossary's ``suggestion.passes`` and ``suggestion.best``, as the commands say it).
SUGGESTION_WORDS = {
    "revise": ("Revise: ", "建议修改："),
    "implied": ("others imply {value}", "其他判断推出 {value}"),
    "warning": ("Warning: ", "注意："),
}


def _word(key: str, language: str, **values: object) -> str:
    """A word of the suggestion line in ``language``.

    >>> _word("revise", "zh"), _word("implied", "en", value="2")
    ('建议修改：', 'others imply 2')
    """
    en, zh = SUGGESTION_WORDS[key]
    return (zh if language == "zh" else en).format(**values)


def consistency_text(a: NodeAnalysis, names: list[str], threshold_rule: object, language: str) -> Text:
    """Two or three lines describing one node's consistency, in ``language``, then a line for each
    warning of the analysis (such as a completion that did not settle)."""
    r = a.result
    status = a.status
    verdict = Text(f"{STATUS_MARK[status]} {t(status, language)}", STATUS_STYLE[status])
    if r is None:
        return Text.assemble(verdict, "  ", t("incomplete node", language, problem=problem_text(a, language)))
    sign = verdict_operator(r.consistent, r.strict).replace("<=", "≤").replace(">=", "≥")
    zh = language == "zh"
    table = setting("ri", r.ri_table, language)
    convention = f" {t('lambda textbook', language)} " if r.lambda_convention == "textbook" else "   "
    line1 = Text(f"λmax {r.lambda_max:.4f}{convention}CI {r.ci:.4f}   RI {r.ri:.2f}"
                 + (f"（{table}）" if zh else f" ({table})"))
    rule = "" if zh else f" ({t('threshold', language)} {threshold_rule})"  # in Chinese, the limit says it
    line2 = Text.assemble((f"CR {r.cr:.3f}", STATUS_STYLE[status]), f" {sign} {r.threshold:.2f}{rule}  ", verdict)
    if r.missing:
        line2.append(f"  · {t('completed', language, k=r.missing)}", "yellow")
    if r.suggestions:
        s = r.suggestions[0]
        line3 = Text.assemble(
            (_word("revise", language), "bold"),
            f"{names[s.row]} : {names[s.col]}  {format_value(s.current)} → ",
            (format_value(s.suggested), "bold"),
            f" {say('suggestion.' + s.kind, language)} (CR {s.cr_after:.3f}) · ",
            _word("implied", language, value=format_value(s.implied)),
            "  ",
            (t("apply", language), "reverse"),
        )
    else:
        line3 = Text(t("no suggestion", language), "dim")
    warnings = [Text.assemble((_word("warning", language), "bold yellow"), (note_text(note, language), "yellow"))
                for note in r.warnings]
    return Text("\n").join([line1, line2, line3, *warnings])


class ConsistencyPanel(TextBlock):
    """Shows :func:`consistency_text` for the node on screen."""

    def show(self, a: NodeAnalysis, names: list[str], threshold_rule: object, language: str) -> None:
        """Redraw for analysis ``a`` of a node whose children are ``names``."""
        self.set(consistency_text(a, names, threshold_rule, language))
