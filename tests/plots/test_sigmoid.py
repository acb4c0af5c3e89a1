"""Chapters 3 and 4's figures: the sigmoid's curve, and the sigmoid with its slope."""

import matplotlib.colors as mcolors
import numpy as np
import pytest
from axes import grid_shown

from neuron.plots import COLORS
from neuron.plots.sigmoid import plot_sigmoid, plot_sigmoid_and_slope

Z = np.linspace(-6.0, 6.0, 121)


def logistic(z):
    """The sigmoid written out, independently of the package."""
    return 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=float)))


@pytest.fixture
def curve():
    figure = plot_sigmoid(Z, marked={"example A": -2.0, "example B": 3.5})
    return figure


@pytest.fixture
def with_slope():
    figure = plot_sigmoid_and_slope(Z)
    return figure


def data_lines(ax):
    """The plotted lines, without the horizontal guides at 0 and 1."""
    return [line for line in ax.get_lines() if len(line.get_xdata()) != 2]


def test_sigmoid_axes_are_labelled(curve):
    (ax,) = curve.axes
    assert "weighted sum" in ax.get_xlabel()
    assert "output" in ax.get_ylabel()
    assert ax.get_xlim() == (Z[0], Z[-1])


def test_sigmoid_curve_is_the_sigmoid_of_the_given_z(curve):
    (ax,) = curve.axes
    line = next(line for line in ax.get_lines() if line.get_label() == r"$\sigma(z)$")
    np.testing.assert_array_equal(line.get_xdata(), Z)
    np.testing.assert_allclose(line.get_ydata(), logistic(Z), rtol=1e-12)
    assert mcolors.same_color(line.get_color(), COLORS["blue"])


def test_sigmoid_draws_its_limits_0_and_1(curve):
    (ax,) = curve.axes
    guides = [line for line in ax.get_lines() if len(line.get_xdata()) == 2]
    levels = sorted(line.get_ydata()[0] for line in guides)
    assert levels == [0.0, 1.0]


def test_marked_points_sit_on_the_curve_and_are_named(curve):
    (ax,) = curve.axes
    points = [line for line in ax.get_lines() if len(line.get_xdata()) == 1]
    assert [point.get_label() for point in points] == ["example A", "example B"]
    for point, z in zip(points, [-2.0, 3.5], strict=True):
        assert point.get_xdata()[0] == z
        assert point.get_ydata()[0] == pytest.approx(logistic(z), rel=1e-12)
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert legend == [r"$\sigma(z)$", "example A", "example B"]


def test_marked_points_have_distinct_colours_none_blue(curve):
    (ax,) = curve.axes
    points = [line for line in ax.get_lines() if len(line.get_xdata()) == 1]
    colours = [mcolors.to_hex(point.get_color()) for point in points]
    assert len(set(colours)) == len(colours)
    assert mcolors.to_hex(COLORS["blue"]) not in colours


def test_without_marks_only_the_curve_and_guides():
    (ax,) = plot_sigmoid(Z).axes
    assert len(ax.get_lines()) == 3


def test_slope_figure_has_two_labelled_curves(with_slope):
    (ax,) = with_slope.axes
    assert "weighted sum" in ax.get_xlabel()
    assert "slope" in ax.get_ylabel()
    assert len(data_lines(ax)) == 2
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert len(labels) == 2
    assert "output" in labels[0]
    assert "slope" in labels[1]


def test_slope_curve_is_the_derivative_of_the_sigmoid(with_slope):
    (ax,) = with_slope.axes
    output, slope = data_lines(ax)
    np.testing.assert_allclose(output.get_ydata(), logistic(Z), rtol=1e-12)
    # An independent oracle: central finite differences of the written-out sigmoid.
    step = 1e-5
    numerical = (logistic(Z + step) - logistic(Z - step)) / (2 * step)
    np.testing.assert_allclose(slope.get_ydata(), numerical, rtol=1e-6, atol=1e-12)
    assert np.max(slope.get_ydata()) == pytest.approx(0.25, abs=1e-3)


def test_the_two_curves_differ_in_colour_and_style(with_slope):
    (ax,) = with_slope.axes
    output, slope = data_lines(ax)
    assert not mcolors.same_color(output.get_color(), slope.get_color())
    assert output.get_linestyle() != slope.get_linestyle()


@pytest.mark.parametrize("plot", [plot_sigmoid, plot_sigmoid_and_slope])
def test_opaque_white_background(plot):
    figure = plot(Z)
    assert mcolors.to_rgba(figure.get_facecolor()) == (1.0, 1.0, 1.0, 1.0)
    assert mcolors.to_rgba(figure.axes[0].get_facecolor()) == (1.0, 1.0, 1.0, 1.0)


@pytest.mark.parametrize("plot", [plot_sigmoid, plot_sigmoid_and_slope])
@pytest.mark.parametrize(
    "bad_z",
    [[0.0], [[0.0, 1.0]], [1.0, 0.0], [0.0, 0.0, 1.0], [0.0, np.nan], [0.0, np.inf]],
)
def test_the_grid_must_be_increasing_finite_and_1d(plot, bad_z):
    with pytest.raises(ValueError, match="z must"):
        plot(bad_z)


def test_a_marked_point_must_be_finite():
    with pytest.raises(ValueError, match="finite"):
        plot_sigmoid(Z, marked={"broken": np.nan})


def test_too_many_marked_points_are_refused():
    marked = {f"point {i}": float(i) for i in range(6)}
    with pytest.raises(ValueError, match="at most 5"):
        plot_sigmoid(Z, marked=marked)


@pytest.mark.parametrize("plot", [plot_sigmoid, plot_sigmoid_and_slope])
def test_the_curve_fills_the_width_over_a_grid(plot):
    (ax,) = plot(Z).axes
    assert ax.get_xlim() == (-6.0, 6.0)
    assert ax.get_ylim() == (-0.05, 1.05)
    assert ax.get_xscale() == ax.get_yscale() == "linear"
    assert grid_shown(ax)


def test_the_slopes_peak_is_pointed_at_and_named(with_slope):
    """The arrow points at (0, 1/4), the top of the slope, and says so in words."""
    (ax,) = with_slope.axes
    (note,) = [text for text in ax.texts if hasattr(text, "arrow_patch")]
    assert note.xy == (0, 0.25)
    assert note.get_text() == "steepest: slope ¼ at z = 0"


def test_no_peak_to_point_at_when_z_0_is_not_drawn():
    (ax,) = plot_sigmoid_and_slope(np.linspace(1.0, 6.0, 11)).axes
    assert len(ax.texts) == 0
