"""The two-layer network: its start, its shapes, backpropagation, and XOR."""

import numpy as np
import pytest

from neuron import NeuralNetwork, TwoLayerNetwork
from neuron.data import GATE_INPUTS, XOR_OUTPUTS


def half_squared_error(network, layer1, layer2, inputs, outputs):
    """E = 1/2 * sum of squared errors for the given weights (the network's are restored)."""
    saved = network.layer1_weights, network.layer2_weights
    network.layer1_weights, network.layer2_weights = layer1, layer2
    try:
        return 0.5 * np.sum((outputs - network.think(inputs)) ** 2)
    finally:
        network.layer1_weights, network.layer2_weights = saved


def numerical_gradient(function, point, step=1e-6):
    gradient = np.zeros_like(point)
    for index in np.ndindex(point.shape):
        shift = np.zeros_like(point)
        shift[index] = step
        gradient[index] = (function(point + shift) - function(point - shift)) / (2 * step)
    return gradient


def test_weights_are_drawn_layer_by_layer_from_one_generator():
    random_state = np.random.RandomState(1)
    layer1 = 2 * random_state.random_sample((3, 4)) - 1
    layer2 = 2 * random_state.random_sample((4, 1)) - 1
    network = TwoLayerNetwork(n_inputs=3, n_hidden=4, seed=1)
    assert np.array_equal(network.layer1_weights, layer1)
    assert np.array_equal(network.layer2_weights, layer2)


def test_forward_shapes():
    network = TwoLayerNetwork(n_inputs=3, n_hidden=5)
    hidden, output = network.forward(GATE_INPUTS)
    assert hidden.shape == (4, 5)
    assert output.shape == (4, 1)
    hidden, output = network.forward(GATE_INPUTS[0])
    assert hidden.shape == (5,)
    assert output.shape == (1,)
    assert np.array_equal(network.think(GATE_INPUTS), network.forward(GATE_INPUTS)[1])


@pytest.mark.parametrize("learning_rate", [1.0, 0.5])
def test_one_step_is_gradient_descent_on_both_layers(learning_rate):
    rng = np.random.default_rng(11)
    inputs = rng.normal(size=(5, 3))
    outputs = rng.uniform(size=(5, 1))
    network = TwoLayerNetwork(n_inputs=3, n_hidden=4, seed=2)
    layer1, layer2 = network.layer1_weights.copy(), network.layer2_weights.copy()
    gradient1 = numerical_gradient(
        lambda w: half_squared_error(network, w, layer2, inputs, outputs), layer1
    )
    gradient2 = numerical_gradient(
        lambda w: half_squared_error(network, layer1, w, inputs, outputs), layer2
    )
    network.train(inputs, outputs, iterations=1, learning_rate=learning_rate)
    np.testing.assert_allclose(
        network.layer1_weights - layer1, -learning_rate * gradient1, rtol=1e-6, atol=1e-9
    )
    np.testing.assert_allclose(
        network.layer2_weights - layer2, -learning_rate * gradient2, rtol=1e-6, atol=1e-9
    )


def test_learns_xor():
    network = TwoLayerNetwork(n_inputs=3, n_hidden=4, seed=1)
    history = network.train(GATE_INPUTS, XOR_OUTPUTS, iterations=60_000)
    output = network.think(GATE_INPUTS)
    assert np.mean((XOR_OUTPUTS - output) ** 2) < 1e-3
    assert np.array_equal(output > 0.5, XOR_OUTPUTS > 0.5)
    assert history.loss.shape == (60_000,)
    assert history.loss[-1] < 1e-3 < history.loss[0]


def test_one_neuron_cannot_learn_xor():
    network = NeuralNetwork(n_inputs=3)
    network.train(GATE_INPUTS, XOR_OUTPUTS, iterations=60_000)
    np.testing.assert_allclose(network.think(GATE_INPUTS), 0.5, atol=0.05)


def test_history_loss_is_the_mean_squared_error_before_each_update():
    """loss[k] is the error of the weights after k updates, replayed one update at a time."""
    iterations = 4
    history = TwoLayerNetwork().train(GATE_INPUTS, XOR_OUTPUTS, iterations=iterations)
    replay = TwoLayerNetwork()
    expected = []
    for _ in range(iterations):
        expected.append(np.mean((XOR_OUTPUTS - replay.think(GATE_INPUTS)) ** 2))
        replay.train(GATE_INPUTS, XOR_OUTPUTS, iterations=1)
    assert len(set(expected)) == iterations  # each update changes the error
    np.testing.assert_allclose(history.loss, expected, rtol=1e-12)
