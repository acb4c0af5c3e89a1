"""Explorable figures: frames the package draws, and what a notebook shows of them."""

import base64
import io
import json
import re

import numpy as np
import pytest
from PIL import Image

from neuron import NeuralNetwork, TwoLayerNetwork, sigmoid
from neuron.data import (
    GATE_INPUTS,
    NEW_SITUATION,
    TRAINING_INPUTS,
    TRAINING_OUTPUTS,
    XOR_OUTPUTS,
)
from neuron.plots.boundaries import explore_decision_regions
from neuron.plots.explorable import Explorable, figure_png
from neuron.plots.learning_rate import explore_learning_rates
from neuron.plots.sigmoid import explore_weight
from neuron.plots.style import new_figure
from neuron.plots.training import explore_training
from neuron.text import readable

PNG = figure_png(new_figure()[0])


def numbers(text):
    """The numbers in a description; a negative one must have a real minus sign."""
    assert not re.search(r"-\d", text), f"a hyphen for a minus sign: {text!r}"
    text = text.replace(",", "").replace("\N{MINUS SIGN}", "-")
    return [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", text)]


def small(**changes):
    arguments = {
        "name": "a-test",
        "label": "Setting",
        "settings": ["one", "two"],
        "descriptions": ["first", "second"],
        "frames": [PNG, PNG],
    }
    return Explorable(**(arguments | changes))


class TestExplorable:
    def test_a_notebook_shows_the_start_frame_with_its_description(self):
        bundle = small(start=1)._repr_mimebundle_()
        assert base64.b64decode(bundle["image/png"]) == PNG
        assert bundle["text/plain"] == "second"
        assert 'alt="second"' in bundle["text/html"]
        assert 'value="1"' in bundle["text/html"]

    def test_the_html_carries_every_frame_and_hides_its_slider(self):
        html = small()._repr_mimebundle_()["text/html"]
        data = re.search(r'class="explorable-data">(.*)</script>', html).group(1)
        assert json.loads(data)["descriptions"] == ["first", "second"]
        assert [base64.b64decode(f) for f in json.loads(data)["frames"]] == [PNG, PNG]
        assert '<div class="explorable-control" hidden>' in html
        assert '<input type="range"' in html and 'max="1"' in html

    def test_a_description_cannot_end_the_script_that_holds_it(self):
        html = small(descriptions=["a </script> b", "c"]).html()
        assert html.count("</script>") == 1

    def test_frames_are_opaque_pngs_of_one_size(self):
        sizes = set()
        for slope in (1, 100):
            figure, ax = new_figure(width=4.0)
            ax.plot([0, 1], [0, slope], label="a longer label than the other")
            image = Image.open(io.BytesIO(figure_png(figure)))
            assert image.format == "PNG" and "transparency" not in image.info
            sizes.add(image.size)
        assert sizes == {(400, 360)}

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"name": "Has Spaces"}, "name"),
            ({"label": ""}, "label"),
            ({"settings": ["one"], "descriptions": ["a"], "frames": [PNG]}, "two settings"),
            ({"descriptions": ["only one"]}, "one description and one frame"),
            ({"start": 2}, "start"),
        ],
    )
    def test_bad_arguments_are_named(self, changes, message):
        with pytest.raises(ValueError, match=message):
            small(**changes)


@pytest.fixture(scope="module")
def history():
    return NeuralNetwork(seed=1).train(TRAINING_INPUTS, TRAINING_OUTPUTS, iterations=100)


class TestExploreTraining:
    def test_each_description_gives_the_weights_after_k_updates(self, history):
        explorable = explore_training(history, TRAINING_INPUTS, TRAINING_OUTPUTS, [0, 7, 100])
        for k, text in zip([0, 7, 100], explorable.descriptions, strict=True):
            network = NeuralNetwork(seed=1)
            network.train(TRAINING_INPUTS, TRAINING_OUTPUTS, iterations=k)
            answers = network.think(TRAINING_INPUTS)[:, 0]
            values = numbers(text)
            assert values[0] == k
            assert values[1:5] == pytest.approx(answers, abs=5e-4)
            assert values[9:12] == pytest.approx(network.synaptic_weights[:, 0], abs=5e-3)
            # The error as the prose writes numbers (2.5 × 10⁻⁵, not 2.5e-05).
            mse = np.mean((TRAINING_OUTPUTS[:, 0] - answers) ** 2)
            assert text.endswith(f"mean squared error {readable(mse, 3)}.")
        assert explorable.settings == ["iteration 0", "iteration 7", "iteration 100"]

    @pytest.mark.parametrize("iterations", [[0, 101], [5, 3], [0, -1]])
    def test_iterations_outside_the_run_or_out_of_order_are_refused(self, history, iterations):
        with pytest.raises(ValueError, match="iteration"):
            explore_training(history, TRAINING_INPUTS, TRAINING_OUTPUTS, iterations)


def test_explore_weight_moves_one_weight_only():
    weights = np.array([2.0, -1.0, 0.5])
    examples = {"a": TRAINING_INPUTS[1], "new": NEW_SITUATION}
    explorable = explore_weight(weights, examples, 0, [-1.0, 3.0], start=1)
    assert explorable.settings == ["w1 = −1.00", "w1 = 3.00"]
    text = explorable.descriptions[1]
    assert "w2 = −1.00, w3 = 0.50" in text
    assert f"answer {float(sigmoid(3.0 - 1.0 + 0.5)):.3f}" in text
    assert f"z = 3.00, answer {float(sigmoid(3.0)):.3f}" in text
    with pytest.raises(ValueError, match="j must index"):
        explore_weight(weights, examples, 3, [0.0, 1.0])


def test_explore_learning_rates_starts_at_the_reference_and_reports_each_run():
    losses = {
        rate: NeuralNetwork(seed=1)
        .train(TRAINING_INPUTS, TRAINING_OUTPUTS, iterations=50, learning_rate=rate)
        .loss
        for rate in (0.5, 1.0, 100.0)
    }
    explorable = explore_learning_rates(losses)
    assert explorable.start == 1
    assert "never below 0.1" in explorable.descriptions[2]
    assert f"{losses[0.5][1]:.3f} after one step" in explorable.descriptions[0]
    assert f"{readable(losses[100.0][-1], 3)} at iteration 49." in explorable.descriptions[2]
    with pytest.raises(ValueError, match="reference"):
        explore_learning_rates(losses, reference=2.0)


def test_explore_decision_regions_describes_each_network_at_each_iteration():
    networks = []
    for k in (0, 300):
        network = TwoLayerNetwork(n_inputs=3, n_hidden=2, seed=0)
        network.train(GATE_INPUTS, XOR_OUTPUTS, iterations=k)
        networks.append([network.think])
    explorable = explore_decision_regions(
        networks, GATE_INPUTS, XOR_OUTPUTS, titles=["two"], iterations=[0, 300]
    )
    assert explorable.start == 1
    answers = networks[1][0](GATE_INPUTS)[:, 0]
    assert ", ".join(f"{a:.3f}" for a in answers) in explorable.descriptions[1]
    with pytest.raises(ValueError, match="one list of functions per iteration"):
        explore_decision_regions(networks, GATE_INPUTS, XOR_OUTPUTS, ["two"], [0])
