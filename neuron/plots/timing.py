"""Chapter 5's figure: a training run's time, Python loops against NumPy."""

import numpy as np
from matplotlib.ticker import FuncFormatter

from neuron.plots.style import COLORS, new_figure


def plot_training_times(sizes, loop_seconds, numpy_seconds):
    """Time per training run against m examples, loops vs NumPy, log-log.

    sizes: the numbers of training examples m;
    loop_seconds and numpy_seconds: the measured time of one training run
    for each size, in seconds.
    """
    if not len(sizes) == len(loop_seconds) == len(numpy_seconds):
        raise ValueError(
            "sizes, loop_seconds and numpy_seconds "
            "must have the same length"
        )
    # Both axes are logarithmic: only positive numbers can be drawn.
    counts = np.asarray(sizes, dtype=float)
    if not np.all((counts > 0) & (counts == np.round(counts))):
        raise ValueError(
            f"sizes must be positive whole numbers, got {sizes}"
        )
    for name, times in [
        ("loop_seconds", loop_seconds),
        ("numpy_seconds", numpy_seconds),
    ]:
        if not np.all(np.isfinite(times) & (np.asarray(times) > 0)):
            raise ValueError(
                f"{name} must hold positive, finite times, got {times}"
            )
    figure, ax = new_figure()
    for times, style, color, label in [
        (loop_seconds, "o-", COLORS["vermilion"], "Python loops"),
        (numpy_seconds, "s-", COLORS["blue"], "NumPy (the package)"),
    ]:
        ax.loglog(
            sizes,
            [1e3 * seconds for seconds in times],
            style,
            color=color,
            label=label,
        )
    ax.set_xticks(sizes, labels=[f"{m:,}" for m in sizes])
    ax.minorticks_off()
    # Plain numbers (0.1, 1, 10) rather than powers of ten on the time axis.
    ax.yaxis.set_major_formatter(
        FuncFormatter(lambda value, _: f"{value:g}")
    )
    ax.set_xlabel("training examples, m (log scale)")
    ax.set_ylabel("time per training run (ms, log scale)")
    ax.legend()
    return figure
