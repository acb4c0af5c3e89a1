"""The sigmoid activation function and its slope."""

import numpy as np


def sigmoid(x):
    """Squash any real number into the interval (0, 1): 1 / (1 + e^(-x)).

    Works elementwise on a scalar or an array and returns float64.
    """
    x = np.asarray(x, dtype=np.float64)
    # The textbook formula overflows in e^(-x) when x is a large negative
    # number.  With power = e^(-|x|), never above 1, it has two safe forms:
    #     x >= 0:  1 / (1 + e^(-x))  =  1 / (1 + power)
    #     x <  0:  e^x / (e^x + 1)   =  power / (1 + power)
    # (the second is the first with top and bottom multiplied by e^x).
    # One exp serves both.  The top is the larger of power and the sign of
    # x: 1 where x > 0, -1 where x < 0, and at x = 0 power is 1 anyway.
    # (The last two steps work in place: no new array for 1 + power or the
    # quotient, which on a large array is memory NumPy need not fetch.)
    power = np.exp(-np.abs(x))
    top = np.maximum(power, np.sign(x))
    power += 1
    top /= power
    return top


def sigmoid_derivative(output):
    """The sigmoid's slope through its *output* s = sigmoid(x): s * (1 - s).

    Pass the neuron's output, not the weighted sum x: the derivative of the
    sigmoid at x is sigmoid(x) * (1 - sigmoid(x)).
    """
    return output * (1 - output)
