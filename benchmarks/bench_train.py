"""Time NeuralNetwork.train against the article's bare NumPy loop; print the ratios.

The two are run interleaved in one process, several times each, and compared
by their medians, so that a busy machine slows both alike.
Run with:  .venv/bin/python benchmarks/bench_train.py
"""

import statistics
import time

import numpy as np

from neuron import NeuralNetwork, sigmoid
from neuron.data import TRAINING_INPUTS, TRAINING_OUTPUTS

REPEATS = 7


def article_sigmoid(x):
    """The article's sigmoid formula (it overflows, with a warning, for x below about -709)."""
    return 1 / (1 + np.exp(-x))


def article_loop(inputs, outputs, iterations, activation=article_sigmoid):
    """The article's training loop, as it printed it, from the same starting weights."""
    random_state = np.random.RandomState(1)
    synaptic_weights = 2 * random_state.random_sample((inputs.shape[1], 1)) - 1
    for _ in range(iterations):
        output = activation(np.dot(inputs, synaptic_weights))
        synaptic_weights += np.dot(inputs.T, (outputs - output) * output * (1 - output))
    return synaptic_weights


def article_loop_stable(inputs, outputs, iterations):
    """The article's loop with the package's stable sigmoid in place of its formula."""
    return article_loop(inputs, outputs, iterations, activation=sigmoid)


def package_train(inputs, outputs, iterations):
    """The package's training, history recording included."""
    network = NeuralNetwork(n_inputs=inputs.shape[1], seed=1)
    network.train(inputs, outputs, iterations=iterations)
    return network.synaptic_weights


def seconds(function, *args):
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def ratio(ours, theirs, *args):
    """Median time of `ours` over median time of `theirs`, run interleaved."""
    our_times, their_times = [], []
    for _ in range(REPEATS):
        our_times.append(seconds(ours, *args))
        their_times.append(seconds(theirs, *args))
    return statistics.median(our_times) / statistics.median(their_times)


def repeated(function, times):
    """`function(x)` called `times` times: tiny arrays need many calls to be timed."""

    def run(x):
        for _ in range(times):
            function(x)

    return run


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
        measured = ratio(
            package_train, article_loop, np.array(inputs), np.array(outputs), iterations
        )
        verdict = "within" if measured <= target else "OVER"
        print(f"{label}: package / article = {measured:.3f}  ({verdict} target {target:.2f})")
        overhead = ratio(
            package_train, article_loop_stable, np.array(inputs), np.array(outputs), iterations
        )
        print(f"    the same loop with the stable sigmoid: package / article = {overhead:.3f}")

    print("Where the time goes: the stable sigmoid alone, against the article's formula")
    for size, calls in [(4, 10_000), (100_000, 100)]:
        weighted_sums = random_state.normal(size=(size, 1))
        measured = ratio(repeated(sigmoid, calls), repeated(article_sigmoid, calls), weighted_sums)
        print(
            f"    {size:>7,} values, {calls:,} calls: sigmoid / article formula = {measured:.3f}"
        )


if __name__ == "__main__":
    main()
