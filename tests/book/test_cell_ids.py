"""The notebooks a reader downloads keep their cell ids from build to build.

nbformat draws a random id for every new cell; the downloads derive each id
from the cell's source instead (book/_ext/cell_ids.py), so the same chapter
gives the same notebook, byte for byte, on every build.
"""

import copy
import sys

import nbformat
import pytest
from cells import shown_notebook
from toc import ROOT, chapter_files

sys.path.insert(0, str(ROOT / "book" / "_ext"))
from cell_ids import derive_cell_ids  # noqa: E402

CHAPTERS = chapter_files()


def ids(notebook):
    return [cell.id for cell in notebook.cells]


def read_with_ids(text):
    notebook = shown_notebook(text)
    derive_cell_ids(notebook)
    return notebook


@pytest.mark.parametrize("name", CHAPTERS)
def test_the_same_source_gives_the_same_ids(name):
    text = (ROOT / f"{name}.md").read_text()
    # Each reading draws new random ids; derived ones do not change.
    assert ids(shown_notebook(text)) != ids(shown_notebook(text))
    first, second = read_with_ids(text), read_with_ids(text)
    assert ids(first) == ids(second)
    assert len(set(ids(first))) == len(first.cells)
    nbformat.validate(first)


def test_a_changed_cell_changes_its_own_id_only():
    text = (ROOT / f"{CHAPTERS[0]}.md").read_text()
    before = read_with_ids(text)
    edited = copy.deepcopy(before)
    code = next(cell for cell in edited.cells if cell.cell_type == "code")
    code.source += "\nprint('one more line')"
    derive_cell_ids(edited)
    changed = [old != new for old, new in zip(ids(before), ids(edited), strict=True)]
    assert changed.count(True) == 1
    assert changed[edited.cells.index(code)]


def test_a_repeated_cell_gets_an_id_of_its_own():
    cell = nbformat.v4.new_code_cell("print('twice')")
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [cell, copy.deepcopy(cell)]  # the same id twice, for now
    derive_cell_ids(notebook)
    assert notebook.cells[0].id != notebook.cells[1].id
    nbformat.validate(notebook)


DOWNLOADS = ["_sources/{page}.ipynb", "notebooks/{name}.ipynb", "notebooks/{name}-workbook.ipynb"]


@pytest.mark.parametrize("download", DOWNLOADS)
@pytest.mark.parametrize("page", CHAPTERS)
def test_each_downloaded_notebook_has_the_ids_its_cells_give(built_html, page, download):
    """The page's source notebook, the reader's notebook and the workbook."""
    path = built_html / download.format(page=page, name=page.rpartition("/")[2])
    built = nbformat.read(path, as_version=4)
    derived = copy.deepcopy(built)
    derive_cell_ids(derived)
    assert ids(built) == ids(derived)
