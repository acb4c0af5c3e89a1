"""What a cell printed shows the same, wherever the kernel cut it into pieces.

A kernel flushes printed text every 0.2 s, so one run sends a cell's output as
one stream and another as two; book/_ext/streams.py joins the pieces, in the
page (checked on a small Sphinx project built with myst-nb) and in the
downloaded notebook.
"""

import subprocess
import sys

import nbformat
import pytest
from bs4 import BeautifulSoup
from toc import ROOT

EXTENSIONS = ROOT / "book" / "_ext"
sys.path.insert(0, str(EXTENSIONS))
from streams import merge_streams  # noqa: E402

PRINTED = "first line\nsecond line\n"
CONF = f"""
import sys
sys.path.insert(0, {str(EXTENSIONS)!r})
extensions = ["myst_nb", "streams"]
nb_execution_mode = "off"
"""


def stream(text, name="stdout"):
    return nbformat.v4.new_output("stream", name=name, text=text)


def figure():
    return nbformat.v4.new_output("display_data", data={"text/plain": "<Figure>"})


def cell_with(*outputs):
    return nbformat.v4.new_code_cell("print('...')", outputs=list(outputs))


def pieces(text, cut):
    return [stream(text[:cut]), stream(text[cut:])]


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    """A page built from a notebook whose outputs came in pieces: its cells' outputs."""
    source = tmp_path_factory.mktemp("project")
    (source / "conf.py").write_text(CONF)
    cells = [
        cell_with(*pieces(PRINTED, 3)),  # cut inside a line
        cell_with(stream("before\n"), figure(), stream("after\n")),
        cell_with(stream("out\n"), stream("err\n", name="stderr"), stream("out again\n")),
    ]
    title = nbformat.v4.new_markdown_cell("# Printed output")
    notebook = nbformat.v4.new_notebook(cells=[title, *cells])
    notebook.metadata.kernelspec = {"name": "python3", "display_name": "Python 3"}
    notebook.metadata.language_info = {"name": "python", "pygments_lexer": "ipython3"}
    nbformat.write(notebook, source / "index.ipynb")
    out = source / "_build"
    build = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", str(source), str(out)]
    subprocess.run(build, check=True)
    soup = BeautifulSoup((out / "index.html").read_text(), "html.parser")
    return [
        [(block["class"], block.pre.get_text()) for block in cell.select(".output")]
        for cell in soup.select(".cell_output")
    ]


def test_a_stream_cut_in_pieces_shows_as_one_block(page):
    ((classes, text),) = [block for block in page[0]]
    assert "stream" in classes
    assert text == PRINTED


def test_text_printed_after_a_figure_stays_after_it(page):
    texts = [text for _, text in page[1]]
    assert texts[0] == "before\n" and texts[-1] == "after\n"
    assert len(texts) == 3


def test_streams_of_other_names_are_not_joined(page):
    assert [text for _, text in page[2]] == ["out\n", "err\n", "out again\n"]


@pytest.mark.parametrize("cut", range(len(PRINTED) + 1))
def test_the_notebook_gets_the_same_outputs_wherever_the_cut(cut):
    notebook = nbformat.v4.new_notebook(cells=[cell_with(*pieces(PRINTED, cut))])
    merge_streams(notebook)
    assert notebook.cells[0].outputs == [stream(PRINTED)]
