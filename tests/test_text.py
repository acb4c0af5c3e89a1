"""neuron.text: numbers as a person writes them."""

import pytest

from neuron.text import fixed, readable


@pytest.mark.parametrize(
    ("number", "digits", "expected"),
    [
        (5.8e-06, 2, "5.8 × 10⁻⁶"),
        (0.000063, 2, "6.3 × 10⁻⁵"),
        (0.31234, 2, "0.31"),
        (0.00012345, 3, "0.000123"),
        (9.67299303, 3, "9.67"),
        (-4.62963669, 2, "−4.6"),
        (12_345.0, 2, "12,000"),
        (2.5e7, 2, "2.5 × 10⁷"),
        (-3.1e-12, 1, "−3 × 10⁻¹²"),
        (9.96, 2, "10"),  # rounding carries into the next power of ten
        (0.0, 3, "0"),
    ],
)
def test_readable_writes_numbers_as_in_a_sentence(number, digits, expected):
    assert readable(number, digits) == expected


@pytest.mark.parametrize(("number", "digits"), [(float("nan"), 2), (1.0, 0), (1.0, 1.5)])
def test_readable_rejects_what_it_cannot_write(number, digits):
    with pytest.raises(ValueError, match="must be"):
        readable(number, digits)


@pytest.mark.parametrize(
    ("number", "places", "expected"),
    [
        (-0.8351, 2, "−0.84"),
        (0.8351, 2, "0.84"),
        (-0.004, 2, "0.00"),  # rounds to zero: no sign
        (-0.0, 1, "0.0"),
        (-12.5, 0, "−12"),  # Python rounds half to even
        (3, 3, "3.000"),
    ],
)
def test_fixed_writes_decimals_with_a_real_minus_sign(number, places, expected):
    assert fixed(number, places) == expected


@pytest.mark.parametrize(("number", "places"), [(float("inf"), 2), (1.0, -1), (1.0, 2.0)])
def test_fixed_rejects_what_it_cannot_write(number, places):
    with pytest.raises(ValueError, match="must be"):
        fixed(number, places)
