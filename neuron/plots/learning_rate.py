"""Chapter 4's figure: how the learning rate changes how the loss falls."""

import numpy as np
from matplotlib.ticker import FuncFormatter

from neuron.plots.style import CYCLE, new_figure
from neuron.plots.training import check_loss, iteration_axis


def plot_learning_rates(losses):
    """The loss by iteration, one line per learning rate, on a log scale.

    losses: {learning_rate: loss}, each loss of shape (iterations,) as in
        TrainingHistory.loss (the mean squared error before each update).
    """
    if not losses:
        raise ValueError("losses must hold at least one learning rate")
    if len(losses) > len(CYCLE):
        raise ValueError(
            f"at most {len(CYCLE)} learning rates fit in one figure"
        )
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
    # Plain numbers (0.1, 0.001) rather than powers of ten on the loss axis.
    ax.yaxis.set_major_formatter(
        FuncFormatter(lambda value, _: f"{value:g}")
    )
    ax.set_ylabel("mean squared error (log scale)")
    ax.legend(title="learning rate", fontsize="small")
    return figure
