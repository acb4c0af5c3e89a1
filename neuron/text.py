"""Numbers as a person writes them in a sentence (for the book's prose).

Plain Python: the neuron's core does not import this module.
"""

import math

SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
MINUS = "\N{MINUS SIGN}"


def _finite(number):
    """`number` as a float, checked finite: prose has no words for NaN."""
    number = float(number)
    if not math.isfinite(number):
        raise ValueError(f"number must be finite, got {number}")
    return number


def readable(number, digits=2):
    """`number` rounded to `digits` significant digits, written for prose.

    Between 0.0001 and a million it is a plain decimal (0.31, 9.7, 12,000);
    outside, a power of ten (5.8 × 10⁻⁶). Negative numbers take a real
    minus sign, −4.6, not a hyphen.
    """
    if type(digits) is not int or digits < 1:
        raise ValueError(f"digits must be an integer >= 1, got {digits!r}")
    number = _finite(number)
    if number == 0:
        return "0"
    # The exponent after rounding: 9.96 to two digits is 10, not 9.96.
    exponent = int(f"{abs(number):.{digits - 1}e}".split("e")[1])
    sign = MINUS if number < 0 else ""
    if -4 <= exponent < 6:
        decimals = digits - 1 - exponent
        rounded = round(abs(number), decimals)
        return sign + f"{rounded:,.{max(decimals, 0)}f}"
    mantissa = abs(number) / 10**exponent
    power = str(exponent).translate(SUPERSCRIPTS)
    return f"{sign}{mantissa:.{digits - 1}f} × 10{power}"


def fixed(number, places):
    """`number` with `places` decimals, written for prose: −0.84, with a
    real minus sign, and 0.00, not −0.00, for a negative number that rounds
    to zero.
    """
    if type(places) is not int or places < 0:
        raise ValueError(f"places must be an integer >= 0, got {places!r}")
    number = _finite(number)
    text = f"{number:.{places}f}"
    if not text.startswith("-"):
        return text
    return text[1:] if float(text) == 0 else MINUS + text[1:]
