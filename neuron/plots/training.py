"""Chapter 2's figures: the error and the weights over a training run."""

import numpy as np
from matplotlib.ticker import FuncFormatter

from neuron.plots.style import CYCLE, new_figure
from neuron.validation import as_finite_array


def check_loss(name, loss):
    """A loss curve as a 1-D float array, non-empty, finite and positive.

    Positive, because it is drawn on a log scale.
    """
    loss = as_finite_array(name, loss)
    if loss.ndim != 1 or loss.size == 0:
        raise ValueError(f"{name} must be a non-empty 1-D array, got shape {loss.shape}")
    if np.any(loss <= 0):
        raise ValueError(f"{name} must hold positives only, to be drawn on a log scale")
    return loss


def iteration_axis(ax, last, log_iterations):
    """Label the x axis with iterations, thousands separated: 0, 2,000, ...

    With log_iterations the axis is linear from 0 to 1 and logarithmic
    beyond, so that the first few iterations get as much room as the last
    thousands.
    """
    ax.set_xlim(0, last)
    if log_iterations:
        ax.set_xscale("symlog", linthresh=1, linscale=0.5)
        # Powers of ten up to the last iteration, or just past it
        # (9,999 -> 10,000).
        ticks = [0] + [10**p for p in range(int(np.log10(1.001 * last)) + 1)]
        ax.set_xticks(ticks)
        ax.set_xlim(0, max(last, ticks[-1]))
        ax.minorticks_off()
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:,.0f}"))
    ax.set_xlabel("iteration, k (log scale)" if log_iterations else "iteration, k")


def plot_loss(loss, log_iterations=False):
    """The mean squared error against the iteration, on a logarithmic scale.

    loss: shape (iterations,), e.g. `TrainingHistory.loss`, where loss[k] is
    the error of the weights after k updates. Values must be positive
    (log scale).
    log_iterations: also put the iterations on a logarithmic scale.
    """
    loss = check_loss("loss", loss)
    if len(loss) < 2:
        raise ValueError(f"loss must have at least 2 values, got {len(loss)}")
    figure, ax = new_figure()
    ax.semilogy(np.arange(len(loss)), loss, color=CYCLE[0], lw=2)
    iteration_axis(ax, len(loss) - 1, log_iterations)
    ax.set_ylabel("mean squared error (log scale)")
    return figure


def plot_weights(weights, log_iterations=False):
    """Each synaptic weight by iteration, one line each, with a legend.

    weights: shape (iterations + 1, n_inputs), e.g.
    `TrainingHistory.weights`, where row k holds the weights after k
    updates.
    log_iterations: put the iterations on a logarithmic scale (linear
    from 0 to 1).
    """
    weights = as_finite_array("weights", weights)
    if weights.ndim != 2 or len(weights) < 2 or weights.shape[1] < 1:
        raise ValueError(
            "weights must have shape (iterations + 1, n_inputs) "
            f"with at least 2 rows, got shape {weights.shape}"
        )
    if weights.shape[1] > len(CYCLE):
        raise ValueError(f"at most {len(CYCLE)} weights can be told apart, got {weights.shape[1]}")
    figure, ax = new_figure()
    iterations = np.arange(len(weights))
    for j, column in enumerate(weights.T):
        ax.plot(iterations, column, lw=2, label=f"$w_{{{j + 1}}}$")
    ax.axhline(0, color="black", lw=0.8, gid="zero")
    iteration_axis(ax, len(weights) - 1, log_iterations)
    ax.set_ylabel("weight value")
    ax.legend(loc="center left")
    return figure
