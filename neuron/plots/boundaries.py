"""Chapter 6's figures: where networks answer 1 or 0, how the loss falls."""

import numpy as np
from matplotlib.colors import LinearSegmentedColormap, to_rgb
from matplotlib.lines import Line2D

from neuron.plots.style import COLORS, CYCLE, new_figure
from neuron.plots.training import check_loss

# A light tint of each end colour, so that the examples drawn on top
# stand out.
_LIGHT_VERMILION = tuple(
    0.45 * c + 0.55 for c in to_rgb(COLORS["vermilion"])
)
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
        points = np.column_stack(
            [points, np.full(len(points), inputs[0, 2])]
        )
    return xs, points


def plot_decision_regions(
    thinks, inputs, targets, titles, limits=(-0.5, 1.5), resolution=201
):
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
    inputs = np.asarray(inputs, dtype=float)
    if not len(thinks) == len(targets) == len(titles) or len(thinks) == 0:
        raise ValueError(
            "give one array of targets and one title per function, "
            "and at least one function"
        )
    if inputs.ndim != 2 or inputs.shape[1] not in (2, 3):
        raise ValueError(
            f"inputs must have shape (m, 2) or (m, 3), got {inputs.shape}"
        )
    if inputs.shape[1] == 3 and not np.all(inputs[:, 2] == inputs[0, 2]):
        raise ValueError(
            "the third input must be the same in every example "
            "(the bias input)"
        )
    targets = [
        np.asarray(outputs, dtype=float).reshape(-1) for outputs in targets
    ]
    for outputs in targets:
        if len(outputs) != len(inputs) or not np.all(
            np.isin(outputs, (0.0, 1.0))
        ):
            raise ValueError(
                "targets must hold one target, 0 or 1, per example"
            )

    xs, points = _plane_points(inputs, limits, resolution)
    # At most two panels a row, so that a phone shows them large enough.
    ncols = min(len(thinks), 2)
    nrows = -(-len(thinks) // ncols)
    figure, axes = new_figure(
        nrows=nrows,
        ncols=ncols,
        width=max(2.3 * ncols + 0.9, 5.4),
        height=2.7 * nrows + 0.6,
    )
    axes = np.atleast_1d(axes).ravel()
    for spare in axes[len(thinks) :]:
        spare.set_visible(False)
    axes = axes[: len(thinks)]
    for ax, think, outputs, title in zip(
        axes, thinks, targets, titles, strict=True
    ):
        answers = np.asarray(think(points), dtype=float)
        if answers.size != len(points):
            raise ValueError(
                f"{title}: expected one answer per point, "
                f"got shape {answers.shape}"
            )
        values = answers.reshape(resolution, resolution)
        image = ax.imshow(
            values,
            origin="lower",
            extent=(*limits, *limits),
            cmap=OUTPUT_CMAP,
            vmin=0,
            vmax=1,
            interpolation="nearest",
        )
        if (
            values.min() < 0.5 - BOUNDARY_MARGIN
            and values.max() > 0.5 + BOUNDARY_MARGIN
        ):
            ax.contour(
                xs,
                xs,
                values,
                levels=[0.5],
                colors=COLORS["black"],
                linewidths=1.5,
            )
        for target, marker, color in TARGET_MARKERS:
            chosen = outputs == target
            ax.scatter(
                inputs[chosen, 0],
                inputs[chosen, 1],
                marker=marker,
                s=90,
                color=color,
                edgecolors=COLORS["black"],
                linewidths=1.2,
                zorder=3,
                label=f"target {target}",
            )
        ax.set_title(title)
        ax.set_xticks([0, 1])
        ax.set_yticks([0, 1])
        ax.grid(False)
        ax.set_xlabel("input 1, $x_1$")
        ax.set_ylabel("input 2, $x_2$")
    figure.colorbar(image, ax=axes, label="output", shrink=0.9)
    handles = [
        Line2D(
            [],
            [],
            marker=marker,
            linestyle="",
            markersize=9,
            color=color,
            markeredgecolor=COLORS["black"],
            label=f"target {target}",
        )
        for target, marker, color in TARGET_MARKERS
    ] + [
        Line2D(
            [],
            [],
            color=COLORS["black"],
            linewidth=1.5,
            label="boundary: output ½",
        ),
    ]
    figure.legend(
        handles=handles, loc="outside lower center", ncols=3, frameon=False
    )
    return figure


def plot_loss_curves(losses, labels):
    """Several training runs' mean squared error by iteration, log scale.

    losses: one 1-D array per run, its loss before each update
        (a history's `loss`);
    labels: one label per run.
    """
    if len(losses) != len(labels) or len(losses) == 0:
        raise ValueError(
            "give one label per loss curve, and at least one curve"
        )
    if len(losses) > len(LINESTYLES):
        raise ValueError(
            f"at most {len(LINESTYLES)} curves fit on one plot"
        )
    figure, ax = new_figure()
    for loss, label, color, linestyle in zip(
        losses, labels, CYCLE, LINESTYLES, strict=False
    ):
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
