"""Chapter 1's figure: one neuron, from its inputs through the weighted sum and sigmoid."""

import matplotlib.colors as mcolors
import numpy as np
import pytest
from matplotlib.patches import Circle

from neuron.plots import COLORS
from neuron.plots.diagram import draw_neuron

WEIGHTS = [9.67299303, -0.2078435, -4.62963669]
INPUTS = [1, 0, 0]


@pytest.fixture
def draw():
    """draw(...) -> (figure, axes, its texts)."""

    def make(*args, **kwargs):
        figure = draw_neuron(*args, **kwargs)
        (ax,) = figure.axes
        return figure, ax, [text.get_text() for text in ax.texts]

    return make


def input_circles(ax):
    return [p for p in ax.patches if isinstance(p, Circle) and p.get_gid() == "input"]


def synapses(ax):
    """The arrows from the inputs to the weighted sum."""
    return [text.arrow_patch for text in ax.texts if text.get_gid() == "synapse"]


def test_every_part_of_the_neuron_is_named(draw):
    _, _, texts = draw()
    for part in ["inputs", "synaptic weights", "weighted sum", "sigmoid", "output"]:
        assert part in texts
    for symbol in ["$x_{1}$", "$x_{2}$", "$x_{3}$", "$w_{1}$", "$w_{2}$", "$w_{3}$", r"$\hat{y}$"]:
        assert symbol in texts
    assert r"$\sigma(z)$" in texts


def test_one_circle_and_one_synapse_per_input(draw):
    for n in [1, 3, 5]:
        _, ax, texts = draw(n_inputs=n)
        assert len(input_circles(ax)) == n
        assert len(synapses(ax)) == n
        assert f"$w_{{{n}}}$" in texts
        assert f"$w_{{{n + 1}}}$" not in texts


def test_the_sum_and_the_sigmoid_are_drawn(draw):
    _, ax, _ = draw()
    gids = {patch.get_gid() for patch in ax.patches}
    assert {"sum", "sigmoid"} <= gids
    (curve,) = [line for line in ax.get_lines() if line.get_gid() == "sigmoid-curve"]
    y = curve.get_ydata()
    assert np.all(np.diff(y) > 0), "the sigmoid's curve rises from left to right"


def test_the_weights_are_written_on_their_synapses(draw):
    _, ax, texts = draw(WEIGHTS)
    assert [t for t in texts if t.startswith("$w_")] == [
        "$w_{1} = 9.67$",
        "$w_{2} = -0.21$",
        "$w_{3} = -4.63$",
    ]
    first, second, third = synapses(ax)
    # Blue for positive, vermilion for negative; thicker for larger weights.
    assert mcolors.same_color(first.get_edgecolor(), COLORS["blue"])
    assert mcolors.same_color(third.get_edgecolor(), COLORS["vermilion"])
    assert first.get_linewidth() > third.get_linewidth() > second.get_linewidth()


def test_a_column_of_weights_is_accepted(draw):
    _, _, from_list = draw(WEIGHTS)
    _, _, from_column = draw(np.array(WEIGHTS).reshape(3, 1))
    assert from_list == from_column


def test_with_inputs_it_shows_the_sum_and_the_answer(draw):
    _, _, texts = draw(WEIGHTS, INPUTS)
    # The oracle: the article's published answer for [1, 0, 0].
    assert "$z = 9.6730$" in texts
    assert r"$\hat{y} = 0.99993704$" in texts
    assert [t for t in texts if t in {"0", "1"}] == ["1", "0", "0"]


def test_opaque_white_background(draw):
    figure, ax, _ = draw()
    assert mcolors.to_rgba(figure.get_facecolor()) == (1.0, 1.0, 1.0, 1.0)
    assert not ax.axison, "a diagram has no data axes to label"


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"inputs": INPUTS}, ValueError, "inputs need weights"),
        ({"weights": WEIGHTS, "inputs": [1, 0]}, ValueError, "inputs must hold 3"),
        ({"weights": WEIGHTS, "n_inputs": 4}, ValueError, "weights must hold 4"),
        ({"n_inputs": 0}, ValueError, "at least 1"),
        ({"n_inputs": 2.5}, TypeError, "integer"),
        ({"weights": [1.0, np.nan, 0.0]}, ValueError, "finite"),
    ],
)
def test_bad_input_is_rejected(kwargs, error, message):
    with pytest.raises(error, match=message):
        draw_neuron(**kwargs)
