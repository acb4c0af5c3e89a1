"""Chapter 4's figure: the loss over the iterations for a few learning rates."""

import matplotlib.colors as mcolors
import numpy as np
import pytest
from axes import grid_shown

from neuron.plots import CYCLE
from neuron.plots.learning_rate import plot_learning_rates
from neuron.plots.training import plot_loss

LOSSES = {
    0.1: np.array([0.3, 0.2, 0.1, 0.05]),
    1.0: np.array([0.3, 0.1, 0.01, 0.001]),
    100.0: np.array([0.3, 0.5, 0.5, 0.5]),
}


@pytest.fixture
def figure():
    figure = plot_learning_rates(LOSSES)
    return figure


def test_axes_labelled_and_loss_on_a_log_scale(figure):
    (ax,) = figure.axes
    assert "iteration" in ax.get_xlabel()
    assert "squared error" in ax.get_ylabel()
    assert ax.get_yscale() == "log"


def test_one_line_per_rate_with_the_given_losses(figure):
    (ax,) = figure.axes
    lines = ax.get_lines()
    assert len(lines) == len(LOSSES)
    for line, loss in zip(lines, LOSSES.values(), strict=True):
        np.testing.assert_array_equal(line.get_xdata(), np.arange(len(loss)))
        np.testing.assert_array_equal(line.get_ydata(), loss)


def test_legend_names_each_rate_in_order(figure):
    (ax,) = figure.axes
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert labels == ["η = 0.1", "η = 1", "η = 100"]


def test_lines_differ_in_colour_and_style(figure):
    (ax,) = figure.axes
    lines = ax.get_lines()
    for line, colour in zip(lines, CYCLE, strict=False):
        assert mcolors.same_color(line.get_color(), colour)
    assert len({str(line.get_linestyle()) for line in lines}) == len(lines)


def test_iteration_zero_is_shown(figure):
    (ax,) = figure.axes
    assert ax.get_xlim()[0] == 0


def test_the_iterations_are_on_a_log_scale_with_plain_numbers(figure):
    """The first iterations, where the rates differ most, get as much room as the rest."""
    (ax,) = figure.axes
    assert ax.get_xscale() == "symlog"
    assert "log" in ax.get_xlabel()
    assert [t.get_text() for t in ax.get_xticklabels()] == ["0", "1"]
    assert ax.get_yaxis().get_major_formatter()(0.001, 0) == "0.001"
    assert ax.get_yaxis().get_major_formatter()(0.1, 0) == "0.1"
    assert ax.get_yaxis().get_major_formatter()(1e-05, 0) == "0.00001"
    assert grid_shown(ax)


@pytest.mark.parametrize(("iterations", "end"), [(4, 3), (1_000, 999), (10_000, 10_000)])
def test_the_iteration_axis_ends_where_plot_loss_ends_it(iterations, end):
    """Both figures draw loss[k] at iteration k, so the last is iterations - 1.

    The axis ends there, or at the power of ten just past it (9,999 -> 10,000).
    """
    loss = np.linspace(1, 0.001, iterations)
    (rates,) = plot_learning_rates({1.0: loss, 0.5: loss[: iterations // 2]}).axes
    (alone,) = plot_loss(loss, log_iterations=True).axes
    assert rates.get_xlim() == alone.get_xlim() == (0, end)


def test_opaque_white_background(figure):
    assert mcolors.to_rgba(figure.get_facecolor()) == (1.0, 1.0, 1.0, 1.0)
    assert mcolors.to_rgba(figure.axes[0].get_facecolor()) == (1.0, 1.0, 1.0, 1.0)


def test_no_rates_is_refused():
    with pytest.raises(ValueError, match="at least one"):
        plot_learning_rates({})


@pytest.mark.parametrize(
    "bad_loss", [[], [[0.1, 0.2]], [0.1, 0.0], [0.1, -0.2], [0.1, np.nan], [0.1, np.inf]]
)
def test_a_loss_that_cannot_go_on_a_log_scale_is_refused(bad_loss):
    with pytest.raises(ValueError, match="learning rate 1"):
        plot_learning_rates({1: bad_loss})


def test_too_many_rates_are_refused():
    losses = {rate: [0.1, 0.05] for rate in range(len(CYCLE) + 1)}
    with pytest.raises(ValueError, match="at most"):
        plot_learning_rates(losses)
