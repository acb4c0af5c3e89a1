"""The article's example and the logic-gate datasets."""

import numpy as np
import pytest

from neuron import data


def test_article_example():
    assert data.TRAINING_INPUTS.tolist() == [[0, 0, 1], [1, 1, 1], [1, 0, 1], [0, 1, 1]]
    assert data.TRAINING_OUTPUTS.tolist() == [[0], [1], [1], [0]]
    assert data.NEW_SITUATION.tolist() == [1, 0, 0]
    # The hidden rule: the answer is the first input.
    assert np.array_equal(data.TRAINING_OUTPUTS[:, 0], data.TRAINING_INPUTS[:, 0])


@pytest.mark.parametrize(
    ("gate", "rule"),
    [("AND", lambda a, b: a and b), ("OR", lambda a, b: a or b), ("XOR", lambda a, b: a != b)],
)
def test_logic_gates(gate, rule):
    for (a, b, bias), (target,) in zip(data.GATE_INPUTS, data.LOGIC_GATES[gate], strict=True):
        assert bias == 1
        assert target == float(rule(bool(a), bool(b)))


def test_constants_are_read_only():
    with pytest.raises(ValueError, match="read-only"):
        data.TRAINING_INPUTS[0, 0] = 5
