"""mathsvg.py: TeX becomes SVG named in words, and bad TeX stops the strict build."""

import contextlib
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from docutils import nodes
from mathsvg import Renderer, ask_ahead, display_tex
from missing_tool import missing_tool
from sphinx.errors import ExtensionError

EXTENSIONS = Path(__file__).resolve().parents[2] / "book" / "_ext"
# What TeX looks like: a screen reader should never read this out.
TEX_MARKUP = re.compile(r"[\\{}^_]|\b(frac|sqrt|mathbf)\b")


def new_renderer():
    """A Renderer, where Node.js and MathJax are installed."""
    if shutil.which("node") is None or not (EXTENSIONS / "node_modules").is_dir():
        missing_tool("mathsvg needs Node.js and `npm ci --prefix book/_ext`")
    return Renderer()


@pytest.fixture(scope="module")
def renderer():
    renderer = new_renderer()
    yield renderer
    renderer.stop()


@pytest.mark.parametrize(
    ("tex", "words"),
    [
        (r"\frac{1}{2}", "one half"),
        (r"\sigma(z) = \frac{1}{1 + e^{-z}}", "sigma"),
        (r"w_j", "w sub j"),
        (r"x^2", "x squared"),
    ],
)
def test_an_equation_becomes_svg_named_in_words(renderer, tex, words):
    svg, speech, error = renderer.render(tex, display=False)
    assert not error
    assert svg.startswith("<svg") and "<path" in svg
    assert words in speech
    assert not TEX_MARKUP.search(speech), speech


@pytest.mark.parametrize("tex", [r"\notacommand{x}", r"\frac{1}{", r"x^"])
def test_bad_tex_is_reported(renderer, tex):
    _, _, error = renderer.render(tex, display=True)
    assert error


def test_bad_tex_stops_the_strict_build(tmp_path):
    """A Sphinx project of one page with a TeX mistake: `sphinx-build -W` fails, naming it."""
    if shutil.which("node") is None:
        missing_tool("mathsvg needs Node.js")
    source = tmp_path / "source"
    source.mkdir()
    (source / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(EXTENSIONS)!r})\n"
        'extensions = ["mathsvg"]\nhtml_math_renderer = "mathsvg"\n'
    )
    (source / "index.rst").write_text("Test\n====\n\nA sum :math:`\\notacommand{x}` here.\n")
    run = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", source, tmp_path / "out"],
        capture_output=True,
        text=True,
    )
    assert run.returncode != 0
    assert "math could not be rendered" in run.stderr and "notacommand" in run.stderr
    (source / "index.rst").write_text("Test\n====\n\nA sum :math:`x^2` here.\n")
    run = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", source, tmp_path / "out"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr


def finishes(function, seconds=60):
    """Run `function` in a thread; whether it finished within `seconds` (no hang)."""
    thread = threading.Thread(target=function, daemon=True)
    thread.start()
    thread.join(seconds)
    return not thread.is_alive()


def without_ids(answer):
    """An answer with MathJax's numbering of the SVG's parts (MJX-<n>-) taken out: the
    numbers count the equations the process has drawn, and keep a page's ids apart."""
    svg, speech, error = answer
    return re.sub(r"MJX-\d+-", "MJX-", svg), speech, error


def test_equations_asked_ahead_are_answered_as_if_rendered_alone(renderer):
    ahead = new_renderer()
    try:
        terms = " + ".join(f"x_{{{j}}}" for j in range(40))
        pieces = [(f"{terms} = y^{{{k}}}", k % 2 == 0) for k in range(300)]
        # 300 requests of 300 characters, all sent before any answer is asked for (their
        # answers are many pipes full); then three answers, last asked first.
        assert finishes(lambda: [ahead.ask(tex, display) for tex, display in pieces])
        answers = []
        assert finishes(lambda: answers.extend(ahead.render(*piece) for piece in pieces[2::-1]))
        alone = [renderer.render(tex, display) for tex, display in pieces[2::-1]]
        assert [without_ids(a) for a in answers] == [without_ids(a) for a in alone]
    finally:
        ahead.process.kill()  # a process left waiting (the test failed) must go too
        with contextlib.suppress(OSError):
            ahead.stop()


def test_a_stopped_process_is_an_error_not_a_wait():
    renderer = new_renderer()
    renderer.ask("x", display=False)
    renderer.process.kill()
    outcome = []

    def render():
        with pytest.raises(ExtensionError, match="stopped unexpectedly"):
            renderer.render("y^2", display=False)
        outcome.append("raised")

    try:
        assert finishes(render, seconds=30) and outcome == ["raised"]
    finally:
        renderer.stop()


def test_each_page_is_asked_ahead_as_it_will_be_rendered():
    document = nodes.document(None, None)
    document += nodes.math("x^2", "x^2")
    block = nodes.math_block("a \\\\ b", "a \\\\ b", nowrap=False, number=None)
    document += block
    asked = []
    recorder = SimpleNamespace(ask=lambda tex, display: asked.append((tex, display)))
    app = SimpleNamespace(builder=SimpleNamespace(math_renderer_name="mathsvg"))
    app.mathsvg_renderer = recorder
    ask_ahead(app, document)
    assert asked == [("x^2", False), (display_tex(block), True)]
    asked.clear()
    ask_ahead(SimpleNamespace(builder=SimpleNamespace(), mathsvg_renderer=recorder), document)
    assert asked == []  # the PDF's builder draws its own equations
