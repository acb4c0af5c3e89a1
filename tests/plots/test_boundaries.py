"""Chapter 6's figures: decision regions over the input plane, and loss curves."""

import matplotlib.colors as mcolors
import numpy as np
import pytest
from axes import grid_shown

from neuron import sigmoid
from neuron.data import AND_OUTPUTS, GATE_INPUTS, XOR_OUTPUTS
from neuron.plots import COLORS
from neuron.plots.boundaries import plot_decision_regions, plot_loss_curves

# A neuron that answers 1 above the line x1 + x2 = 1.5 (AND), with its bias input.
AND_WEIGHTS = np.array([[10.0], [10.0], [-15.0]])


def and_think(points):
    return sigmoid(points @ AND_WEIGHTS)


def undecided_think(points):
    return np.full((len(points), 1), 0.5)


def panels(figure):
    """The figure's panels, without the colour bar."""
    return [ax for ax in figure.axes if ax.get_label() != "<colorbar>"]


@pytest.fixture
def regions():
    figure = plot_decision_regions(
        [and_think, undecided_think],
        GATE_INPUTS,
        [AND_OUTPUTS, XOR_OUTPUTS],
        ["AND", "undecided"],
        resolution=5,
    )
    return figure


def test_one_labelled_panel_per_function(regions):
    axes = panels(regions)
    assert [ax.get_title() for ax in axes] == ["AND", "undecided"]
    for ax in axes:
        assert "x_1" in ax.get_xlabel()
        assert "x_2" in ax.get_ylabel()
    (colorbar,) = [ax for ax in regions.axes if ax.get_label() == "<colorbar>"]
    assert colorbar.get_ylabel() == "output"


def test_the_shading_is_the_networks_output_on_the_plane(regions):
    ax = panels(regions)[0]
    (image,) = ax.get_images()
    values = image.get_array()
    xs = np.linspace(-0.5, 1.5, 5)
    # Row i is x2 = xs[i], column j is x1 = xs[j], with the bias input 1.
    expected = sigmoid(10 * xs[np.newaxis, :] + 10 * xs[:, np.newaxis] - 15)
    np.testing.assert_allclose(values, expected)
    assert image.get_extent() == [-0.5, 1.5, -0.5, 1.5]


def test_each_panel_marks_its_own_targets(regions):
    and_panel, xor_panel = panels(regions)
    ones, zeros = and_panel.collections[-2:]
    np.testing.assert_array_equal(ones.get_offsets(), [[1, 1]])
    np.testing.assert_array_equal(zeros.get_offsets(), [[0, 0], [0, 1], [1, 0]])
    assert mcolors.same_color(ones.get_facecolor()[0], COLORS["blue"])
    assert mcolors.same_color(zeros.get_facecolor()[0], COLORS["vermilion"])
    ones, zeros = xor_panel.collections[-2:]
    np.testing.assert_array_equal(ones.get_offsets(), [[0, 1], [1, 0]])
    np.testing.assert_array_equal(zeros.get_offsets(), [[0, 0], [1, 1]])


def test_a_boundary_only_where_the_output_crosses_one_half(regions):
    decided, undecided = panels(regions)
    # The decided panel: a contour and the two groups of examples.
    assert len(decided.collections) == 3
    (level,) = decided.collections[0].levels
    assert level == 0.5
    # Answering 1/2 everywhere draws no boundary, only the examples.
    assert len(undecided.collections) == 2


def nearly_undecided(spread):
    """A network whose answer goes from 1/2 - spread to 1/2 + spread across the plane."""
    return lambda points: 0.5 + spread * (points[:, :1] - 0.5)


@pytest.mark.parametrize(("spread", "boundaries"), [(0.004, 0), (0.03, 1), (0.3, 1)])
def test_a_boundary_only_where_the_output_clearly_reaches_both_sides(spread, boundaries):
    """A hundredth either side of 1/2 is clear enough; a few thousandths is not."""
    figure = plot_decision_regions(
        [nearly_undecided(spread)], GATE_INPUTS, [XOR_OUTPUTS], ["almost"], resolution=5
    )
    (ax,) = panels(figure)
    contours = [c for c in ax.collections if hasattr(c, "levels")]
    assert len(contours) == boundaries


def test_the_plane_has_ticks_at_0_and_1_and_no_grid(regions):
    """The examples sit at 0 and 1; grid lines would cross the shading."""
    for ax in panels(regions):
        assert list(ax.get_xticks()) == list(ax.get_yticks()) == [0, 1]
        assert ax.get_xlim() == ax.get_ylim() == (-0.5, 1.5)
        assert not grid_shown(ax)


def test_the_legend_names_both_targets_and_the_boundary(regions):
    (legend,) = regions.legends
    labels = [text.get_text() for text in legend.get_texts()]
    assert labels == ["target 1", "target 0", "boundary: output ½"]


def test_opaque_white_background(regions):
    assert mcolors.to_rgba(regions.get_facecolor()) == (1.0, 1.0, 1.0, 1.0)


def test_a_third_input_that_varies_is_rejected():
    inputs = np.array(GATE_INPUTS)
    inputs[0, 2] = 0
    with pytest.raises(ValueError, match="third input"):
        plot_decision_regions([and_think], inputs, [AND_OUTPUTS], ["AND"])


@pytest.mark.parametrize(
    ("inputs", "targets", "titles", "message"),
    [
        (GATE_INPUTS, [AND_OUTPUTS], ["AND", "extra"], "one title per function"),
        (GATE_INPUTS, [AND_OUTPUTS, AND_OUTPUTS], ["AND"], "one array of targets"),
        (GATE_INPUTS[:, :1], [AND_OUTPUTS], ["AND"], "shape"),
        (GATE_INPUTS, [AND_OUTPUTS[:3]], ["AND"], "one target"),
        (GATE_INPUTS, [2 * AND_OUTPUTS], ["AND"], "0 or 1"),
    ],
)
def test_bad_input_is_rejected(inputs, targets, titles, message):
    with pytest.raises(ValueError, match=message):
        plot_decision_regions([and_think], inputs, targets, titles)


def test_a_function_with_the_wrong_number_of_answers_is_rejected():
    with pytest.raises(ValueError, match="one answer per point"):
        plot_decision_regions([lambda points: np.zeros(3)], GATE_INPUTS, [XOR_OUTPUTS], ["XOR"])


def test_two_inputs_without_a_bias_column_work():
    figure = plot_decision_regions(
        [lambda points: sigmoid(points @ [[1.0], [1.0]])],
        GATE_INPUTS[:, :2],
        [XOR_OUTPUTS],
        ["no bias"],
        resolution=3,
    )
    (image,) = panels(figure)[0].get_images()
    # The middle of the plane is the point (0.5, 0.5).
    assert image.get_array()[1, 1] == pytest.approx(sigmoid(1.0))


LOSSES = [np.array([0.25, 0.1, 0.01]), np.array([0.25, 0.25])]


@pytest.fixture
def curves():
    figure = plot_loss_curves(LOSSES, ["learns", "stuck"])
    return figure


def test_one_line_per_run_with_the_loss_given(curves):
    (ax,) = curves.axes
    learns, stuck = ax.get_lines()
    np.testing.assert_array_equal(learns.get_xdata(), [1, 2, 3])
    np.testing.assert_array_equal(learns.get_ydata(), LOSSES[0])
    np.testing.assert_array_equal(stuck.get_ydata(), LOSSES[1])
    assert learns.get_linestyle() != stuck.get_linestyle()
    assert [text.get_text() for text in ax.get_legend().get_texts()] == ["learns", "stuck"]


def test_labelled_log_axes(curves):
    (ax,) = curves.axes
    assert ax.get_xscale() == ax.get_yscale() == "log"
    assert "iteration" in ax.get_xlabel()
    assert "mean squared error" in ax.get_ylabel()
    assert ax.xaxis.get_major_formatter()(10_000, 0) == "10,000"
    assert ax.get_xlim()[0] <= 1 and ax.get_xlim()[1] >= 3
    assert grid_shown(ax)


@pytest.mark.parametrize(
    ("losses", "labels", "message"),
    [
        (LOSSES, ["only one"], "one label per loss curve"),
        ([np.array([0.25, 0.0])], ["zero"], "positives"),
        ([np.array([])], ["empty"], "non-empty"),
        (LOSSES * 3, list("abcdef"), "at most"),
    ],
)
def test_bad_curves_are_rejected(losses, labels, message):
    with pytest.raises(ValueError, match=message):
        plot_loss_curves(losses, labels)
