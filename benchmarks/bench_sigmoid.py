"""Ways to compute the sigmoid: which keep the package's promises, and what each costs.

The promises (tests/test_activation.py): no RuntimeWarning for any finite
input; within 1e-15 (relative) of the plain formula 1 / (1 + exp(-x)) for
|x| < 30; exactly 0 and 1 at the extremes; tiny values such as e^-720 kept.
Each variant is checked against them, then timed against the plain formula
on 4 and on 100,000 values: interleaved in one process, the median of
several runs, each run's CPU time (as bench_train.py does).
Run with:  .venv/bin/python benchmarks/bench_sigmoid.py
"""

import os

os.environ["OPENBLAS_NUM_THREADS"] = "1"

import statistics  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402

import numpy as np  # noqa: E402

from neuron import sigmoid  # noqa: E402

REPEATS = 9


def plain(x):
    """The article's formula."""
    return 1 / (1 + np.exp(-x))


def plain_without_warnings(x):
    """The article's formula with overflow silenced."""
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(-x))


def tanh_form(x):
    """Through the hyperbolic tangent: (1 + tanh(x / 2)) / 2."""
    return 0.5 * (1 + np.tanh(0.5 * np.asarray(x, dtype=np.float64)))


def two_exp(x):
    """The package's first stable form: e^s / (e^s + e^(s - x)), s = min(x, 0)."""
    x = np.asarray(x, dtype=np.float64)
    shift = np.minimum(x, 0.0)
    exp_shift = np.exp(shift)
    return exp_shift / (exp_shift + np.exp(shift - x))


def one_exp_where(x):
    """One exp of -|x|, the top chosen with np.where."""
    x = np.asarray(x, dtype=np.float64)
    power = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0, power) / (1 + power)


def one_exp_in_place(x):
    """The package's form computed in place: two new arrays, as the plain formula."""
    x = np.asarray(x, dtype=np.float64)
    power = np.negative(np.abs(x, out=np.empty_like(x)))
    np.exp(power, out=power)
    top = np.sign(x, out=np.empty_like(x))
    np.maximum(top, power, out=top)
    power += 1
    top /= power
    return top


VARIANTS = [plain, plain_without_warnings, tanh_form, two_exp, one_exp_where]
VARIANTS += [one_exp_in_place, sigmoid]


def broken_promises(function):
    """The promises `function` breaks, in words."""
    broken = []
    extremes = np.array([-1e308, -1000.0, -745.5, -720.0, -709.8, 709.8, 1000.0, 1e308])
    scales = np.logspace(-4, 304, 10_000)
    finite = np.random.default_rng(0).standard_normal(10_000) * scales
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            function(extremes), function(finite)
        except RuntimeWarning:
            broken.append("warns")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        moderate = np.linspace(-30, 30, 100_001)
        expected = plain(moderate)
        if np.any(np.abs(function(moderate) - expected) > 1e-15 * expected):
            broken.append("not within 1e-15 for |x| < 30")
        if function(np.array([-1e308, 1e308])).tolist() != [0.0, 1.0]:
            broken.append("not 0 and 1 at the extremes")
        tiny = function(np.array([-720.0]))[0]
        if abs(tiny - np.exp(-720.0)) > 1e-12 * np.exp(-720.0):
            broken.append("loses e^-720")
    return broken


def cpu_seconds(function, x, calls):
    start = time.process_time()
    for _ in range(calls):
        function(x)
    return time.process_time() - start


def cost(values, calls):
    """Each variant's median CPU time over the plain formula's, run interleaved."""
    times = {function: [] for function in VARIANTS}
    for _ in range(REPEATS):
        for function in VARIANTS:
            times[function].append(cpu_seconds(function, values, calls))
    base = statistics.median(times[plain])
    return {function: statistics.median(times[function]) / base for function in VARIANTS}


def main():
    sums = np.random.default_rng(1).normal(0, 5, size=(100_000, 1))
    small, large = cost(sums[:4], 10_000), cost(sums, 100)
    print(f"{'variant':24} {'4 values':>9} {'100,000':>9}  promises broken")
    for function in VARIANTS:
        broken = ", ".join(broken_promises(function)) or "none"
        name = function.__name__
        print(f"{name:24} {small[function]:9.2f} {large[function]:9.2f}  {broken}")


if __name__ == "__main__":
    main()
