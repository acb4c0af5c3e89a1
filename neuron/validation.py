"""Argument checks shared by both networks.

Each check either returns a clean value or raises an error that names the
argument, what was expected and what was given.  The networks run every
check before they change anything, so a rejected call leaves them as they
were.
"""

import numbers

import numpy as np


def check_count(name, value, minimum=1):
    """Return `value` as an int, checking it is an integer >= `minimum`."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(
            f"{name} must be an integer, "
            f"got {type(value).__name__} {value!r}"
        )
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}")
    return int(value)


def check_learning_rate(learning_rate):
    """Return `learning_rate` as a float, checked positive and finite."""
    if isinstance(learning_rate, bool) or not isinstance(
        learning_rate, numbers.Real
    ):
        raise TypeError(
            f"learning_rate must be a real number, "
            f"got {type(learning_rate).__name__} {learning_rate!r}"
        )
    if not (np.isfinite(learning_rate) and learning_rate > 0):
        raise ValueError(
            "learning_rate must be positive and finite, "
            f"got {learning_rate}"
        )
    return float(learning_rate)


def as_finite_array(name, values):
    """Return `values` as float64, checking it is numeric, real, finite."""
    try:
        array = np.asarray(values)
    except ValueError as exc:  # ragged nested lists
        raise ValueError(
            f"{name} must be a rectangular array of numbers: {exc}"
        ) from None
    if array.dtype == bool or not np.issubdtype(array.dtype, np.number):
        raise TypeError(
            f"{name} must hold real numbers, "
            f"got an array of dtype {array.dtype}"
        )
    if np.issubdtype(array.dtype, np.complexfloating):
        raise TypeError(
            f"{name} must hold real numbers, "
            f"got complex dtype {array.dtype}"
        )
    array = array.astype(np.float64, copy=False)
    if not np.all(np.isfinite(array)):
        raise ValueError(
            f"{name} must hold finite numbers, got NaN or infinite values"
        )
    return array


def check_inputs(inputs, n_inputs):
    """Return `inputs` as float64 of shape (n_inputs,) or (m, n_inputs)."""
    inputs = as_finite_array("inputs", inputs)
    if (
        inputs.ndim not in (1, 2)
        or inputs.shape[-1] != n_inputs
        or inputs.size == 0
    ):
        raise ValueError(
            f"inputs must have shape ({n_inputs},) or (m, {n_inputs}), "
            f"got shape {inputs.shape}"
        )
    return inputs


def check_examples(inputs, outputs, n_inputs):
    """Return `inputs` (m, n_inputs) and `outputs` (m, 1) as float64.

    A 1-D `outputs` of shape (m,) is taken as a column.
    """
    inputs = check_inputs(inputs, n_inputs)
    if inputs.ndim != 2:
        raise ValueError(
            f"inputs must be a 2-D array of shape (m, {n_inputs}) "
            f"for training, got shape {inputs.shape}"
        )
    outputs = as_finite_array("outputs", outputs)
    if outputs.ndim == 1:
        outputs = outputs[:, np.newaxis]
    if outputs.shape != (len(inputs), 1):
        raise ValueError(
            f"outputs must have shape ({len(inputs)}, 1), "
            "one target per row of inputs, "
            f"got shape {outputs.shape}"
        )
    return inputs, outputs
