"""The sigmoid activation function and its slope."""

import numpy as np


def sigmoid(x):
    """Squash any real number into the interval (0, 1): 1 / (1 + e^(-x)).

    Works elementwise on a scalar or an array and returns float64.
    """
    x = np.asarray(x, dtype=np.float64)
    if x.ndim == 0:  # a single number: computed as an array of one
        return sigmoid(x.reshape(1))[0]
    # The textbook formula overflows in e^(-x) when x is a large negative
    # number.  With power = e^(-|x|), never above 1, it has two safe forms:
    #     x >= 0:  1 / (1 + e^(-x))  =  1 / (1 + power)
    #     x <  0:  e^x / (e^x + 1)   =  power / (1 + power)
    # (the second is the first with top and bottom multiplied by e^x).
    # One exp serves both.  The top is the larger of power and the sign of
    # x: 1 where x > 0, -1 where x < 0, and at x = 0 power is 1 anyway.
    # Most steps write into an array made before them (out=, +=, /=): on a
    # large array, fresh memory can cost as much as the arithmetic.
    power = -np.abs(x)
    np.exp(power, out=power)  # power = e^(-|x|)
    top = np.sign(x)
    np.maximum(power, top, out=top)
    power += 1
    top /= power
    return top


def sigmoid_derivative(output):
    """The sigmoid's slope through its *output* s = sigmoid(x): s * (1 - s).

    Pass the neuron's output, not the weighted sum x: the derivative of the
    sigmoid at x is sigmoid(x) * (1 - sigmoid(x)).
    """
    return output * (1 - output)
