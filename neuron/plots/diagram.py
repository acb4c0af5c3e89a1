"""Chapter 1's figure: one neuron as a diagram, from inputs to output."""

import numpy as np
from matplotlib.patches import Circle, FancyBboxPatch

from neuron.activation import sigmoid
from neuron.plots.style import COLORS, new_figure
from neuron.validation import as_finite_array, check_count

# Where the parts of the diagram sit, in the diagram's own units.
INPUT_X, SUM_X, SIGMOID_X, OUTPUT_X = 1.2, 5.4, 7.7, 9.6
NODE_RADIUS = 0.42


def _arrow(ax, start, end, color, width, gid=None):
    ax.annotate(
        "",
        xy=end,
        xytext=start,
        arrowprops={
            "arrowstyle": "-|>",
            "color": color,
            "lw": width,
            "mutation_scale": 14,
        },
        gid=gid,
    )


def _column(values, name, n_inputs):
    """`values` as a 1-D float array, n_inputs long (None stays None)."""
    if values is None:
        return None
    array = as_finite_array(name, values).ravel()
    if len(array) != n_inputs:
        raise ValueError(
            f"{name} must hold {n_inputs} numbers, got {len(array)}"
        )
    return array


def draw_neuron(weights=None, inputs=None, n_inputs=None):
    """Draw one neuron: inputs, weights, weighted sum, sigmoid, output.

    weights: optional, n_inputs numbers (shape (n,) or (n, 1)); when given
        they are written on the synapses, which are drawn thicker for
        larger weights, blue when positive and vermilion when negative.
    inputs: optional, n_inputs numbers for one example; needs weights, and
        then the diagram also shows the weighted sum z and the output
        sigmoid(z).
    n_inputs: the number of inputs when no weights are given (default 3).
    Returns the matplotlib Figure.
    """
    if inputs is not None and weights is None:
        raise ValueError("inputs need weights: the weighted sum needs both")
    if n_inputs is None:
        n_inputs = 3 if weights is None else np.size(weights)
    n_inputs = check_count("n_inputs", n_inputs)
    weights = _column(weights, "weights", n_inputs)
    inputs = _column(inputs, "inputs", n_inputs)

    top = max(1.0, 0.5 * (n_inputs - 1) * 1.3)
    left, right = (-0.4, 11.8) if inputs is not None else (-0.1, 10.5)
    bottom, ceiling = -top - 0.8, top + 1.8
    width = 6.0
    figure, ax = new_figure(
        width=width, height=width * (ceiling - bottom) / (right - left)
    )
    ax.set_axis_off()
    ax.set_xlim(left, right)
    ax.set_ylim(bottom, ceiling)
    ax.set_aspect("equal")
    heights = (
        np.linspace(top, -top, n_inputs) if n_inputs > 1 else np.zeros(1)
    )

    # Column headings, above the parts they name; every other one a row
    # higher, so that they do not run into each other.
    heading = {
        "ha": "center",
        "va": "bottom",
        "fontsize": 10,
        "color": "#333333",
    }
    ax.text(INPUT_X, top + 0.6, "inputs", **heading)
    ax.text(
        0.45 * INPUT_X + 0.55 * SUM_X - 0.5,
        top + 1.3,
        "synaptic weights",
        **heading,
    )
    ax.text(SUM_X, top + 0.6, "weighted sum", **heading)
    ax.text(SIGMOID_X, top + 1.3, "sigmoid", **heading)
    ax.text(OUTPUT_X, top + 0.6, "output", **heading)

    # The inputs and their synapses, one arrow per weight.
    largest = np.max(np.abs(weights)) if weights is not None else 1.0
    for j, y in enumerate(heights):
        ax.add_patch(
            Circle(
                (INPUT_X, y),
                NODE_RADIUS,
                facecolor="white",
                edgecolor="black",
                gid="input",
            )
        )
        ax.text(
            INPUT_X,
            y,
            f"$x_{{{j + 1}}}$",
            ha="center",
            va="center",
            fontsize=12,
        )
        if inputs is not None:
            value = f"{inputs[j]:g}"
            ax.text(
                INPUT_X - NODE_RADIUS - 0.15,
                y,
                value,
                ha="right",
                va="center",
                fontsize=11,
            )

        color, width = "#444444", 1.4
        weight_label = f"$w_{{{j + 1}}}$"
        if weights is not None:
            color = (
                COLORS["blue"] if weights[j] >= 0 else COLORS["vermilion"]
            )
            width = (
                0.8 + 3.2 * abs(weights[j]) / largest
                if largest > 0
                else 0.8
            )
            weight_label = f"$w_{{{j + 1}}} = {weights[j]:.2f}$"
        start = (INPUT_X + NODE_RADIUS, y)
        direction = np.array([SUM_X - start[0], -y])
        end = np.array(
            [SUM_X, 0.0]
        ) - NODE_RADIUS * direction / np.linalg.norm(direction)
        _arrow(ax, start, tuple(end), color, width, gid="synapse")
        # The weight's label sits on its synapse, a third of the way along.
        middle = np.array(start) + 0.38 * (end - np.array(start))
        ax.text(
            *middle,
            weight_label,
            ha="center",
            va="center",
            fontsize=10,
            color=color,
            bbox={
                "boxstyle": "round,pad=0.2",
                "facecolor": "white",
                "edgecolor": "none",
            },
        )

    # The weighted sum.
    ax.add_patch(
        Circle(
            (SUM_X, 0),
            NODE_RADIUS,
            facecolor="#f2f2f2",
            edgecolor="black",
            gid="sum",
        )
    )
    ax.text(SUM_X, 0, r"$\Sigma$", ha="center", va="center", fontsize=14)
    sum_label = r"$z = \sum_j x_j w_j$"
    if inputs is not None:
        z = float(np.dot(inputs, weights))
        sum_label = f"$z = {z:.4f}$"
    ax.text(
        SUM_X,
        -NODE_RADIUS - 0.25,
        sum_label,
        ha="center",
        va="top",
        fontsize=10,
    )

    # The sigmoid, a box with its S-shaped curve inside.
    half = 0.55
    ax.add_patch(
        FancyBboxPatch(
            (SIGMOID_X - half, -half),
            2 * half,
            2 * half,
            boxstyle="round,pad=0.05",
            facecolor="#f2f2f2",
            edgecolor="black",
            gid="sigmoid",
        )
    )
    curve_x = np.linspace(-6, 6, 50)
    ax.plot(
        SIGMOID_X + curve_x * (0.8 * half / 6),
        (sigmoid(curve_x) - 0.5) * 1.6 * half,
        color=COLORS["green"],
        lw=2,
        gid="sigmoid-curve",
    )
    ax.text(
        SIGMOID_X,
        -half - 0.25,
        r"$\sigma(z)$",
        ha="center",
        va="top",
        fontsize=10,
    )
    _arrow(
        ax,
        (SUM_X + NODE_RADIUS, 0),
        (SIGMOID_X - half - 0.08, 0),
        "#444444",
        1.4,
    )

    # The output.
    output_label = r"$\hat{y}$"
    if inputs is not None:
        output_label = rf"$\hat{{y}} = {float(sigmoid(z)):.8f}$"
    _arrow(
        ax,
        (SIGMOID_X + half + 0.08, 0),
        (OUTPUT_X - 0.35, 0),
        "#444444",
        1.4,
    )
    ax.text(
        OUTPUT_X - 0.3, 0, output_label, ha="left", va="center", fontsize=11
    )
    return figure
