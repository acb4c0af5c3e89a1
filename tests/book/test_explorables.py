"""The explorable figures in Chromium: their sliders, their numbers, and without JavaScript.

Each explorable is a slider over frames the package drew when the book was built
(book/_ext/explorables.py, neuron/plots/explorable.py). Here a reader moves each
slider by keyboard and by pointer at a laptop's and a phone's size, and the numbers
each frame's description states are recomputed with `neuron`, independently of the
chapter's own cells.
"""

import re

import numpy as np
import pytest
from browser import OVERFLOW_JS, SIZES, page_url, run_axe, tab
from toc import toc_files

from neuron import NeuralNetwork, TwoLayerNetwork, sigmoid
from neuron.data import (
    GATE_INPUTS,
    NEW_SITUATION,
    TRAINING_INPUTS,
    TRAINING_OUTPUTS,
    XOR_OUTPUTS,
)

ALL_PAGES = toc_files()
EXPLORABLES = ["training-cycle", "sigmoid-w1", "learning-rate", "hidden-layer"]
CASES = [(name, size) for size in SIZES for name in EXPLORABLES]

# What the reader sees and hears of an explorable at its current setting.
STATE_JS = """(name) => {
  const figure = document.getElementById(`explorable-${name}-figure`);
  const input = document.getElementById(`explorable-${name}`);
  const image = figure.querySelector('img');
  return {
    value: Number(input.value), max: Number(input.max),
    output: figure.querySelector('output').textContent,
    valuetext: input.getAttribute('aria-valuetext'),
    settings: JSON.parse(input.dataset.settings),
    src: image.getAttribute('src'), alt: image.alt,
    description: figure.querySelector('.explorable-description').textContent,
    shown: figure.dataset.shown,
    controlVisible: figure.querySelector('.explorable-control').offsetParent !== null,
  };
}"""
# Anything of the explorable wider than the screen, or than the boxes it sits in
# (which would then scroll sideways, hiding part of it).
FITS_JS = """(name) => {
  const figure = document.getElementById(`explorable-${name}-figure`);
  const width = document.documentElement.clientWidth;
  const out = [];
  for (let el = figure; el && el.tagName !== 'MAIN'; el = el.parentElement) {
    if (el.scrollWidth > el.clientWidth + 1) {
      out.push(`${el.className} scrolls: ${el.scrollWidth}px in ${el.clientWidth}px`);
    }
  }
  for (const el of [figure, ...figure.querySelectorAll('*')]) {
    const right = el.getBoundingClientRect().right;
    if (right > width + 1) out.push(`${el.tagName} ${el.className} reaches ${right}px`);
  }
  return out;
}"""
MANIFEST_JS = """async (name) => {
  const figure = document.getElementById(`explorable-${name}-figure`);
  const url = new URL(figure.dataset.frames, document.baseURI);
  const manifest = await (await fetch(url)).json();
  return manifest.frames.map((frame) => new URL(frame, url).href);
}"""


@pytest.fixture(scope="module")
def pages_of(page):
    """{explorable: the page that holds it}; each explorable is on exactly one page."""
    found = {}
    for name in EXPLORABLES:
        holders = [p for p in ALL_PAGES if page(p).select(f"#explorable-{name}-figure")]
        assert len(holders) == 1, f"{name} is on {holders}"
        found[name] = holders[0]
    return found


def open_explorable(page, site, name, pages_of):
    """Open the explorable's page and scroll to it; its frames then load."""
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(page_url(site, pages_of[name]), wait_until="load")
    page.locator(f"#explorable-{name}-figure").scroll_into_view_if_needed()
    return errors


def state_after(page, name, move):
    """Move the slider (move(input)), wait for the frame to change, return the state."""
    slider = page.locator(f"#explorable-{name}")
    move(slider)
    page.wait_for_function(
        """(name) => {
          const figure = document.getElementById(`explorable-${name}-figure`);
          return figure.dataset.shown === document.getElementById(`explorable-${name}`).value;
        }""",
        arg=name,
        timeout=10_000,
    )
    return page.evaluate(STATE_JS, name)


def assert_consistent(state, image, frames):
    """The value in words, what a screen reader hears and the frame shown agree."""
    i = state["value"]
    assert state["output"] == state["valuetext"] == state["settings"][i]
    assert state["alt"] == state["description"] and state["alt"].strip()
    assert image == frames[i]


@pytest.mark.parametrize(("name", "size"), CASES, ids=[f"{n}-{s}" for n, s in CASES])
def test_keyboard_and_pointer_move_the_figure(browser, site, pages_of, name, size):
    with tab(browser, site, size) as page:
        errors = open_explorable(page, site, name, pages_of)
        start = page.evaluate(STATE_JS, name)
        assert start["controlVisible"], "the slider is not shown"
        assert start["output"] == start["valuetext"] == start["settings"][start["value"]]
        frames = page.evaluate(MANIFEST_JS, name)
        assert len(frames) == len(start["settings"]) == start["max"] + 1

        seen = [start]
        for key in ["Home", "ArrowRight", "End", "ArrowLeft"]:
            state = state_after(page, name, lambda slider, key=key: slider.press(key))
            expected = {
                "Home": 0,
                "ArrowRight": seen[-1]["value"] + 1,
                "End": start["max"],
                "ArrowLeft": seen[-1]["value"] - 1,
            }[key]
            assert state["value"] == expected, key
            image = page.evaluate(
                "(name) => new URL(document.querySelector("
                "`#explorable-${name}-figure img`).src, document.baseURI).href",
                name,
            )
            assert_consistent(state, image, frames)
            assert state["description"] != seen[-1]["description"], key
            seen.append(state)

        # A pointer: click the slider a quarter of the way along.
        box = page.locator(f"#explorable-{name}").bounding_box()
        state = state_after(
            page,
            name,
            lambda slider: page.mouse.click(
                box["x"] + 0.25 * box["width"], box["y"] + box["height"] / 2
            ),
        )
        assert 0 < state["value"] < start["max"]
        assert state["description"] != seen[-1]["description"]
        assert page.evaluate(FITS_JS, name) == []
        if size == "phone":
            assert page.evaluate(OVERFLOW_JS) == []
        assert errors == []


def numbers(text):
    """The numbers in a description, in order (thousands separators dropped,
    a power of ten such as 2.5 × 10⁻⁵ read as 2.5e-5); a negative one must
    have a real minus sign, −0.84, as the prose does, not a hyphen."""
    assert not re.search(r"-\d", text), f"a hyphen for a minus sign: {text!r}"
    text = text.replace(",", "").replace("\N{MINUS SIGN}", "-")
    text = re.sub(
        r" × 10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)",
        lambda power: "e" + power.group(1).translate(str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")),
        text,
    )
    return [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", text)]


def signed(number):
    """A number as a description writes it, −0.84, read as a float."""
    return float(number.replace("\N{MINUS SIGN}", "-"))


def description_at(page, name, setting):
    """Set the slider to the setting with these words; return the description."""
    state = page.evaluate(STATE_JS, name)
    index = state["settings"].index(setting)
    state = state_after(page, name, lambda slider: slider.fill(str(index)))
    return state["description"]


def check_training(text, k):
    network = NeuralNetwork(seed=1)
    network.train(TRAINING_INPUTS, TRAINING_OUTPUTS, iterations=k)
    answers = network.think(TRAINING_INPUTS)[:, 0]
    mse = np.mean((TRAINING_OUTPUTS[:, 0] - answers) ** 2)
    values = numbers(text)
    assert values[0] == k
    assert values[1:5] == pytest.approx(answers, abs=5e-4)
    assert values[5:9] == list(TRAINING_OUTPUTS[:, 0])
    assert values[9:12] == pytest.approx(network.synaptic_weights[:, 0], abs=5e-3)
    assert values[12] == pytest.approx(mse, rel=5e-3)


def check_sigmoid(text, w1):
    trained = NeuralNetwork(seed=1)
    trained.train(TRAINING_INPUTS, TRAINING_OUTPUTS, iterations=10_000)
    weights = trained.synaptic_weights[:, 0].copy()
    weights[0] = w1
    examples = [*TRAINING_INPUTS, NEW_SITUATION]
    sums = [float(np.dot(x, weights)) for x in examples]
    # "z = <sum>, answer <answer>", once per example and for the new situation.
    pairs = re.findall(r"z = (−?\d+\.\d+), answer (\d\.\d+)", text)
    assert [signed(z) for z, _ in pairs] == pytest.approx(sums, abs=5e-3)
    assert [float(a) for _, a in pairs] == pytest.approx(sigmoid(sums), abs=5e-4)
    stated = [signed(w) for w in re.findall(r"w\d = (−?\d+\.\d+)", text)]
    assert stated == pytest.approx(weights, abs=5e-3)


def check_learning_rate(text, rate):
    loss = (
        NeuralNetwork(seed=1)
        .train(TRAINING_INPUTS, TRAINING_OUTPUTS, iterations=10_000, learning_rate=rate)
        .loss
    )
    values = numbers(text)
    assert values[0] == rate
    assert values[1:3] == pytest.approx(loss[:2], abs=5e-4)
    below = np.flatnonzero(loss < 0.1)
    if len(below):
        assert f"below 0.1 from iteration {below[0]:,}" in text
    else:
        assert "never below 0.1" in text
    assert values[-2] == pytest.approx(loss[-1], rel=5e-3)


def check_hidden_layer(text, k):
    networks = re.findall(r"(\d+) hidden, seed (\d+) answers ((?:\d\.\d+(?:, )?){4})", text)
    assert len(networks) == 2, text
    for width, seed, answers in networks:
        network = TwoLayerNetwork(n_inputs=3, n_hidden=int(width), seed=int(seed))
        network.train(GATE_INPUTS, XOR_OUTPUTS, iterations=k)
        shown = [float(a) for a in answers.split(", ")]
        assert shown == pytest.approx(network.think(GATE_INPUTS)[:, 0], abs=5e-4)


SETTINGS = [
    ("training-cycle", "iteration 0", lambda text: check_training(text, 0)),
    ("training-cycle", "iteration 100", lambda text: check_training(text, 100)),
    ("training-cycle", "iteration 10,000", lambda text: check_training(text, 10_000)),
    ("sigmoid-w1", "w1 = 3.00", lambda text: check_sigmoid(text, 3.0)),
    ("sigmoid-w1", "w1 = −4.00", lambda text: check_sigmoid(text, -4.0)),
    ("learning-rate", "learning rate 0.1", lambda text: check_learning_rate(text, 0.1)),
    ("learning-rate", "learning rate 90", lambda text: check_learning_rate(text, 90.0)),
    ("learning-rate", "learning rate 100", lambda text: check_learning_rate(text, 100.0)),
    ("hidden-layer", "300 iterations", lambda text: check_hidden_layer(text, 300)),
    ("hidden-layer", "60,000 iterations", lambda text: check_hidden_layer(text, 60_000)),
]


@pytest.mark.parametrize(
    ("name", "setting", "check"), SETTINGS, ids=[f"{n}-{s}" for n, s, _ in SETTINGS]
)
def test_the_figure_shows_the_packages_numbers(browser, site, pages_of, name, setting, check):
    with tab(browser, site) as page:
        errors = open_explorable(page, site, name, pages_of)
        check(description_at(page, name, setting))
        assert errors == []


@pytest.mark.parametrize("name", EXPLORABLES)
def test_without_javascript_the_static_figure_and_its_alt_text_are_there(
    browser,
    site,
    pages_of,
    name,
):
    with tab(browser, site, java_script_enabled=False) as page:
        page.goto(page_url(site, pages_of[name]), wait_until="load")
        figure = page.locator(f"#explorable-{name}-figure")
        image = figure.locator("img")
        image.scroll_into_view_if_needed()
        image.evaluate("(img) => img.decode()")
        assert image.evaluate("(img) => img.naturalWidth") > 0
        alt = image.get_attribute("alt")
        assert alt and alt == figure.locator(".explorable-description").text_content()
        assert figure.locator(".explorable-control").is_hidden()
        caption = page.locator(f"figure:has(#explorable-{name}-figure) figcaption")
        assert re.match(r"Fig\. \d+\.\d+", caption.text_content().strip())


@pytest.mark.parametrize("name", EXPLORABLES)
def test_frames_load_only_when_the_figure_nears_the_screen(browser, site, pages_of, name):
    with tab(browser, site, "phone") as page:
        asked = []
        page.on("request", lambda request: asked.append(request.url))
        page.goto(page_url(site, pages_of[name]), wait_until="networkidle")
        figure = page.locator(f"#explorable-{name}-figure")
        assert figure.evaluate("(figure) => figure.getBoundingClientRect().top") > 2_000
        manifest = figure.evaluate(
            "(figure) => new URL(figure.dataset.frames, document.baseURI).href"
        )
        assert manifest not in asked
        with page.expect_request(manifest):
            figure.scroll_into_view_if_needed()
        frames = page.evaluate(MANIFEST_JS, name)
        for _ in range(100):  # every frame is asked for, ahead of the slider
            if set(frames) <= set(asked):
                break
            page.wait_for_timeout(100)
        assert set(frames) <= set(asked), "not every frame was fetched ahead"


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("name", EXPLORABLES)
def test_axe_finds_nothing_serious_in_either_theme(browser, site, pages_of, name, theme):
    """Label, value text and description stay readable and announced in both themes."""
    with tab(browser, site, "phone", theme=theme) as page:
        open_explorable(page, site, name, pages_of)
        start = page.evaluate(STATE_JS, name)
        key = "Home" if start["value"] == start["max"] else "End"
        state_after(page, name, lambda slider: slider.press(key))  # a frame the script set
        serious, _ = run_axe(page, context=f"#explorable-{name}-figure")
        assert serious == []
