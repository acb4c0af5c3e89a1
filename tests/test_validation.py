"""Bad input: the right exception, a message that names the argument, and nothing changed."""

import numpy as np
import pytest

from neuron import NeuralNetwork, TwoLayerNetwork
from neuron.data import TRAINING_INPUTS, TRAINING_OUTPUTS

GOOD_INPUTS = TRAINING_INPUTS
GOOD_OUTPUTS = TRAINING_OUTPUTS

# (description, keyword arguments for train, exception, words the message must contain)
BAD_TRAINING = [
    ("four columns", {"inputs": np.ones((4, 4))}, ValueError, ["inputs", "(m, 3)", "(4, 4)"]),
    ("one example only", {"inputs": np.ones(3)}, ValueError, ["inputs", "2-D", "(3,)"]),
    ("3-D inputs", {"inputs": np.ones((4, 3, 1))}, ValueError, ["inputs", "(4, 3, 1)"]),
    ("empty inputs", {"inputs": np.ones((0, 3))}, ValueError, ["inputs", "(0, 3)"]),
    ("rows differ", {"outputs": np.ones((3, 1))}, ValueError, ["outputs", "(4, 1)", "(3, 1)"]),
    # np.array([[0, 1, 1, 0]]) without .T: (1, 4) minus a (4, 1) output would broadcast
    ("targets as a row", {"outputs": np.array([[0, 1, 1, 0]])}, ValueError, ["(4, 1)", "(1, 4)"]),
    ("outputs too wide", {"outputs": np.ones((4, 2))}, ValueError, ["outputs", "(4, 2)"]),
    ("text inputs", {"inputs": [["a", "b", "c"]] * 4}, TypeError, ["inputs", "real numbers"]),
    ("bool inputs", {"inputs": np.ones((4, 3), bool)}, TypeError, ["inputs", "bool"]),
    ("complex", {"outputs": np.ones((4, 1), complex)}, TypeError, ["outputs", "complex"]),
    ("ragged", {"inputs": [[0, 0, 1], [1, 1]]}, ValueError, ["inputs", "rectangular"]),
    ("nan inputs", {"inputs": np.where(np.eye(4, 3), np.nan, 0)}, ValueError, ["inputs", "NaN"]),
    ("inf outputs", {"outputs": [[0], [np.inf], [1], [0]]}, ValueError, ["outputs", "infinite"]),
    ("negative iterations", {"iterations": -1}, ValueError, ["iterations", "at least 0", "-1"]),
    ("float iterations", {"iterations": 10.5}, TypeError, ["iterations", "integer", "10.5"]),
    ("bool iterations", {"iterations": True}, TypeError, ["iterations", "integer", "True"]),
    ("zero rate", {"learning_rate": 0}, ValueError, ["learning_rate", "positive", "0"]),
    ("negative rate", {"learning_rate": -0.5}, ValueError, ["learning_rate", "-0.5"]),
    ("nan rate", {"learning_rate": float("nan")}, ValueError, ["learning_rate", "nan"]),
    ("inf rate", {"learning_rate": float("inf")}, ValueError, ["learning_rate", "inf"]),
    ("text rate", {"learning_rate": "1"}, TypeError, ["learning_rate", "real number", "str"]),
]

NETWORKS = [
    pytest.param(lambda: NeuralNetwork(n_inputs=3), id="NeuralNetwork"),
    pytest.param(lambda: TwoLayerNetwork(n_inputs=3, n_hidden=4), id="TwoLayerNetwork"),
]


def weights_of(network):
    return [value.copy() for value in vars(network).values() if isinstance(value, np.ndarray)]


def assert_message(error, words):
    message = str(error.value)
    for word in words:
        assert word in message, f"{word!r} not in {message!r}"


@pytest.mark.parametrize("make_network", NETWORKS)
@pytest.mark.parametrize(
    ("changes", "exception", "words"),
    [pytest.param(*case[1:], id=case[0]) for case in BAD_TRAINING],
)
def test_bad_training_arguments(make_network, changes, exception, words):
    network = make_network()
    before = weights_of(network)
    arguments = {"inputs": GOOD_INPUTS, "outputs": GOOD_OUTPUTS, "iterations": 5} | changes
    with pytest.raises(exception) as error:
        network.train(**arguments)
    assert_message(error, words)
    for saved, now in zip(before, weights_of(network), strict=True):
        assert np.array_equal(saved, now)


@pytest.mark.parametrize("make_network", NETWORKS)
@pytest.mark.parametrize(
    ("inputs", "exception", "words"),
    [
        (np.ones(4), ValueError, ["inputs", "(3,)", "(4,)"]),
        (np.ones((2, 2)), ValueError, ["inputs", "(2, 2)"]),
        (np.float64(1.0), ValueError, ["inputs", "()"]),
        ([1, None, 0], TypeError, ["inputs", "object"]),
        ([1, np.nan, 0], ValueError, ["inputs", "NaN"]),
    ],
)
def test_bad_think_arguments(make_network, inputs, exception, words):
    network = make_network()
    with pytest.raises(exception) as error:
        network.think(inputs)
    assert_message(error, words)


@pytest.mark.parametrize(
    ("make", "exception", "words"),
    [
        (lambda: NeuralNetwork(n_inputs=0), ValueError, ["n_inputs", "at least 1", "0"]),
        (lambda: NeuralNetwork(n_inputs=2.5), TypeError, ["n_inputs", "integer", "2.5"]),
        (lambda: TwoLayerNetwork(n_hidden=0), ValueError, ["n_hidden", "at least 1"]),
        (lambda: TwoLayerNetwork(n_inputs=-2), ValueError, ["n_inputs", "-2"]),
        (lambda: TwoLayerNetwork(n_hidden="4"), TypeError, ["n_hidden", "str"]),
    ],
)
def test_bad_sizes(make, exception, words):
    with pytest.raises(exception) as error:
        make()
    assert_message(error, words)


def test_numpy_integers_are_accepted():
    network = NeuralNetwork(n_inputs=np.int64(3))
    history = network.train(GOOD_INPUTS, GOOD_OUTPUTS, iterations=np.int32(2))
    assert history.loss.shape == (2,)
