"""Figure helpers for the chapters: the only module that imports matplotlib.

Every figure has an opaque white background (so it stays readable in a dark
theme), labelled axes and colours from the Okabe-Ito palette, which readers
with colour-vision deficiencies can tell apart.
"""

import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter

# Okabe & Ito's colour-blind-safe palette.
COLORS = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}
CYCLE = [COLORS[name] for name in ("blue", "orange", "green", "vermillion", "purple", "sky")]


def new_figure(ncols=1, width=6.0, height=3.6, **subplot_kw):
    """Return (figure, axes) with the book's style: opaque background, one colour cycle."""
    figure, axes = plt.subplots(
        1, ncols, figsize=(width, height), facecolor="white", layout="constrained", **subplot_kw
    )
    for ax in axes if ncols > 1 else [axes]:
        ax.set_facecolor("white")
        ax.set_prop_cycle(color=CYCLE)
        ax.grid(True, color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
    return figure, axes


# --- Chapter 1: the neuron ---


# --- Chapter 2: the training cycle ---


# --- Chapter 3: the sigmoid ---


# --- Chapter 4: weight adjustment ---


# --- Chapter 5: the full implementation ---


def plot_training_times(sizes, loop_seconds, numpy_seconds):
    """Time per training run against the number of examples, loops and NumPy, log-log.

    sizes: the numbers of training examples m; loop_seconds and numpy_seconds:
    the measured time of one training run for each size, in seconds.
    """
    if not len(sizes) == len(loop_seconds) == len(numpy_seconds):
        raise ValueError("sizes, loop_seconds and numpy_seconds must have the same length")
    figure, ax = new_figure()
    ax.loglog(
        sizes,
        [1e3 * seconds for seconds in loop_seconds],
        "o-",
        color=COLORS["vermillion"],
        label="Python loops",
    )
    ax.loglog(
        sizes,
        [1e3 * seconds for seconds in numpy_seconds],
        "s-",
        color=COLORS["blue"],
        label="NumPy (the package)",
    )
    ax.set_xticks(sizes, labels=[f"{m:,}" for m in sizes])
    ax.minorticks_off()
    # Plain numbers (0.1, 1, 10) rather than powers of ten on the time axis.
    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
    ax.set_xlabel("training examples, m (log scale)")
    ax.set_ylabel("time per training run (ms, log scale)")
    ax.legend()
    return figure


# --- Chapter 6: beyond one neuron ---
