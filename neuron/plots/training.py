"""Chapter 2's figures: the error and the weights over a training run,
and the run as an explorable figure."""

from dataclasses import dataclass

import numpy as np
from matplotlib.ticker import FuncFormatter

from neuron.activation import sigmoid
from neuron.plots.explorable import Explorable
from neuron.plots.style import COLORS, CYCLE, new_figure, new_mosaic
from neuron.text import fixed, readable
from neuron.validation import as_finite_array, check_count


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


def plot_training_state(history, inputs, outputs, k):
    """The neuron at iteration k: its answers, its weights, its error.

    history: a TrainingHistory with weights; inputs (m, n) and outputs
    (m, 1) the examples it was trained on. Three panels: the answers
    against their targets, the weights, and the mean squared error up to
    iteration k (the whole run's curve drawn faintly behind it).
    """
    state = training_state(history, inputs, outputs, k)
    figure, axes = new_mosaic([["answers", "weights"], ["loss", "loss"]], width=6.0, height=4.6)
    targets = np.ravel(outputs)
    examples = np.arange(1, len(targets) + 1)
    ax = axes["answers"]
    colors = [COLORS["blue"] if y == 1 else COLORS["vermilion"] for y in targets]
    ax.bar(examples, state.answers, color=colors, width=0.6)
    ax.plot(
        examples,
        targets,
        linestyle="none",
        marker="_",
        markersize=22,
        markeredgewidth=2.5,
        color=COLORS["black"],
    )
    ax.set_ylim(0, 1.08)
    ax.set_xticks(examples)
    ax.set_xlabel("example")
    ax.set_title("answers and targets (—)", fontsize="medium")

    ax = axes["weights"]
    all_weights = history.weights
    names = [f"$w_{{{j + 1}}}$" for j in range(all_weights.shape[1])]
    rows = np.arange(len(names))[::-1]
    ax.barh(rows, state.weights, color=CYCLE[: len(names)], height=0.6)
    ax.axvline(0, color=COLORS["black"], linewidth=0.8)
    low, high = all_weights.min(), all_weights.max()
    margin = 0.35 * (high - low)
    ax.set_xlim(min(low, 0) - margin, max(high, 0) + margin)
    for row, weight in zip(rows, state.weights, strict=True):
        ax.text(
            weight,
            row,
            f" {fixed(weight, 2)} ",
            va="center",
            ha="left" if weight >= 0 else "right",
            fontsize="small",
        )
    ax.set_yticks(rows, labels=names)
    ax.grid(False, axis="y")
    ax.set_title("weights", fontsize="medium")

    ax = axes["loss"]
    losses = history.loss
    everything = np.arange(len(losses))
    ax.semilogy(everything, losses, color="#cccccc", lw=1.5)
    so_far = np.append(losses[:k], state.loss)
    ax.semilogy(np.arange(k + 1), so_far, color=CYCLE[0], lw=2)
    ax.semilogy([k], [state.loss], "o", color=CYCLE[0], markersize=7)
    iteration_axis(ax, len(all_weights) - 1, log_iterations=True)
    ax.set_ylabel("mean squared error")
    ax.set_title(
        f"iteration {k:,}: mean squared error {readable(state.loss, 3)}",
        fontsize="medium",
    )
    return figure


@dataclass(frozen=True)
class TrainingState:
    """A neuron's weights (n,), answers (m,) and mean squared error."""

    weights: np.ndarray
    answers: np.ndarray
    loss: float


def training_state(history, inputs, outputs, k):
    """The weights after k updates, the answers they give, their error."""
    weights = history.weights[k]
    answers = sigmoid(np.dot(inputs, weights))
    loss = float(np.mean((np.ravel(outputs) - answers) ** 2))
    return TrainingState(weights, answers, loss)


def explore_training(history, inputs, outputs, iterations, start=0):
    """An explorable figure of the run: plot_training_state at each of
    `iterations` (increasing, within the history), starting at
    iterations[start]."""
    iterations = [check_count("iteration", k, minimum=0) for k in iterations]
    last = len(history.weights) - 1
    if any(k > last for k in iterations) or np.any(np.diff(iterations) <= 0):
        raise ValueError(f"iterations must increase, from 0 up to {last}: {iterations}")

    def describe(i):
        k = iterations[i]
        state = training_state(history, inputs, outputs, k)
        return (
            f"Iteration {k:,}. Answers {_numbers(state.answers, 3)} "
            f"against targets {_numbers(np.ravel(outputs), 0)}; weights "
            f"{_numbers(state.weights, 2)}; mean squared error "
            f"{readable(state.loss, 3)}."
        )

    return Explorable.from_figures(
        "training-cycle",
        "Iteration",
        [f"iteration {k:,}" for k in iterations],
        lambda i: plot_training_state(history, inputs, outputs, iterations[i]),
        describe,
        start,
    )


def _numbers(values, decimals):
    return ", ".join(fixed(value, decimals) for value in values)
