"""Time NeuralNetwork.train against the article's bare NumPy loop; print the ratios.

Two cases (issue 12): (a) the article's 4 x 3 problem, 10,000 iterations at
learning rate 1; (b) a problem that keeps learning, 100,000 examples of 3
standard-normal inputs labelled by a logistic teacher, 100 iterations at
learning rate 1e-4. Each case runs both sides interleaved in one process,
several times, and compares their medians. Each run is timed by the CPU time
the process used (`time.process_time`), which the other jobs of a shared
machine do not inflate, as they do wall-clock time while this process waits
for a core. So OpenBLAS runs on one thread (set here, before NumPy loads): the
CPU time is then this computation's alone, and a second thread cannot stall
waiting for a busy core.
Run with:  .venv/bin/python benchmarks/bench_train.py
"""

import os

os.environ["OPENBLAS_NUM_THREADS"] = "1"

import statistics  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

from neuron import NeuralNetwork  # noqa: E402
from neuron.data import TRAINING_INPUTS, TRAINING_OUTPUTS  # noqa: E402

# Runs of each side per case: case (b) takes about 50 ms a run, and with 9
# runs its ratio ranged over 0.04 from one call of this script to the next
# on a quiet machine (benchmarks/README.md).
REPEATS = 25
TEACHER_WEIGHTS = np.array([[1.5], [-2.0], [0.5]])


def article_sigmoid(x):
    """The article's sigmoid, 1 / (1 + exp(-x)) (a method of its class)."""
    return 1 / (1 + np.exp(-x))


def article_loop(inputs, outputs, iterations, learning_rate):
    """The article's training loop as it printed it, from the package's starting weights.

    As in the article, the sigmoid is a function call and inputs.T is taken on
    every step; the learning rate multiplies the adjustment (the article's loop
    is the case learning_rate = 1).
    """
    random_state = np.random.RandomState(1)
    synaptic_weights = 2 * random_state.random_sample((inputs.shape[1], 1)) - 1
    for _ in range(iterations):
        output = article_sigmoid(np.dot(inputs, synaptic_weights))
        adjustment = np.dot(inputs.T, (outputs - output) * output * (1 - output))
        synaptic_weights += learning_rate * adjustment
    return synaptic_weights


def hoisted_loop(inputs, outputs, iterations, learning_rate):
    """The article's loop with its per-step constants hoisted and its sigmoid inlined.

    A barer loop than the article's, for information: the targets compare
    with `article_loop`.
    """
    random_state = np.random.RandomState(1)
    synaptic_weights = 2 * random_state.random_sample((inputs.shape[1], 1)) - 1
    step = learning_rate * inputs.T
    for _ in range(iterations):
        output = 1 / (1 + np.exp(-np.dot(inputs, synaptic_weights)))
        synaptic_weights += np.dot(step, (outputs - output) * output * (1 - output))
    return synaptic_weights


def package_train(inputs, outputs, iterations, learning_rate):
    """The package's training: argument checks and history included."""
    network = NeuralNetwork(n_inputs=inputs.shape[1], seed=1)
    network.train(inputs, outputs, iterations=iterations, learning_rate=learning_rate)
    return network.synaptic_weights


def seconds(function, *args):
    """The CPU time `function(*args)` took."""
    start = time.process_time()
    function(*args)
    return time.process_time() - start


def ratio(ours, theirs, *args):
    """Median time of `ours` over median time of `theirs`, run interleaved."""
    our_times, their_times = [], []
    for _ in range(REPEATS):
        our_times.append(seconds(ours, *args))
        their_times.append(seconds(theirs, *args))
    return statistics.median(our_times) / statistics.median(their_times)


def teacher_examples(m, seed=0):
    """`m` standard-normal examples of 3 inputs, labelled 1 with the teacher's probability."""
    random_state = np.random.RandomState(seed)
    inputs = random_state.standard_normal((m, 3))
    probability = 1 / (1 + np.exp(-(inputs @ TEACHER_WEIGHTS)))
    outputs = (random_state.random_sample((m, 1)) < probability).astype(np.float64)
    return inputs, outputs


def main():
    cases = [
        (
            "(a) the article's 4 x 3 problem, 10,000 iterations, learning rate 1",
            (np.array(TRAINING_INPUTS), np.array(TRAINING_OUTPUTS), 10_000, 1.0),
            1.25,
        ),
        (
            "(b) 100,000 x 3 normal inputs, logistic teacher, 100 iterations, rate 1e-4",
            (*teacher_examples(100_000), 100, 1e-4),
            1.15,
        ),
    ]
    for label, args, target in cases:
        # Both sides must learn the same thing, or the timing compares different work.
        assert np.allclose(package_train(*args), article_loop(*args), rtol=1e-9, atol=1e-12)
        measured = ratio(package_train, article_loop, *args)
        barer = ratio(package_train, hoisted_loop, *args)
        verdict = "met" if measured <= target else "NOT met"
        print(f"{label}\n    package / article = {measured:.3f}  (target {target:.2f}: {verdict})")
        print(f"    package / article with constants hoisted = {barer:.3f}  (for information)")


if __name__ == "__main__":
    main()
