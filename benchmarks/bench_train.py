"""Time NeuralNetwork.train against the article's bare NumPy loop; print the ratios.

The two are run interleaved in one process, several times each, and compared
by their medians, so that a busy machine slows both alike.
Run with:  .venv/bin/python benchmarks/bench_train.py
"""

import statistics
import time

import numpy as np

from neuron import NeuralNetwork
from neuron.data import TRAINING_INPUTS, TRAINING_OUTPUTS

REPEATS = 7


def article_loop(inputs, outputs, iterations):
    """The article's training loop, as it printed it, from the same starting weights."""
    random_state = np.random.RandomState(1)
    synaptic_weights = 2 * random_state.random_sample((inputs.shape[1], 1)) - 1
    for _ in range(iterations):
        output = 1 / (1 + np.exp(-(np.dot(inputs, synaptic_weights))))
        synaptic_weights += np.dot(inputs.T, (outputs - output) * output * (1 - output))
    return synaptic_weights


def package_train(inputs, outputs, iterations):
    """The package's training, history recording included."""
    network = NeuralNetwork(n_inputs=inputs.shape[1], seed=1)
    network.train(inputs, outputs, iterations=iterations)
    return network.synaptic_weights


def seconds(function, *args):
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def ratio(inputs, outputs, iterations):
    """Median time of the package over median time of the article's loop."""
    package_times, article_times = [], []
    for _ in range(REPEATS):
        package_times.append(seconds(package_train, inputs, outputs, iterations))
        article_times.append(seconds(article_loop, inputs, outputs, iterations))
    return statistics.median(package_times) / statistics.median(article_times)


def main():
    random_state = np.random.RandomState(0)
    large_inputs = random_state.random_sample((100_000, 3))
    large_outputs = (large_inputs[:, :1] > 0.5).astype(np.float64)
    cases = [
        (
            "(a) article's 4 x 3 example, 10,000 iterations",
            TRAINING_INPUTS,
            TRAINING_OUTPUTS,
            10_000,
            1.20,
        ),
        (
            "(b) 100,000 random examples x 3 inputs, 100 iterations",
            large_inputs,
            large_outputs,
            100,
            1.05,
        ),
    ]
    for label, inputs, outputs, iterations, target in cases:
        measured = ratio(np.array(inputs), np.array(outputs), iterations)
        verdict = "within" if measured <= target else "OVER"
        print(f"{label}: package / article = {measured:.3f}  ({verdict} target {target:.2f})")


if __name__ == "__main__":
    main()
