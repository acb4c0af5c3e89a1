"""What `make reproducible` lets two builds differ in, tried on copies of one site.

The target itself costs two cold builds and is not part of `make test`; its
comparison is checked here on two copies of the built site, one of them
changed the way a second build could change it.
"""

import shutil
import sys
import zipfile

import nbformat
import pytest
from bs4 import BeautifulSoup
from reproducible import MEASURED, compare, measured_pages
from toc import ROOT

sys.path.insert(0, str(ROOT / "book" / "_ext"))
from cell_ids import derive_cell_ids  # noqa: E402


@pytest.fixture(scope="module")
def measured_page(built_html):
    # Chapters 3 (the sigmoid's forms) and 5 (NumPy against Python) time code.
    assert measured_pages(built_html) == {"book/03-sigmoid", "book/05-full-implementation"}
    return "book/05-full-implementation"


@pytest.fixture
def sites(built_html, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    for copy in (first, second):
        shutil.copytree(built_html, copy)
    return first, second


def replace_in(path, old, new):
    text = path.read_text()
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1))


def differing(sites):
    """The differing files, as (measured, unexpected) lists of paths."""
    measured, unexpected = compare(*sites)
    return [str(path) for path, _ in measured], [str(path) for path, _ in unexpected]


def page_soup(site, page):
    return BeautifulSoup((site / f"{page}.html").read_text(), "html.parser")


def test_two_copies_of_one_site_do_not_differ(sites):
    assert differing(sites) == ([], [])


def test_a_measured_output_may_differ(sites, measured_page):
    second = sites[1]
    output = page_soup(second, measured_page).select_one(f".cell.tag_{MEASURED} .cell_output")
    line = output.get_text().strip().splitlines()[0]
    replace_in(second / f"{measured_page}.html", line, line + "0")
    assert differing(sites) == ([f"{measured_page}.html"], [])


def test_a_time_glued_beside_a_measured_cell_may_differ(sites, measured_page):
    second = sites[1]
    soup = page_soup(second, measured_page)
    section = soup.select_one(f".cell.tag_{MEASURED}").find_parent("section")
    value = section.select_one(".pasted-text")
    replace_in(second / f"{measured_page}.html", str(value), str(value).replace("</", "1</"))
    assert differing(sites) == ([f"{measured_page}.html"], [])


def test_a_value_glued_elsewhere_on_that_page_may_not(sites, measured_page):
    second = sites[1]
    soup = page_soup(second, measured_page)
    value = soup.select(".pasted-text")[0]  # the starting weights, drawn with a seed
    assert not value.find_parent("section").select(f".cell.tag_{MEASURED}")
    replace_in(second / f"{measured_page}.html", str(value), str(value).replace("</", "1</"))
    assert differing(sites) == ([], [f"{measured_page}.html"])


def test_a_changed_word_in_another_page_is_unexpected(sites):
    replace_in(sites[1] / "book" / "01-the-neuron.html", "<h1>", "<h1>Not ")
    assert differing(sites) == ([], ["book/01-the-neuron.html"])


def test_a_notebook_with_random_cell_ids_is_unexpected(sites):
    path = sites[1] / "_sources" / "book" / "01-the-neuron.ipynb"
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        cell.id = nbformat.v4.new_code_cell().id
    nbformat.write(notebook, path)
    assert differing(sites) == ([], ["_sources/book/01-the-neuron.ipynb"])


def measured_notebook(sites, measured_page):
    """The second site's download of the measured page: (path, notebook)."""
    path = sites[1] / "_sources" / f"{measured_page}.ipynb"
    return path, nbformat.read(path, as_version=4)


def test_the_measured_notebook_may_differ_in_measured_outputs(sites, measured_page):
    path, notebook = measured_notebook(sites, measured_page)
    timed = next(cell for cell in notebook.cells if MEASURED in cell.metadata.get("tags", []))
    timed.outputs[0].text += "0"
    nbformat.write(notebook, path)
    assert differing(sites) == ([f"_sources/{measured_page}.ipynb"], [])


def test_the_measured_notebook_may_differ_in_times_glued_beside_them(sites, measured_page):
    # Another build measures another time, and its page and notebook both say so.
    second = sites[1]
    section = page_soup(second, measured_page).select_one(f".cell.tag_{MEASURED}")
    value = section.find_parent("section").select_one(".pasted-text")
    replace_in(second / f"{measured_page}.html", str(value), str(value).replace("</", "9</"))
    path, notebook = measured_notebook(sites, measured_page)
    time = f"{value.get_text()} ms"
    text = next(cell for cell in notebook.cells if time in cell.source)
    assert text.cell_type == "markdown"
    text.source = text.source.replace(time, f"{value.get_text()}9 ms")
    derive_cell_ids(notebook)  # as the build does: the cell's id follows its text
    nbformat.write(notebook, path)
    assert differing(sites) == ([f"_sources/{measured_page}.ipynb", f"{measured_page}.html"], [])


def test_the_measured_notebook_may_not_differ_elsewhere(sites, measured_page):
    path, notebook = measured_notebook(sites, measured_page)
    notebook.cells[0].source += " "
    nbformat.write(notebook, path)
    assert differing(sites) == ([], [f"_sources/{measured_page}.ipynb"])


def test_the_measured_notebook_may_not_differ_in_other_glued_values(sites, measured_page):
    second = sites[1]
    value = page_soup(second, measured_page).select(".pasted-text")[0]  # a seeded weight
    replace_in(second / f"{measured_page}.html", str(value), str(value).replace("</", "9</"))
    path, notebook = measured_notebook(sites, measured_page)
    text = next(cell for cell in notebook.cells if value.get_text() in cell.source)
    assert text.cell_type == "markdown"
    text.source = text.source.replace(value.get_text(), value.get_text() + "9")
    nbformat.write(notebook, path)
    assert differing(sites) == ([], [f"_sources/{measured_page}.ipynb", f"{measured_page}.html"])


def reader_notebook(site, page, suffix=""):
    """The site's notebook for readers (suffix "-workbook": the workbook): (path, notebook)."""
    path = site / "notebooks" / f"{page.rpartition('/')[2]}{suffix}.ipynb"
    return path, nbformat.read(path, as_version=4)


def add_zero_to_a_measured_output(notebook):
    timed = next(cell for cell in notebook.cells if MEASURED in cell.metadata.get("tags", []))
    timed.outputs[0].text += "0"


@pytest.mark.parametrize("suffix", ["", "-workbook"])
def test_the_readers_notebooks_may_differ_in_measured_outputs(sites, measured_page, suffix):
    path, notebook = reader_notebook(sites[1], measured_page, suffix)
    add_zero_to_a_measured_output(notebook)
    nbformat.write(notebook, path)
    assert differing(sites) == ([str(path.relative_to(sites[1]))], [])


def test_a_workbook_with_random_cell_ids_is_unexpected(sites):
    path, notebook = reader_notebook(sites[1], "book/01-the-neuron", "-workbook")
    for cell in notebook.cells:
        cell.id = nbformat.v4.new_code_cell().id
    nbformat.write(notebook, path)
    assert differing(sites) == ([], ["notebooks/01-the-neuron-workbook.ipynb"])


def rewrite_archive(site, change):
    """workbooks.zip again, each entry passed through change(info, notebook)."""
    path = site / "workbooks.zip"
    with zipfile.ZipFile(path) as archive:
        entries = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in entries:
            notebook = nbformat.reads(data.decode(), as_version=4)
            change(info, notebook)
            archive.writestr(info, nbformat.writes(notebook) + "\n")


def test_the_archive_may_differ_in_a_workbooks_measured_outputs(sites, measured_page):
    name = f"{measured_page.rpartition('/')[2]}-workbook.ipynb"
    rewrite_archive(
        sites[1],
        lambda info, notebook: (
            info.filename.endswith(name) and add_zero_to_a_measured_output(notebook)
        ),
    )
    assert differing(sites) == (["workbooks.zip"], [])


def test_the_archive_may_not_differ_elsewhere(sites):
    def change(info, notebook):
        if info.filename.endswith("01-the-neuron-workbook.ipynb"):
            notebook.cells[0].source += " "

    rewrite_archive(sites[1], change)
    assert differing(sites) == ([], ["workbooks.zip"])


def test_the_archive_may_not_differ_in_its_dates(sites):
    rewrite_archive(
        sites[1], lambda info, notebook: setattr(info, "date_time", (2001,) + info.date_time[1:])
    )
    assert differing(sites) == ([], ["workbooks.zip"])
