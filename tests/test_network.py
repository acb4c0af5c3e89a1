"""One neuron: the article's published run, the update rule, the history, the shapes."""

import numpy as np
import pytest

from neuron import NeuralNetwork, TrainingHistory, TwoLayerNetwork
from neuron.data import NEW_SITUATION, TRAINING_INPUTS, TRAINING_OUTPUTS

# The numbers the article printed for its own run (an independent oracle).
ARTICLE_START = [-0.16595599, 0.44064899, -0.99977125]
ARTICLE_TRAINED = [9.67299303, -0.2078435, -4.62963669]
ARTICLE_PREDICTION = 0.99993704


def half_squared_error(network, weights, inputs, outputs):
    """E(w) = 1/2 * sum((outputs - sigmoid(inputs @ w))^2), for any weights."""
    saved = network.synaptic_weights
    network.synaptic_weights = weights.reshape(-1, 1)
    try:
        return 0.5 * np.sum((outputs - network.think(inputs)) ** 2)
    finally:
        network.synaptic_weights = saved


def numerical_gradient(function, point, step=1e-6):
    """Central finite differences of a scalar function at every coordinate of `point`."""
    gradient = np.zeros_like(point)
    for index in np.ndindex(point.shape):
        shift = np.zeros_like(point)
        shift[index] = step
        gradient[index] = (function(point + shift) - function(point - shift)) / (2 * step)
    return gradient


def test_starting_weights_are_the_articles():
    # The article: random.seed(1); 2 * random.random((3, 1)) - 1
    expected = 2 * np.random.RandomState(1).random_sample((3, 1)) - 1
    network = NeuralNetwork()
    assert np.array_equal(network.synaptic_weights, expected)
    assert network.synaptic_weights.dtype == np.float64
    np.testing.assert_allclose(network.synaptic_weights[:, 0], ARTICLE_START, atol=5e-9)


def test_reproduces_the_articles_run():
    network = NeuralNetwork()
    network.train(TRAINING_INPUTS, TRAINING_OUTPUTS, 10_000)
    np.testing.assert_allclose(network.synaptic_weights[:, 0], ARTICLE_TRAINED, atol=1e-8)
    assert network.think(NEW_SITUATION)[0] == pytest.approx(ARTICLE_PREDICTION, abs=1e-8)


def test_default_training_is_the_articles():
    explicit, default = NeuralNetwork(), NeuralNetwork()
    explicit.train(TRAINING_INPUTS, TRAINING_OUTPUTS, iterations=10_000, learning_rate=1.0)
    default.train(TRAINING_INPUTS, TRAINING_OUTPUTS)
    assert np.array_equal(explicit.synaptic_weights, default.synaptic_weights)


@pytest.mark.parametrize("learning_rate", [1.0, 0.3])
def test_one_step_is_gradient_descent(learning_rate):
    rng = np.random.default_rng(7)
    inputs = rng.normal(size=(6, 4))
    outputs = rng.uniform(size=(6, 1))
    network = NeuralNetwork(n_inputs=4, seed=3)
    before = network.synaptic_weights[:, 0].copy()
    gradient = numerical_gradient(
        lambda w: half_squared_error(network, w, inputs, outputs), before
    )
    network.train(inputs, outputs, iterations=1, learning_rate=learning_rate)
    step = network.synaptic_weights[:, 0] - before
    np.testing.assert_allclose(step, -learning_rate * gradient, rtol=1e-6, atol=1e-9)


def test_history_records_loss_before_each_update_and_every_weight():
    network = NeuralNetwork()
    history = network.train(TRAINING_INPUTS, TRAINING_OUTPUTS, iterations=5)
    assert isinstance(history, TrainingHistory)
    assert history.loss.shape == (5,)
    assert history.weights.shape == (6, 3)
    np.testing.assert_allclose(history.weights[0], ARTICLE_START, atol=5e-9)
    assert np.array_equal(history.weights[-1], network.synaptic_weights[:, 0])
    for k in range(5):
        replay = NeuralNetwork()
        replay.synaptic_weights = history.weights[k].reshape(3, 1).copy()
        error = TRAINING_OUTPUTS - replay.think(TRAINING_INPUTS)
        assert history.loss[k] == pytest.approx(np.mean(error**2), rel=1e-12)
        replay.train(TRAINING_INPUTS, TRAINING_OUTPUTS, iterations=1)
        np.testing.assert_allclose(replay.synaptic_weights[:, 0], history.weights[k + 1])


def test_loss_falls_over_the_articles_training():
    history = NeuralNetwork().train(TRAINING_INPUTS, TRAINING_OUTPUTS)
    assert history.loss[-1] < 1e-4 < history.loss[0]
    assert np.all(np.diff(history.loss) <= 0)


def test_zero_iterations_change_nothing():
    network = NeuralNetwork()
    before = network.synaptic_weights.copy()
    history = network.train(TRAINING_INPUTS, TRAINING_OUTPUTS, iterations=0)
    assert np.array_equal(network.synaptic_weights, before)
    assert history.loss.shape == (0,)
    assert history.weights.shape == (1, 3)


def test_one_dimensional_outputs_are_a_column():
    column, flat = NeuralNetwork(), NeuralNetwork()
    column.train(TRAINING_INPUTS, TRAINING_OUTPUTS, iterations=50)
    flat.train(TRAINING_INPUTS, TRAINING_OUTPUTS[:, 0], iterations=50)
    assert np.array_equal(column.synaptic_weights, flat.synaptic_weights)


def test_think_shapes():
    network = NeuralNetwork(n_inputs=3)
    assert network.think(NEW_SITUATION).shape == (1,)
    assert network.think(TRAINING_INPUTS).shape == (4, 1)
    assert network.think([[1, 0, 0]]).shape == (1, 1)
    assert network.think([1, 0, 0])[0] == network.think(TRAINING_INPUTS[:1] * 0 + [1, 0, 0])[0, 0]


def test_global_random_state_is_untouched():
    # The legacy global generator is exactly what must not be touched.
    before = np.random.get_state()  # noqa: NPY002
    NeuralNetwork(seed=5)
    TwoLayerNetwork(seed=5)
    after = np.random.get_state()  # noqa: NPY002
    assert before[0] == after[0]
    assert np.array_equal(before[1], after[1])
    assert before[2:] == after[2:]


def test_seed_changes_the_start():
    assert not np.array_equal(
        NeuralNetwork(seed=1).synaptic_weights, NeuralNetwork(seed=2).synaptic_weights
    )
    assert NeuralNetwork(n_inputs=7).synaptic_weights.shape == (7, 1)
