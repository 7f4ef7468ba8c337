"""Every bad matrix is an AHPError whose message names the cell and what is wrong."""

from __future__ import annotations

import numpy as np
import pytest

from ahp import AHPError, JudgmentError, priorities
from ahp.core.matrix import parse_matrix

NAN = np.nan


@pytest.mark.parametrize(
    ("matrix", "labels", "message"),
    [
        ([[1, 2, 3], [1 / 2, 1, 2]], None, "the matrix must be square; got shape 2x3"),
        ([[1, 0], [1, 1]], None, "row 1, column 2 is 0: judgments must be positive"),
        ([[1, -2], [-0.5, 1]], ["price", "quality"],
         "row 1, column 2 (price vs quality) is -2: judgments must be positive"),
        ([[1, np.inf], [0, 1]], None, "row 1, column 2 is inf: judgments must be finite"),
        ([[2, 1], [1, 1]], None, "row 1, column 1 is 2: the diagonal must be 1"),
        ([[1, 12], [1 / 12, 1]], ["a", "b"], "row 1, column 2 (a vs b) is 12: judgments must lie within 1/9 and 9"),
        ([[1, 3], [1 / 2, 1]], ["price", "quality"],
         "row 2, column 1 (quality vs price) is 1/2 but row 1, column 2 is 3: they must be reciprocal (1/3)"),
        ([[1, 2], [1 / 2, 1]], ["only one"], "1 labels given for a 2x2 matrix"),
    ],
)
def test_bad_matrix_message(matrix, labels, message):
    with pytest.raises(JudgmentError) as err:
        priorities(matrix, labels=labels)
    assert str(err.value) == message


def test_disconnected_elements_are_named():
    a = [[1, 2, NAN, NAN], [1 / 2, 1, NAN, NAN], [NAN, NAN, 1, 3], [NAN, NAN, 1 / 3, 1]]
    with pytest.raises(JudgmentError) as err:
        priorities(a, labels=["service", "quality", "price", "competition"])
    assert str(err.value) == (
        "the known judgments do not connect all elements: price, competition are not compared, "
        "directly or through others, with service; add a judgment linking them"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1 2; 1/2", "row 2 has 1 entries; a 2x2 matrix needs 2"),
        ("1 x; 1 1", "row 1, column 2: 'x' is not a number or a fraction like 1/3"),
        ("1 1/0; 1 1", "row 1, column 2: '1/0' is not a number or a fraction like 1/3"),
        ("   ", "the matrix is empty"),
    ],
)
def test_bad_matrix_text(text, message):
    with pytest.raises(JudgmentError) as err:
        parse_matrix(text)
    assert str(err.value) == message


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"method": "power"}, "unknown method 'power'; choose one of eigenvector, geometric-mean, column-mean"),
        ({"random_index": "x"},
         "unknown random index table 'x'; choose one of "
         "saaty1980, saaty2005, donegan-dodd, alonso-lamata, gong-xu1986"),
        ({"threshold": "strict"},
         "unknown threshold rule 'strict'; choose one of saaty1994, saaty1980, lt0.10 or a number"),
        ({"lambda_max": "power"}, "unknown lambda_max convention 'power'; choose one of eigenvalue, textbook"),
        ({"threshold": 1.5}, "a CR threshold must lie between 0 and 1; got 1.5"),
    ],
)
def test_bad_settings(kwargs, message):
    with pytest.raises(AHPError) as err:
        priorities([[1, 2, 3], [1 / 2, 1, 2], [1 / 3, 1 / 2, 1]], **kwargs)
    assert str(err.value) == message


def test_synthesis_rejects_matrices_that_do_not_fit_the_model():
    from ahp import ModelError
    from ahp.core.hierarchy import Node, synthesize

    root = Node("goal", "G", children=(Node("a", "A"), Node("b", "B")))
    with pytest.raises(ModelError, match=r"^a matrix is given for 'c', which is not a node with sub-elements$"):
        synthesize(root, {"c": [[1]]})
    with pytest.raises(ModelError, match=r"^the matrix for 'goal' has shape \(3, 3\); its 2 elements need 2x2$"):
        synthesize(root, {"goal": np.ones((3, 3))})
