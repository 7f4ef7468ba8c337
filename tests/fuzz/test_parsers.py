"""Every parser of user input ends in a result or an AHPError, whatever it is given: matrix
text (``ahp weights``), model files, project files, survey CSV and ratings CSV.

Inputs are random text, valid files with random edits (characters inserted, deleted,
replaced; lines dropped, repeated or swapped), and valid shapes holding values of the wrong
kind. ``HYPOTHESIS_PROFILE=deep`` runs 50 times as many.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ahp.core.matrix import parse_matrix, validate_matrix
from ahp.core.priorities import priorities
from ahp.errors import AHPError
from ahp.io.model import load_model, model_path, read_model
from ahp.io.project import parse_project
from ahp.io.ratings_file import read_ratings
from ahp.io.ratings_file import template as ratings_template
from ahp.io.survey import read_survey
from ahp.io.survey import template as survey_template

from .conftest import examples

ROOT = Path(__file__).resolve().parents[2]
DEMO_TEXT = (ROOT / "examples" / "retail-churn-demo.ahp.toml").read_text(encoding="utf-8")
MODEL_TEXT = Path(model_path("retail-churn")).read_text(encoding="utf-8")
MODEL = load_model()
SURVEY_TEXT = survey_template(MODEL.root) + "Ann,1,3,1/5,,9,1/2\nBo,2,-3,x,1,,\n,,,,\n"
RATINGS_TEXT = ratings_template(MODEL) + "North,poor,good,,很差\nSouth,,,fair,\n"

#: Characters that broke parsers before: controls, quotes, brackets, separators, lone
#: surrogates, Chinese, huge numbers' digits.
CHARS = st.one_of(
    st.characters(), st.sampled_from(list("\x00\x7f\x1b\t\r\n\"'\\[]{}=,;#./?-+eE9０１門店\u2028\ufeff\ud800"))
)
TOKENS = st.one_of(CHARS, st.sampled_from(["nan", "inf", "9" * 400, "1e999", " vs ", "[[", "]]", '"""']))
TEXT = st.lists(TOKENS, max_size=80).map("".join)


def settings_for(n: int):
    return settings(
        max_examples=examples(n),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@st.composite
def edited(draw, text: str) -> str:
    """``text`` with a few random edits to its characters and lines."""
    for _ in range(draw(st.integers(1, 4))):
        lines = text.split("\n")
        kind = draw(st.sampled_from(["insert", "delete", "replace", "drop line", "repeat line", "swap lines"]))
        at = draw(st.integers(0, max(0, len(text) - 1)))
        k = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        if kind == "insert":
            text = text[:at] + "".join(draw(st.lists(TOKENS, min_size=1, max_size=4))) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
        elif kind == "replace":
            text = text[:at] + draw(st.text(CHARS, min_size=1, max_size=3)) + text[at + 1 :]
        elif kind == "drop line":
            text = "\n".join(lines[:k] + lines[k + 1 :])
        elif kind == "repeat line":
            text = "\n".join(lines[: k + 1] + [lines[k]] + lines[k + 1 :])
        else:
            lines[k], lines[j] = lines[j], lines[k]
            text = "\n".join(lines)
    return text


#: A TOML value of any kind, to put where a parser expects one kind.
VALUES = st.recursive(
    st.one_of(
        st.integers(),
        st.floats(),
        st.booleans(),
        st.text(CHARS, max_size=20),
        st.sampled_from(["1/3", "0/0", "1/0", "3/", "?", "9" * 400, "-1", "1e-400"]),
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=6,
)


@st.composite
def with_a_wrong_value(draw, text: str) -> str:
    """``text`` with the value of one ``key = value`` line swapped for another, of any kind."""
    import tomlkit

    lines = text.split("\n")
    candidates = [i for i, line in enumerate(lines) if " = " in line and not line.lstrip().startswith("#")]
    i = draw(st.sampled_from(candidates))
    key = lines[i].split(" = ", 1)[0]
    try:
        value = tomlkit.item(draw(VALUES)).as_string()
    except (ValueError, TypeError):  # a value TOML cannot hold (nan keys and such): keep the line
        return text
    lines[i] = f"{key} = {value}"
    return "\n".join(lines)


def ends_cleanly(parse, text: str) -> None:
    """``parse(text)`` returns or raises AHPError; anything else fails the test."""
    try:
        parse(text)
    except AHPError as exc:
        assert str(exc) and "\n" not in str(exc).strip(), repr(str(exc))


# -- matrix text ---------------------------------------------------------------------------------

MATRIX_CELLS = st.one_of(
    st.sampled_from(["1", "3", "1/3", "9", "1/9", "?", "0", "-2", "1/0", "nan", "inf", "1e999", "x", "9" * 400]),
    st.text(CHARS, max_size=4),
)


@st.composite
def matrix_text(draw) -> str:
    n = draw(st.integers(1, 6))
    rows = [
        " ".join(draw(st.lists(MATRIX_CELLS, min_size=n - 1, max_size=n + 1)))
        for _ in range(draw(st.integers(n - 1, n + 1)))
    ]
    return draw(st.sampled_from([";", "\n", "; "])).join(rows)


def weights(text: str) -> None:
    """What ``ahp weights`` does with its matrix: parse, validate, analyse."""
    priorities(validate_matrix(parse_matrix(text)))


@settings_for(1500)
@given(st.one_of(matrix_text(), TEXT, edited("1 3 5; 1/3 1 3; 1/5 1/3 1")))
def test_matrix_text(text):
    ends_cleanly(weights, text)


# -- model files ---------------------------------------------------------------------------------


@settings_for(400)
@given(st.one_of(TEXT, edited(MODEL_TEXT), with_a_wrong_value(MODEL_TEXT)))
def test_model_file(text):
    ends_cleanly(lambda t: read_model(t, "m.toml"), text)


# -- project files -------------------------------------------------------------------------------


def load_and_analyse(text: str) -> None:
    """Load a project file and rank its factors, as ``ahp rank`` does."""
    project = parse_project(text, "p.ahp.toml")
    project.synthesize(suggestions=0)


@settings_for(500)
@given(st.one_of(TEXT, edited(DEMO_TEXT), with_a_wrong_value(DEMO_TEXT)))
def test_project_file(text):
    ends_cleanly(load_and_analyse, text)


# -- survey and ratings CSV ----------------------------------------------------------------------


@settings_for(1000)
@given(st.one_of(TEXT, edited(SURVEY_TEXT)), st.sampled_from(["ratio", "signed", "other"]))
def test_survey_csv(text, coding):
    ends_cleanly(lambda t: read_survey(t, MODEL.root, coding, {"Bo"}), text)


@settings_for(1000)
@given(st.one_of(TEXT, edited(RATINGS_TEXT)))
def test_ratings_csv(text):
    ends_cleanly(lambda t: read_ratings(t, MODEL), text)


@pytest.mark.parametrize(
    "read", [lambda t: read_survey(t, MODEL.root), lambda t: read_ratings(t, MODEL)], ids=["survey", "ratings"]
)
def test_a_cr_inside_a_csv_line_is_an_ahp_error(read):
    ends_cleanly(read, "respondent,unit\rx\nAnn,1\n")


@pytest.mark.parametrize("text", ["1 3; 1/3 1", MODEL_TEXT, DEMO_TEXT, SURVEY_TEXT, RATINGS_TEXT])
def test_the_valid_seeds_parse(text):
    """The edits above start from files that parse (so the fuzz reaches past the first check)."""
    parsers = [weights, lambda t: read_model(t, "m"), lambda t: parse_project(t, "p")]
    if text in (SURVEY_TEXT, RATINGS_TEXT):
        with pytest.raises(AHPError):  # they hold one bad row each, on purpose
            (read_survey(text, MODEL.root) if text == SURVEY_TEXT else read_ratings(text, MODEL))
        return
    parsers[["1 3; 1/3 1", MODEL_TEXT, DEMO_TEXT].index(text)](text)
