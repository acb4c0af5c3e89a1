"""The article's example and small logic-gate datasets, read-only arrays."""

import numpy as np


def _read_only(rows):
    array = np.array(rows, dtype=np.float64)
    array.setflags(write=False)
    return array


# Four examples of three inputs each; the answer is always the first input.
TRAINING_INPUTS = _read_only([[0, 0, 1], [1, 1, 1], [1, 0, 1], [0, 1, 1]])
TRAINING_OUTPUTS = _read_only([[0], [1], [1], [0]])
# The situation the neuron has never seen.
NEW_SITUATION = _read_only([1, 0, 0])

# Every pair of two binary inputs, plus a third input fixed at 1 (the bias).
GATE_INPUTS = _read_only([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])
AND_OUTPUTS = _read_only([[0], [0], [0], [1]])
OR_OUTPUTS = _read_only([[0], [1], [1], [1]])
XOR_OUTPUTS = _read_only([[0], [1], [1], [0]])
LOGIC_GATES = {"AND": AND_OUTPUTS, "OR": OR_OUTPUTS, "XOR": XOR_OUTPUTS}
