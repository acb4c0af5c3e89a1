"""The sigmoid and its derivative, checked against mathematics, not against earlier output."""

import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from neuron import sigmoid, sigmoid_derivative

finite = st.floats(allow_nan=False, allow_infinity=False)
moderate = st.floats(min_value=-30, max_value=30, allow_nan=False)


def article_sigmoid(x):
    """The article's formula, exactly as printed."""
    return 1 / (1 + np.exp(-x))


@pytest.mark.parametrize("x", [-1e308, -1000.0, -745.5, -709.8, 709.8, 1000.0, 1e308])
def test_no_warning_at_the_extremes(x):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        value = sigmoid(x)
    assert 0.0 <= value <= 1.0


def test_extremes_have_the_right_limits():
    assert sigmoid(-1e308) == 0.0
    assert sigmoid(1e308) == 1.0
    # e^-720 is a subnormal number: the stable form keeps it instead of rounding to 0.
    assert sigmoid(-720.0) == pytest.approx(np.exp(-720.0), rel=1e-12)


def test_values_known_exactly():
    assert sigmoid(0.0) == 0.5
    assert sigmoid(np.log(3.0)) == pytest.approx(0.75, rel=1e-15)


def test_returns_float64_of_the_input_shape():
    result = sigmoid(np.zeros((4, 1), dtype=np.int64))
    assert result.dtype == np.float64
    assert result.shape == (4, 1)
    assert np.asarray(sigmoid(2)).dtype == np.float64


@given(finite)
def test_within_closed_unit_interval(x):
    assert 0.0 <= sigmoid(x) <= 1.0


@given(moderate)
def test_agrees_with_the_article_formula(x):
    assert sigmoid(x) == pytest.approx(article_sigmoid(x), rel=1e-15, abs=0)


@given(arrays(np.float64, st.integers(1, 50), elements=moderate))
def test_arrays_agree_with_the_article_formula_entry_by_entry(values):
    # One call on sums of both signs: each entry takes its own form, as if alone.
    expected = article_sigmoid(values)
    assert np.all(np.abs(sigmoid(values) - expected) <= 1e-15 * expected)


@given(arrays(np.float64, st.integers(1, 50), elements=finite))
def test_no_warning_for_any_finite_array(values):
    with warnings.catch_warnings(), np.errstate(all="warn", under="ignore"):
        warnings.simplefilter("error")
        result = sigmoid(values)
    assert np.all((result >= 0.0) & (result <= 1.0))


def test_exactly_0_and_1_at_the_extremes_of_one_array():
    result = sigmoid(np.array([-1e308, -800.0, 0.0, 40.0, 800.0, 1e308]))
    assert result.tolist() == [0.0, 0.0, 0.5, 1.0, 1.0, 1.0]


def test_leaves_its_input_alone():
    values = np.array([-3.0, 0.0, 2.0])
    sigmoid(values)
    assert values.tolist() == [-3.0, 0.0, 2.0]


@given(finite)
def test_symmetry(x):
    # sigma(-x) = 1 - sigma(x), up to rounding of the larger of the two.
    assert sigmoid(-x) == pytest.approx(1 - sigmoid(x), abs=1e-15)


@given(arrays(np.float64, 50, elements=finite))
def test_monotonic(values):
    ordered = np.sort(values)
    assert np.all(np.diff(sigmoid(ordered)) >= 0)


@given(st.floats(min_value=-20, max_value=20))
def test_derivative_matches_finite_differences(x):
    # Differences of values near 1 lose about 1e-16 / step to rounding, hence abs=1e-9.
    step = 1e-6
    numerical = (sigmoid(x + step) - sigmoid(x - step)) / (2 * step)
    assert sigmoid_derivative(sigmoid(x)) == pytest.approx(numerical, rel=1e-6, abs=1e-9)


def test_derivative_takes_the_output():
    # At x = 0 the output is 0.5 and the slope 0.25; passing x itself would give 0.
    assert sigmoid_derivative(sigmoid(0.0)) == 0.25
    assert sigmoid_derivative(np.array([0.0, 1.0])).tolist() == [0.0, 0.0]
