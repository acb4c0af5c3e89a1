"""Unit tests of the book's Sphinx extensions (book/_ext), on small hand-made inputs."""

import logging
import sys
from pathlib import Path

import pytest
from sphinx.application import Sphinx

ROOT = Path(__file__).resolve().parents[2]
EXTENSIONS = ROOT / "book" / "_ext"
sys.path.insert(0, str(EXTENSIONS))
# What a test does when Node.js or MathJax is missing (skip here, fail in CI).
sys.path.insert(0, str(ROOT / "tests" / "book"))

# A PNG of one pixel: what the tiny site's figures show.
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
TINY_PAGE = """\
A tiny page
===========

The first paragraph of this tiny page says what it is about.

.. image:: a.png
   :alt: the first figure

.. image:: b.png
   :alt: the second figure

A claim with a source [Source]_.

.. [Source] An author, *A book*, 2026.
"""


@pytest.fixture(scope="session")
def tiny_site(tmp_path_factory):
    """A one-page site built with the book's theme and its lean_assets, descriptions and
    accessible_names extensions: what they make of a real Sphinx build."""
    source = tmp_path_factory.mktemp("tiny-site")
    (source / "conf.py").write_text(
        'extensions = ["lean_assets", "descriptions", "accessible_names"]\n'
        'html_theme = "sphinx_book_theme"\n'
    )
    (source / "index.rst").write_text(TINY_PAGE)
    for name in ("a.png", "b.png"):
        (source / name).write_bytes(PIXEL)
    out = source / "_build"
    app = Sphinx(source, source, out / "html", out / "doctrees", "html", status=None)
    app.build()
    # Sphinx stops its loggers' messages reaching the root logger, where pytest's caplog
    # reads them: let the other tests read them again.
    logging.getLogger("sphinx").propagate = True
    return out / "html"
