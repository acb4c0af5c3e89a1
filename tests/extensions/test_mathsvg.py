"""mathsvg.py: TeX becomes SVG named in words, and bad TeX stops the strict build."""

import re
import shutil
import subprocess
import sys

import pytest
from conftest import EXTENSIONS
from mathsvg import Renderer
from missing_tool import missing_tool

# What TeX looks like: a screen reader should never read this out.
TEX_MARKUP = re.compile(r"[\\{}^_]|\b(frac|sqrt|mathbf)\b")


@pytest.fixture(scope="module")
def renderer():
    if shutil.which("node") is None or not (EXTENSIONS / "node_modules").is_dir():
        missing_tool("mathsvg needs Node.js and `npm ci --prefix book/_ext`")
    renderer = Renderer()
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
