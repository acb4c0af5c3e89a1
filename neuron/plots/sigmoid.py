"""Chapters 3 and 4's figures: the sigmoid, alone and with its slope, and
the examples on it as a weight moves (an explorable figure)."""

import numpy as np

from neuron.activation import sigmoid, sigmoid_derivative
from neuron.plots.explorable import Explorable
from neuron.plots.style import COLORS, CYCLE, new_figure
from neuron.text import fixed
from neuron.validation import as_finite_array


def _check_grid(z):
    """Return `z` as floats: at least two increasing weighted sums."""
    z = as_finite_array("z", z)
    if z.ndim != 1 or len(z) < 2:
        raise ValueError(f"z must be a 1-D array of at least two values, got shape {z.shape}")
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
        ax.axhline(limit, color=COLORS["black"], linewidth=0.8, linestyle=":")
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
        raise ValueError(f"at most {len(colors)} points can be marked, got {len(marked)}")
    for i, (label, value) in enumerate(marked.items()):
        value = float(value)
        if not np.isfinite(value):
            raise ValueError(f"the marked point {label!r} must be a finite number, got {value}")
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
    # Below ½ and right of the middle is the one place the curve never
    # enters: a legend there, its left edge just right of the middle, hides
    # no point on the curve, not even one at (0, ½). (A long legend may
    # stick out to the right; the layout makes room for it.)
    middle = np.interp(0.0, z, np.linspace(0, 1, len(z)))
    ax.legend(
        loc="lower left",
        bbox_to_anchor=(max(middle, 0.0) + 0.04, 0.01),
        fontsize="small",
        handlelength=1.2,
        handletextpad=0.4,
        borderaxespad=0.3,
    )
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


def explore_weight(weights, examples, j, values, start=0):
    """An explorable figure: move weight j and watch the examples move
    along the sigmoid.

    weights: the neuron's weights, shape (n,) or (n, 1);
    examples: {label: inputs of shape (n,)}, each marked on the curve at
        its weighted sum, its answer in the legend;
    j: which weight the control moves (0 for the first);
    values: the settings of that weight, increasing; the other weights
        keep their values.
    """
    weights = as_finite_array("weights", weights).ravel()
    values = _check_grid(values)
    if not 0 <= j < len(weights):
        raise ValueError(f"j must index a weight (0 to {len(weights) - 1}), got {j}")
    name = f"w_{j + 1}"
    curve = np.linspace(-13, 13, 521)

    def setting(i):
        moved = weights.copy()
        moved[j] = values[i]
        sums = {label: float(np.dot(inputs, moved)) for label, inputs in examples.items()}
        return moved, sums

    def draw(i):
        _, sums = setting(i)
        marked = {f"{label} → {float(sigmoid(z)):.3f}": z for label, z in sums.items()}
        figure = plot_sigmoid(curve, marked)
        figure.axes[0].set_title(f"${name}$ = {fixed(values[i], 2)}")
        return figure

    def describe(i):
        moved, sums = setting(i)
        others = ", ".join(f"w{k + 1} = {fixed(w, 2)}" for k, w in enumerate(moved) if k != j)
        points = "; ".join(
            f"{label}: z = {fixed(z, 2)}, answer {float(sigmoid(z)):.3f}"
            for label, z in sums.items()
        )
        return f"w{j + 1} = {fixed(values[i], 2)} ({others}). {points}."

    return Explorable.from_figures(
        f"sigmoid-w{j + 1}",
        f"Weight w{j + 1}",
        [f"w{j + 1} = {fixed(value, 2)}" for value in values],
        draw,
        describe,
        start,
    )
