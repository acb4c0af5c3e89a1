"""The sigmoid activation function and its slope."""

import numpy as np


def sigmoid(x):
    """Squash any real number into the interval (0, 1): 1 / (1 + e^(-x)).

    Works elementwise on a scalar or an array and returns float64.
    """
    x = np.asarray(x, dtype=np.float64)
    # The textbook formula overflows in e^(-x) when x is a large negative
    # number.  Multiply its top and bottom by e^shift, with
    # shift = min(x, 0):
    #     1 / (1 + e^(-x)) = e^shift / (e^shift + e^(shift - x)).
    # Both exponents are now at most 0, so neither power can overflow.
    shift = np.minimum(x, 0.0)
    exp_shift = np.exp(shift)
    return exp_shift / (exp_shift + np.exp(shift - x))


def sigmoid_derivative(output):
    """The sigmoid's slope through its *output* s = sigmoid(x): s * (1 - s).

    Pass the neuron's output, not the weighted sum x: the derivative of the
    sigmoid at x is sigmoid(x) * (1 - sigmoid(x)).
    """
    return output * (1 - output)
