"""Chapter 1's figure: one neuron as a diagram, from inputs to output."""

import numpy as np
from matplotlib.patches import Circle, FancyBboxPatch

from neuron.activation import sigmoid
from neuron.plots.style import COLORS, new_figure
from neuron.validation import as_finite_array, check_count

# Where the parts of the diagram sit, in the diagram's own units.
INPUT_X, SUM_X, SIGMOID_X, OUTPUT_X = 1.2, 5.4, 7.7, 9.6
NODE_RADIUS = 0.42
# The size of an arrow's head, in points.
ARROWHEAD_SIZE = 14


def _arrow(ax, start, end, color, width, gid=None):
    ax.annotate(
        "",
        xy=end,
        xytext=start,
        arrowprops={
            "arrowstyle": "-|>",
            "color": color,
            "lw": width,
            "mutation_scale": ARROWHEAD_SIZE,
        },
        gid=gid,
    )


def _column(values, name, n_inputs):
    """`values` as a 1-D float array, n_inputs long (None stays None)."""
    if values is None:
        return None
    array = as_finite_array(name, values).ravel()
    if len(array) != n_inputs:
        raise ValueError(f"{name} must hold {n_inputs} numbers, got {len(array)}")
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

    figure, ax, top = _canvas(n_inputs, with_values=inputs is not None)
    _headings(ax, top)
    heights = np.linspace(top, -top, n_inputs) if n_inputs > 1 else np.zeros(1)
    largest = np.max(np.abs(weights)) if weights is not None else 1.0
    for j, y in enumerate(heights):
        _input(ax, j, y, None if inputs is None else inputs[j])
        _synapse(ax, j, y, None if weights is None else weights[j], largest)
    z = None if inputs is None else float(np.dot(inputs, weights))
    _weighted_sum(ax, z)
    _sigmoid_box(ax)
    _output(ax, None if z is None else float(sigmoid(z)))
    return figure


# The diagram's frame: the inputs' spacing, the margins around the parts
# (wider on the left and right when the values are written beside them),
# and the figure's width in inches.
INPUT_SPACING = 1.3
MARGIN_BELOW, MARGIN_ABOVE = 0.8, 1.8
SIDES = (-0.1, 10.5)
SIDES_WITH_VALUES = (-0.4, 11.8)
FIGURE_WIDTH = 6.0


def _canvas(n_inputs, with_values):
    """The figure and its axes, sized to the diagram; and the top input's height."""
    top = max(1.0, 0.5 * (n_inputs - 1) * INPUT_SPACING)
    left, right = SIDES_WITH_VALUES if with_values else SIDES
    bottom, ceiling = -top - MARGIN_BELOW, top + MARGIN_ABOVE
    height = FIGURE_WIDTH * (ceiling - bottom) / (right - left)
    figure, ax = new_figure(width=FIGURE_WIDTH, height=height)
    ax.set_axis_off()
    ax.set_xlim(left, right)
    ax.set_ylim(bottom, ceiling)
    ax.set_aspect("equal")
    return figure, ax, top


# Column headings sit above the top input, every other one a row higher so
# that they do not run into each other.
HEADING_ROWS = (0.6, 1.3)
HEADING = {"ha": "center", "va": "bottom", "fontsize": 10, "color": "#333333"}
# The weights' heading sits over the synapses, a little left of their middle.
WEIGHTS_HEADING_X = 0.45 * INPUT_X + 0.55 * SUM_X - 0.5


def _headings(ax, top):
    """The columns' names: inputs, synaptic weights, weighted sum, sigmoid, output."""
    low, high = (top + row for row in HEADING_ROWS)
    ax.text(INPUT_X, low, "inputs", **HEADING)
    ax.text(WEIGHTS_HEADING_X, high, "synaptic weights", **HEADING)
    ax.text(SUM_X, low, "weighted sum", **HEADING)
    ax.text(SIGMOID_X, high, "sigmoid", **HEADING)
    ax.text(OUTPUT_X, low, "output", **HEADING)


# An input's value is written just left of its circle.
VALUE_GAP = 0.15


def _input(ax, j, y, value):
    """Input j: a circle named x_j, with its value beside it when there is one."""
    circle = Circle((INPUT_X, y), NODE_RADIUS, facecolor="white", edgecolor="black", gid="input")
    ax.add_patch(circle)
    ax.text(INPUT_X, y, f"$x_{{{j + 1}}}$", ha="center", va="center", fontsize=12)
    if value is not None:
        x = INPUT_X - NODE_RADIUS - VALUE_GAP
        ax.text(x, y, f"{value:g}", ha="right", va="center", fontsize=11)


# Arrows without a weight: grey, of one width. With weights, the largest
# weight's synapse is SYNAPSE_WIDTHS[1] wider than the thinnest.
PLAIN_COLOR, PLAIN_WIDTH = "#444444", 1.4
SYNAPSE_WIDTHS = (0.8, 3.2)
# A weight's label sits on its synapse, this far along it.
LABEL_ALONG = 0.38
LABEL_BOX = {"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none"}


def _synapse(ax, j, y, weight, largest):
    """The arrow from input j to the weighted sum, labelled with its weight."""
    color, width = PLAIN_COLOR, PLAIN_WIDTH
    label = f"$w_{{{j + 1}}}$"
    if weight is not None:
        color = COLORS["blue"] if weight >= 0 else COLORS["vermilion"]
        thinnest, extra = SYNAPSE_WIDTHS
        width = thinnest + extra * abs(weight) / largest if largest > 0 else thinnest
        label = f"$w_{{{j + 1}}} = {weight:.2f}$"
    start = np.array([INPUT_X + NODE_RADIUS, y])
    # The arrow ends on the sum's circle, on the line towards its centre.
    direction = np.array([SUM_X - start[0], -y])
    end = np.array([SUM_X, 0.0]) - NODE_RADIUS * direction / np.linalg.norm(direction)
    _arrow(ax, tuple(start), tuple(end), color, width, gid="synapse")
    middle = start + LABEL_ALONG * (end - start)
    ax.text(*middle, label, ha="center", va="center", fontsize=10, color=color, bbox=LABEL_BOX)


# What is written under a part sits this far below it.
CAPTION_GAP = 0.25
PART_FILL = "#f2f2f2"


def _weighted_sum(ax, z):
    """The sum's circle, with the formula for z, or z's value, below it."""
    circle = Circle((SUM_X, 0), NODE_RADIUS, facecolor=PART_FILL, edgecolor="black", gid="sum")
    ax.add_patch(circle)
    ax.text(SUM_X, 0, r"$\Sigma$", ha="center", va="center", fontsize=14)
    label = r"$z = \sum_j x_j w_j$" if z is None else f"$z = {z:.4f}$"
    ax.text(SUM_X, -NODE_RADIUS - CAPTION_GAP, label, ha="center", va="top", fontsize=10)


# The sigmoid's box: its half-width, the curve's range of z inside it, and
# the share of the box the curve spans across and up.
SIGMOID_HALF = 0.55
CURVE_Z = 6
CURVE_SPAN_X, CURVE_SPAN_Y = 0.8, 1.6
# The arrows stop this short of the box.
ARROW_GAP = 0.08


def _sigmoid_box(ax):
    """The sigmoid: a box with its S-shaped curve inside, the arrow from the sum into it."""
    half = SIGMOID_HALF
    box = FancyBboxPatch(
        (SIGMOID_X - half, -half),
        2 * half,
        2 * half,
        boxstyle="round,pad=0.05",
        facecolor=PART_FILL,
        edgecolor="black",
        gid="sigmoid",
    )
    ax.add_patch(box)
    curve_z = np.linspace(-CURVE_Z, CURVE_Z, 50)
    ax.plot(
        SIGMOID_X + curve_z * (CURVE_SPAN_X * half / CURVE_Z),
        (sigmoid(curve_z) - 0.5) * CURVE_SPAN_Y * half,
        color=COLORS["green"],
        lw=2,
        gid="sigmoid-curve",
    )
    ax.text(SIGMOID_X, -half - CAPTION_GAP, r"$\sigma(z)$", ha="center", va="top", fontsize=10)
    start, end = (SUM_X + NODE_RADIUS, 0), (SIGMOID_X - half - ARROW_GAP, 0)
    _arrow(ax, start, end, PLAIN_COLOR, PLAIN_WIDTH)


# The output's arrow stops, and its label starts, just left of its column.
OUTPUT_ARROW_END, OUTPUT_LABEL_X = OUTPUT_X - 0.35, OUTPUT_X - 0.3


def _output(ax, output):
    """The arrow out of the sigmoid, and ŷ (with its value, when there is one)."""
    start = (SIGMOID_X + SIGMOID_HALF + ARROW_GAP, 0)
    _arrow(ax, start, (OUTPUT_ARROW_END, 0), PLAIN_COLOR, PLAIN_WIDTH)
    label = r"$\hat{y}$" if output is None else rf"$\hat{{y}} = {output:.8f}$"
    ax.text(OUTPUT_LABEL_X, 0, label, ha="left", va="center", fontsize=11)
