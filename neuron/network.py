"""One artificial neuron that learns by adjusting its synaptic weights."""

from dataclasses import dataclass

import numpy as np

from neuron.activation import sigmoid, sigmoid_derivative
from neuron.validation import (
    check_count,
    check_examples,
    check_inputs,
    check_learning_rate,
)


@dataclass
class TrainingHistory:
    """What happened during training.

    loss: shape (iterations,), the mean squared error before each update.
    weights: shape (iterations + 1, n_inputs), row 0 the starting weights
        and row k the weights after k updates; None where not recorded.
    """

    loss: np.ndarray
    weights: np.ndarray | None = None


class NeuralNetwork:
    """A single neuron with `n_inputs` synapses and a sigmoid activation."""

    def __init__(self, n_inputs=3, seed=1):
        n_inputs = check_count("n_inputs", n_inputs)
        # Our own seeded random generator, so every run starts from the same
        # weights and NumPy's global random state is left alone.
        random_state = np.random.RandomState(seed)
        # One weight per synapse, drawn uniformly from [-1, 1):
        # shape (n_inputs, 1).
        self.synaptic_weights = (
            2 * random_state.random_sample((n_inputs, 1)) - 1
        )

    @property
    def n_inputs(self):
        """The number of synapses."""
        return len(self.synaptic_weights)

    def think(self, inputs):
        """Pass inputs through the neuron: sigmoid(inputs @ weights).

        inputs of shape (n_inputs,) give shape (1,);
        (m, n_inputs) give (m, 1).
        """
        inputs = check_inputs(inputs, self.n_inputs)
        return sigmoid(inputs @ self.synaptic_weights)

    def train(self, inputs, outputs, iterations=10_000, learning_rate=1.0):
        """Learn from examples by trial and error; return a TrainingHistory.

        inputs: shape (m, n_inputs);
        outputs: the targets, shape (m, 1) or (m,).
        """
        inputs, outputs = check_examples(inputs, outputs, self.n_inputs)
        iterations = check_count("iterations", iterations, minimum=0)
        learning_rate = check_learning_rate(learning_rate)

        squared_error_sums = np.empty(iterations)
        weights = np.empty((iterations + 1, self.n_inputs))
        weights[0] = self.synaptic_weights.T
        # Each step moves the weights by learning_rate * inputs.T @ delta.
        step = learning_rate * inputs.T
        # The weighted sums, inputs @ weights, add up one column of inputs
        # per weight; in a column-major copy each column is one contiguous
        # run of memory, which the product reads fastest.
        columns = np.asfortranarray(inputs)

        for iteration in range(iterations):
            # Pass the training set through the neuron
            # (the inputs are already checked).
            output = sigmoid(columns @ self.synaptic_weights)

            # How far off is each answer, and in which direction?
            error = outputs - output
            squared_error_sums[iteration] = np.vdot(error, error)

            # Weight each error by the sigmoid's slope: confident answers
            # (output near 0 or 1) move little, unsure ones move a lot.
            # Then each weight moves in proportion to the input it carries.
            delta = error * sigmoid_derivative(output)
            self.synaptic_weights += step @ delta
            weights[iteration + 1] = self.synaptic_weights.T

        return TrainingHistory(
            loss=squared_error_sums / len(inputs), weights=weights
        )
