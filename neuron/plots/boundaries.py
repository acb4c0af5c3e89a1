"""Chapter 6's figures: where networks answer 1 or 0, how the loss falls,
and how the regions change as networks train (an explorable figure)."""

import numpy as np
from matplotlib.colors import LinearSegmentedColormap, to_rgb
from matplotlib.lines import Line2D

from neuron.plots.explorable import Explorable
from neuron.plots.style import COLORS, CYCLE, new_figure
from neuron.plots.training import check_loss

# A light tint of each end colour, so that the examples drawn on top
# stand out.
_LIGHT_VERMILION = tuple(0.45 * c + 0.55 for c in to_rgb(COLORS["vermilion"]))
_LIGHT_BLUE = tuple(0.45 * c + 0.55 for c in to_rgb(COLORS["blue"]))
# Output 0 light vermilion, output 1/2 white, output 1 light blue.
OUTPUT_CMAP = LinearSegmentedColormap.from_list(
    "output", [_LIGHT_VERMILION, (1.0, 1.0, 1.0), _LIGHT_BLUE]
)
# The boundary is drawn only where the output clearly reaches both sides
# of 1/2: a network that answers 1/2 everywhere has no boundary worth
# drawing.
BOUNDARY_MARGIN = 0.01
# How the examples are marked: (target, marker, colour).
TARGET_MARKERS = [(1, "o", COLORS["blue"]), (0, "s", COLORS["vermilion"])]
LINESTYLES = ["-", "--", ":", "-."]


def _plane_points(inputs, limits, resolution):
    """The grid over the first two inputs, plus any constant third input."""
    xs = np.linspace(*limits, resolution)
    grid_x1, grid_x2 = np.meshgrid(xs, xs)
    points = np.column_stack([grid_x1.ravel(), grid_x2.ravel()])
    if inputs.shape[1] == 3:
        points = np.column_stack([points, np.full(len(points), inputs[0, 2])])
    return xs, points


def plot_decision_regions(thinks, inputs, targets, titles, limits=(-0.5, 1.5), resolution=201):
    """One panel per network: its output on the plane of inputs 1 and 2.

    thinks: one function per panel (e.g. `network.think`) that takes inputs
        of shape (k, n) and returns the answers, shape (k, 1) or (k,).
    inputs: the examples to mark, shape (m, 2) or (m, 3). The first two
        columns are the axes; a third column must hold the same value in
        every row (the bias input) and every point of the plane gets that
        value too.
    targets: one array per panel: the examples' targets for that panel's
        network, 0 or 1, shape (m, 1) or (m,).
    titles: one title per panel.
    """
    inputs, targets = _checked_regions_arguments(thinks, inputs, targets, titles)
    xs, points = _plane_points(inputs, limits, resolution)
    figure, axes = _panels(len(thinks))
    for ax, think, outputs, title in zip(axes, thinks, targets, titles, strict=True):
        answers = np.asarray(think(points), dtype=float)
        if answers.size != len(points):
            raise ValueError(f"{title}: expected one answer per point, got shape {answers.shape}")
        values = answers.reshape(resolution, resolution)
        image = _draw_regions(ax, xs, values, limits)
        _mark_examples(ax, inputs, outputs)
        _label_panel(ax, title)
    figure.colorbar(image, ax=axes, label="output", shrink=COLORBAR_SHRINK)
    figure.legend(handles=_legend_handles(), loc="outside lower center", ncols=3, frameon=False)
    return figure


def _checked_regions_arguments(thinks, inputs, targets, titles):
    """The inputs as a float array and each panel's targets as a flat one, after checks."""
    inputs = np.asarray(inputs, dtype=float)
    if not len(thinks) == len(targets) == len(titles) or len(thinks) == 0:
        raise ValueError(
            "give one array of targets and one title per function, and at least one function"
        )
    if inputs.ndim != 2 or inputs.shape[1] not in (2, 3):
        raise ValueError(f"inputs must have shape (m, 2) or (m, 3), got {inputs.shape}")
    if inputs.shape[1] == 3 and not np.all(inputs[:, 2] == inputs[0, 2]):
        raise ValueError("the third input must be the same in every example (the bias input)")
    targets = [np.asarray(outputs, dtype=float).reshape(-1) for outputs in targets]
    for outputs in targets:
        if len(outputs) != len(inputs) or not np.all(np.isin(outputs, (0.0, 1.0))):
            raise ValueError("targets must hold one target, 0 or 1, per example")
    return inputs, targets


# At most two panels a row, so that a phone shows them large enough. Each
# panel's size in inches; the colour bar and the legend take the rest.
MAX_COLUMNS = 2
PANEL_WIDTH, PANEL_HEIGHT = 2.3, 2.7
COLORBAR_WIDTH, LEGEND_HEIGHT = 0.9, 0.6
MIN_FIGURE_WIDTH = 5.4
COLORBAR_SHRINK = 0.9


def _panels(count):
    """The figure and its first `count` panels (a spare last one hidden)."""
    ncols = min(count, MAX_COLUMNS)
    nrows = -(-count // ncols)
    figure, axes = new_figure(
        nrows=nrows,
        ncols=ncols,
        width=max(PANEL_WIDTH * ncols + COLORBAR_WIDTH, MIN_FIGURE_WIDTH),
        height=PANEL_HEIGHT * nrows + LEGEND_HEIGHT,
    )
    axes = np.atleast_1d(axes).ravel()
    for spare in axes[count:]:
        spare.set_visible(False)
    return figure, axes[:count]


BOUNDARY_WIDTH = 1.5


def _draw_regions(ax, xs, values, limits):
    """A network's output over the plane, and its boundary where it crosses 1/2."""
    image = ax.imshow(
        values,
        origin="lower",
        extent=(*limits, *limits),
        cmap=OUTPUT_CMAP,
        vmin=0,
        vmax=1,
        interpolation="nearest",
    )
    if values.min() < 0.5 - BOUNDARY_MARGIN and values.max() > 0.5 + BOUNDARY_MARGIN:
        ax.contour(xs, xs, values, levels=[0.5], colors=COLORS["black"], linewidths=BOUNDARY_WIDTH)
    return image


# The examples' marks: their area (points squared), and in the legend their size (points).
MARKER_AREA, LEGEND_MARKER_SIZE = 90, 9
MARKER_EDGE_WIDTH = 1.2


def _mark_examples(ax, inputs, outputs):
    """Each example at its inputs, marked by its target."""
    for target, marker, color in TARGET_MARKERS:
        chosen = outputs == target
        ax.scatter(
            inputs[chosen, 0],
            inputs[chosen, 1],
            marker=marker,
            s=MARKER_AREA,
            color=color,
            edgecolors=COLORS["black"],
            linewidths=MARKER_EDGE_WIDTH,
            zorder=3,
            label=f"target {target}",
        )


def _label_panel(ax, title):
    """The panel's title and its axes' names, ticks at 0 and 1 only."""
    ax.set_title(title)
    ax.set_xticks([0, 1])
    ax.set_yticks([0, 1])
    ax.grid(False)
    ax.set_xlabel("input 1, $x_1$")
    ax.set_ylabel("input 2, $x_2$")


def _legend_handles():
    """The legend's entries: each target's mark, and the boundary's line."""
    marks = [
        Line2D(
            [],
            [],
            marker=marker,
            linestyle="",
            markersize=LEGEND_MARKER_SIZE,
            color=color,
            markeredgecolor=COLORS["black"],
            label=f"target {target}",
        )
        for target, marker, color in TARGET_MARKERS
    ]
    boundary = Line2D(
        [], [], color=COLORS["black"], linewidth=BOUNDARY_WIDTH, label="boundary: output ½"
    )
    return [*marks, boundary]


def plot_loss_curves(losses, labels):
    """Several training runs' mean squared error by iteration, log scale.

    losses: one 1-D array per run, its loss before each update
        (a history's `loss`);
    labels: one label per run.
    """
    if len(losses) != len(labels) or len(losses) == 0:
        raise ValueError("give one label per loss curve, and at least one curve")
    if len(losses) > len(LINESTYLES):
        raise ValueError(f"at most {len(LINESTYLES)} curves fit on one plot")
    figure, ax = new_figure()
    for loss, label, color, linestyle in zip(losses, labels, CYCLE, LINESTYLES, strict=False):
        loss = check_loss(f"the loss curve {label!r}", loss)
        ax.plot(
            np.arange(1, len(loss) + 1),
            loss,
            color=color,
            linestyle=linestyle,
            linewidth=2,
            label=label,
        )
    # Log scales on both axes: the first iterations and the last, the large
    # errors and the tiny ones, all stay visible.
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("iteration (log scale)")
    ax.set_ylabel("mean squared error (log scale)")
    ax.xaxis.set_major_formatter(lambda value, _: f"{value:,.0f}")
    ax.legend()
    return figure


def explore_decision_regions(thinks, inputs, outputs, titles, iterations, start=-1):
    """An explorable figure: several networks' decision regions as they
    train, one frame per iteration, iterations[start] shown first.

    thinks: for each iteration, one function per network (e.g. the
        `think` of a copy of it trained that far);
    inputs, outputs: the examples and their targets, as for
        plot_decision_regions; titles: one per network;
    iterations: how far each frame's networks were trained, increasing.
    """
    if len(thinks) != len(iterations) or np.any(np.diff(iterations) <= 0):
        raise ValueError(
            "give one list of functions per iteration, the iterations "
            f"increasing: {len(thinks)} lists, iterations {iterations}"
        )
    inputs = np.asarray(inputs, dtype=float)
    targets = np.ravel(outputs)

    def draw(i):
        figure = plot_decision_regions(
            thinks[i],
            inputs,
            targets=[targets] * len(titles),
            titles=titles,
            resolution=101,
        )
        figure.suptitle(f"after {iterations[i]:,} iterations")
        return figure

    def describe(i):
        answers = [", ".join(f"{a:.3f}" for a in np.ravel(think(inputs))) for think in thinks[i]]
        each = "; ".join(f"{title} answers {a}" for title, a in zip(titles, answers, strict=True))
        goal = ", ".join(f"{y:g}" for y in targets)
        return f"After {iterations[i]:,} iterations, for targets {goal}: {each}."

    return Explorable.from_figures(
        "hidden-layer",
        "Iterations",
        [f"{k:,} iterations" for k in iterations],
        draw,
        describe,
        range(len(iterations))[start],
    )
