"""Two layers of neurons: a hidden layer feeding one output neuron."""

import numpy as np

from neuron.activation import sigmoid, sigmoid_derivative
from neuron.network import TrainingHistory
from neuron.validation import (
    check_count,
    check_examples,
    check_inputs,
    check_learning_rate,
)


class TwoLayerNetwork:
    """A layer of `n_hidden` sigmoid neurons feeding one output neuron."""

    def __init__(self, n_inputs=3, n_hidden=4, seed=1):
        n_inputs = check_count("n_inputs", n_inputs)
        n_hidden = check_count("n_hidden", n_hidden)
        random_state = np.random.RandomState(seed)
        # Weights uniform in [-1, 1), drawn layer by layer from one
        # generator.
        self.layer1_weights = (
            2 * random_state.random_sample((n_inputs, n_hidden)) - 1
        )
        self.layer2_weights = (
            2 * random_state.random_sample((n_hidden, 1)) - 1
        )

    @property
    def n_inputs(self):
        """The number of inputs each hidden neuron sees."""
        return len(self.layer1_weights)

    def forward(self, inputs):
        """Return (hidden_output, output) for the inputs.

        inputs of shape (n_inputs,) give (n_hidden,) and (1,);
        (m, n_inputs) give (m, n_hidden) and (m, 1).
        """
        return self._forward(check_inputs(inputs, self.n_inputs))

    def think(self, inputs):
        """The output neuron's answer, shaped as NeuralNetwork.think's."""
        return self.forward(inputs)[1]

    def train(self, inputs, outputs, iterations=60_000, learning_rate=1.0):
        """Learn by backpropagation; return a TrainingHistory (loss only).

        inputs: shape (m, n_inputs);
        outputs: the targets, shape (m, 1) or (m,).
        """
        inputs, outputs = check_examples(inputs, outputs, self.n_inputs)
        iterations = check_count("iterations", iterations, minimum=0)
        learning_rate = check_learning_rate(learning_rate)

        squared_error_sums = np.empty(iterations)
        for iteration in range(iterations):
            hidden_output, output = self._forward(inputs)
            error = outputs - output
            squared_error_sums[iteration] = np.vdot(error, error)

            # The output neuron's rule is the single neuron's rule.
            output_delta = error * sigmoid_derivative(output)
            # Each hidden neuron shares the blame in proportion to the
            # weight that carries its output to the output neuron.
            hidden_delta = (
                output_delta @ self.layer2_weights.T
            ) * sigmoid_derivative(hidden_output)
            # Both layers move using the same forward pass.
            self.layer1_weights += learning_rate * (inputs.T @ hidden_delta)
            self.layer2_weights += learning_rate * (
                hidden_output.T @ output_delta
            )

        return TrainingHistory(loss=squared_error_sums / len(inputs))

    def _forward(self, inputs):
        hidden_output = sigmoid(inputs @ self.layer1_weights)
        output = sigmoid(hidden_output @ self.layer2_weights)
        return hidden_output, output
