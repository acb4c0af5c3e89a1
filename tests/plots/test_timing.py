"""Chapter 5's figure: the time of the loops and of NumPy against the problem size."""

import matplotlib.colors as mcolors
import numpy as np
import pytest
from axes import grid_shown

from neuron.plots import COLORS
from neuron.plots.timing import plot_training_times

SIZES = [4, 16, 64]
LOOPS = [0.001, 0.004, 0.016]
NUMPY = [0.002, 0.002, 0.0025]


@pytest.fixture
def figure():
    figure = plot_training_times(SIZES, LOOPS, NUMPY)
    return figure


def test_one_axes_with_labelled_log_axes(figure):
    (ax,) = figure.axes
    assert "examples" in ax.get_xlabel()
    assert "ms" in ax.get_ylabel()
    assert ax.get_xscale() == "log"
    assert ax.get_yscale() == "log"
    assert grid_shown(ax)


def test_two_lines_in_milliseconds_with_a_legend(figure):
    (ax,) = figure.axes
    loops, numpy_line = ax.get_lines()
    assert np.array_equal(loops.get_xdata(), SIZES)
    np.testing.assert_allclose(loops.get_ydata(), [1.0, 4.0, 16.0])
    np.testing.assert_allclose(numpy_line.get_ydata(), [2.0, 2.0, 2.5])
    assert mcolors.same_color(loops.get_color(), COLORS["vermilion"])
    assert mcolors.same_color(numpy_line.get_color(), COLORS["blue"])
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert labels == ["Python loops", "NumPy (the package)"]


def test_the_ticks_are_the_sizes(figure):
    (ax,) = figure.axes
    assert list(ax.get_xticks()) == SIZES
    assert [label.get_text() for label in ax.get_xticklabels()] == ["4", "16", "64"]


def test_opaque_white_background(figure):
    assert mcolors.to_rgba(figure.get_facecolor()) == (1.0, 1.0, 1.0, 1.0)
    assert mcolors.to_rgba(figure.axes[0].get_facecolor()) == (1.0, 1.0, 1.0, 1.0)


def test_lengths_must_match():
    with pytest.raises(ValueError, match="same length"):
        plot_training_times(SIZES, LOOPS, NUMPY[:2])


def test_times_are_plain_numbers(figure):
    (ax,) = figure.axes
    formatter = ax.yaxis.get_major_formatter()
    assert formatter(10.0, 0) == "10"
    assert formatter(0.1, 0) == "0.1"


@pytest.mark.parametrize("bad", [0.0, -0.001, np.nan, np.inf])
@pytest.mark.parametrize("which", ["loop_seconds", "numpy_seconds"])
def test_a_time_that_cannot_go_on_a_log_scale_is_refused(which, bad):
    times = {"loop_seconds": list(LOOPS), "numpy_seconds": list(NUMPY)}
    times[which][1] = bad
    with pytest.raises(ValueError, match=f"{which} must hold positive, finite times"):
        plot_training_times(SIZES, **times)


@pytest.mark.parametrize("bad", [0, -4, 2.5])
def test_a_size_that_is_not_a_positive_count_is_refused(bad):
    with pytest.raises(ValueError, match="sizes must be positive whole numbers"):
        plot_training_times([bad, 16, 64], LOOPS, NUMPY)
