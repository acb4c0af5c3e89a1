"""Chapter 4's figures: how the learning rate changes how the loss falls,
one rate beside another in an explorable figure."""

import numpy as np
from matplotlib.ticker import FuncFormatter

from neuron.plots.explorable import Explorable
from neuron.plots.style import CYCLE, new_figure
from neuron.plots.training import check_loss, iteration_axis
from neuron.text import readable


def plot_learning_rates(losses):
    """The loss by iteration, one line per learning rate, on a log scale.

    losses: {learning_rate: loss}, each loss of shape (iterations,) as in
        TrainingHistory.loss (the mean squared error before each update).
    """
    if not losses:
        raise ValueError("losses must hold at least one learning rate")
    if len(losses) > len(CYCLE):
        raise ValueError(f"at most {len(CYCLE)} learning rates fit in one figure")
    figure, ax = new_figure()
    linestyles = [
        "-",
        "--",
        "-.",
        ":",
        (0, (5, 1)),
        (0, (3, 1, 1, 1, 1, 1)),
    ]
    for i, (rate, loss) in enumerate(losses.items()):
        loss = check_loss(f"the loss for learning rate {rate}", loss)
        ax.semilogy(
            np.arange(len(loss)),
            loss,
            color=CYCLE[i],
            linestyle=linestyles[i],
            linewidth=2,
            label=f"η = {rate:g}",
        )
    # Iteration 0 sits at the left edge; beyond 1 the axis is logarithmic,
    # so the first few iterations, where the rates differ most, get as much
    # room as the rest. loss[k] is drawn at iteration k, as in plot_loss.
    iteration_axis(
        ax,
        max(len(np.ravel(loss)) for loss in losses.values()) - 1,
        log_iterations=True,
    )
    # Plain numbers (0.1, 0.001, 0.00001) rather than powers of ten on the
    # loss axis, however small: never "1e-05".
    ax.yaxis.set_major_formatter(
        FuncFormatter(
            lambda value, _: np.format_float_positional(
                value, precision=3, fractional=False, trim="-"
            )
        )
    )
    ax.set_ylabel("mean squared error (log scale)")
    ax.legend(title="learning rate", fontsize="small")
    return figure


def explore_learning_rates(losses, reference=1.0):
    """An explorable figure: the loss curve at each learning rate, beside
    the reference rate's, on the same axes.

    losses: {learning_rate: loss}, as for plot_learning_rates, the rates
        increasing; reference: one of them, drawn in every frame and
        shown first.
    """
    rates = list(losses)
    if reference not in losses:
        raise ValueError(f"the reference rate {reference:g} must be one of {rates}")
    if len(rates) < 2 or np.any(np.diff(rates) <= 0):
        raise ValueError(f"give at least two learning rates, increasing: {rates}")
    every = np.concatenate([np.ravel(loss) for loss in losses.values()])
    limits = (every.min() / 2, min(2 * every.max(), 1.0))

    def draw(i):
        rate = rates[i]
        shown = {reference: losses[reference], rate: losses[rate]}
        figure = plot_learning_rates(shown)
        figure.axes[0].set_ylim(*limits)
        return figure

    def describe(i):
        loss = np.ravel(losses[rates[i]])
        below = np.flatnonzero(loss < 0.1)
        when = f"below 0.1 from iteration {below[0]:,}" if len(below) else "never below 0.1"
        return (
            f"Learning rate {rates[i]:g}: mean squared error "
            f"{loss[0]:.3f} at the start, {loss[1]:.3f} after one step, "
            f"{when}, {readable(loss[-1], 3)} at iteration {len(loss) - 1:,}."
        )

    return Explorable.from_figures(
        "learning-rate",
        "Learning rate η",
        [f"learning rate {rate:g}" for rate in rates],
        draw,
        describe,
        rates.index(reference),
    )
