"""Chapter 2's figures: the error and the weights over a training run."""

import matplotlib.colors as mcolors
import numpy as np
import pytest
from axes import grid_shown

from neuron.plots import CYCLE
from neuron.plots.training import plot_loss, plot_weights

LOSS = np.array([0.3, 0.2, 0.05, 0.01, 0.004, 0.001])
WEIGHTS = np.array([[0.0, 0.5, -1.0], [1.0, 0.4, -1.5], [2.0, 0.1, -2.0], [2.5, 0.0, -2.2]])


def weight_lines(ax):
    return [line for line in ax.get_lines() if line.get_gid() != "zero"]


class TestPlotLoss:
    def test_one_line_of_the_loss_against_the_iteration(self):
        (ax,) = plot_loss(LOSS).axes
        (line,) = ax.get_lines()
        assert np.array_equal(line.get_xdata(), np.arange(len(LOSS)))
        assert np.array_equal(line.get_ydata(), LOSS)

    def test_labelled_axes_and_a_log_scale_for_the_error(self):
        (ax,) = plot_loss(LOSS).axes
        assert ax.get_xlabel().startswith("iteration")
        assert "error" in ax.get_ylabel() and "log" in ax.get_ylabel()
        assert ax.get_yscale() == "log"
        assert ax.get_xscale() == "linear"
        assert ax.get_xlim() == (0, len(LOSS) - 1)
        assert grid_shown(ax)

    def test_log_iterations_put_0_1_10_on_the_axis(self):
        loss = np.linspace(1, 0.001, 1_001)
        (ax,) = plot_loss(loss, log_iterations=True).axes
        assert ax.get_xscale() == "symlog"
        assert list(ax.get_xticks()) == [0, 1, 10, 100, 1000]
        assert [t.get_text() for t in ax.get_xticklabels()] == ["0", "1", "10", "100", "1,000"]
        assert "log" in ax.get_xlabel()

    def test_log_iterations_reach_the_power_of_ten_just_past_the_end(self):
        # A history of 10,000 iterations has losses for iterations 0 to 9,999.
        (ax,) = plot_loss(np.linspace(1, 0.001, 10_000), log_iterations=True).axes
        assert ax.get_xticks()[-1] == 10_000
        assert ax.get_xlim() == (0, 10_000)
        (ax,) = plot_loss(np.linspace(1, 0.001, 5_001), log_iterations=True).axes
        assert ax.get_xticks()[-1] == 1_000
        assert ax.get_xlim() == (0, 5_000)

    def test_opaque_white_background(self):
        figure = plot_loss(LOSS)
        assert mcolors.to_rgba(figure.get_facecolor()) == (1.0, 1.0, 1.0, 1.0)
        assert mcolors.to_rgba(figure.axes[0].get_facecolor()) == (1.0, 1.0, 1.0, 1.0)

    @pytest.mark.parametrize(
        ("loss", "message"),
        [
            ([0.3, 0.0, 0.1], "positive"),
            ([0.3, -0.1], "positive"),
            ([0.3], "at least 2"),
            ([[0.3, 0.2]], "1-D"),
            ([0.3, np.nan], "finite"),
        ],
    )
    def test_bad_loss_is_rejected(self, loss, message):
        with pytest.raises(ValueError, match=message):
            plot_loss(loss)


class TestPlotWeights:
    def test_one_line_per_weight_with_its_data(self):
        (ax,) = plot_weights(WEIGHTS).axes
        lines = weight_lines(ax)
        assert len(lines) == 3
        for j, line in enumerate(lines):
            assert np.array_equal(line.get_xdata(), np.arange(len(WEIGHTS)))
            assert np.array_equal(line.get_ydata(), WEIGHTS[:, j])
            assert mcolors.same_color(line.get_color(), CYCLE[j])

    def test_a_legend_names_each_weight(self):
        (ax,) = plot_weights(WEIGHTS).axes
        labels = [text.get_text() for text in ax.get_legend().get_texts()]
        assert labels == ["$w_{1}$", "$w_{2}$", "$w_{3}$"]

    def test_labelled_axes_and_a_line_at_zero(self):
        (ax,) = plot_weights(WEIGHTS).axes
        assert ax.get_xlabel().startswith("iteration")
        assert "weight" in ax.get_ylabel()
        assert ax.get_xlim() == (0, len(WEIGHTS) - 1)
        assert ax.get_yscale() == "linear"
        assert grid_shown(ax)
        (zero,) = [line for line in ax.get_lines() if line.get_gid() == "zero"]
        assert set(zero.get_ydata()) == {0}

    def test_any_number_of_weights(self):
        (ax,) = plot_weights(np.ones((5, 2))).axes
        assert len(weight_lines(ax)) == 2

    @pytest.mark.parametrize(
        ("weights", "message"),
        [
            (np.ones(4), "shape"),
            (np.ones((1, 3)), "at least 2 rows"),
            (np.ones((4, 0)), "shape"),
            (np.ones((4, 7)), "at most 6"),
            ([[1.0, np.inf], [1.0, 2.0]], "finite"),
        ],
    )
    def test_bad_weights_are_rejected(self, weights, message):
        with pytest.raises(ValueError, match=message):
            plot_weights(weights)
