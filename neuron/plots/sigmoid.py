"""Chapters 3 and 4's figures: the sigmoid, alone and with its slope."""

import numpy as np

from neuron.activation import sigmoid, sigmoid_derivative
from neuron.plots.style import COLORS, CYCLE, new_figure
from neuron.validation import as_finite_array


def _check_grid(z):
    """Return `z` as floats: at least two increasing weighted sums."""
    z = as_finite_array("z", z)
    if z.ndim != 1 or len(z) < 2:
        raise ValueError(
            "z must be a 1-D array of at least two values, "
            f"got shape {z.shape}"
        )
    if not np.all(np.diff(z) > 0):
        raise ValueError("z must hold values in increasing order")
    return z


def plot_sigmoid(z, marked=None):
    """The sigmoid's S-shaped curve over `z`, with its two limits.

    z: increasing weighted sums, shape (k,), the points the curve is
        drawn through.
    marked: optional {label: weighted sum} of points to mark on the curve,
        each drawn as a dot at (z, sigmoid(z)) and named in the legend.
    """
    z = _check_grid(z)
    marked = {} if marked is None else dict(marked)
    figure, ax = new_figure()
    # The two values the curve approaches but never reaches.
    for limit in (0.0, 1.0):
        ax.axhline(
            limit, color=COLORS["black"], linewidth=0.8, linestyle=":"
        )
    ax.plot(
        z,
        sigmoid(z),
        color=COLORS["blue"],
        linewidth=2,
        label=r"$\sigma(z)$",
    )
    markers = ["o", "s", "^", "D", "v"]
    colors = CYCLE[1:]  # every colour but the curve's blue
    if len(marked) > len(colors):
        raise ValueError(
            f"at most {len(colors)} points can be marked, got {len(marked)}"
        )
    for i, (label, value) in enumerate(marked.items()):
        value = float(value)
        if not np.isfinite(value):
            raise ValueError(
                f"the marked point {label!r} must be a finite number, "
                f"got {value}"
            )
        ax.plot(
            [value],
            [sigmoid(value)],
            linestyle="none",
            marker=markers[i],
            markersize=8,
            color=colors[i],
            markeredgecolor=COLORS["black"],
            label=label,
        )
    ax.set_xlim(z[0], z[-1])
    ax.set_ylim(-0.05, 1.05)
    ax.set_xlabel("weighted sum, z")
    ax.set_ylabel(r"output, $\sigma(z)$")
    ax.legend(loc="upper left", fontsize="small")
    return figure


def plot_sigmoid_and_slope(z):
    """The sigmoid and its slope sigma'(z) = sigma(z) * (1 - sigma(z)).

    z: increasing weighted sums, shape (k,). Both curves share the same
    axes, and the slope's peak at z = 0 is marked.
    """
    z = _check_grid(z)
    figure, ax = new_figure()
    output = sigmoid(z)
    ax.plot(
        z,
        output,
        color=COLORS["blue"],
        linewidth=2,
        label=r"$\sigma(z)$, the output",
    )
    ax.plot(
        z,
        sigmoid_derivative(output),
        color=COLORS["vermilion"],
        linewidth=2,
        linestyle="--",
        label=r"$\sigma'(z) = \sigma(z)\,(1 - \sigma(z))$, its slope",
    )
    if z[0] <= 0 <= z[-1]:
        ax.annotate(
            "steepest: slope ¼ at z = 0",
            xy=(0, 0.25),
            xytext=(1.0, 0.38),
            arrowprops={"arrowstyle": "->", "color": COLORS["black"]},
            fontsize="small",
        )
    ax.set_xlim(z[0], z[-1])
    ax.set_ylim(-0.05, 1.05)
    ax.set_xlabel("weighted sum, z")
    ax.set_ylabel("output and slope")
    ax.legend(loc="upper left", fontsize="small")
    return figure
