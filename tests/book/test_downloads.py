"""What a reader can take away: each chapter as a notebook and as its source.

And no launch buttons (Binder, Colab) when the build is not told its repository,
so the site never links to a repository that is not there.
"""

import nbformat
import pytest
from cells import shown_notebook
from toc import ROOT, chapter_files

CHAPTERS = chapter_files()


def download_link(soup, suffix):
    links = [
        link
        for link in soup.select(f".dropdown-download-buttons a[href$='{suffix}']")
        if "btn-download-workbook-button" not in link["class"]  # test_workbooks.py
    ]
    assert len(links) == 1, f"no {suffix} in the page's download menu"
    return links[0]["href"]


@pytest.mark.parametrize("name", CHAPTERS)
def test_each_chapter_downloads_as_a_notebook_that_holds_its_code(page, built_html, name):
    href = download_link(page(name), ".ipynb")
    notebook = nbformat.read((built_html / name).parent / href, as_version=4)
    nbformat.validate(notebook)
    source = (ROOT / f"{name}.md").read_text()
    code = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    assert code, f"{name}: the notebook has no code cells"
    # The code cells the page shows, in order, and not the hidden ones.
    shown = shown_notebook(source).cells
    assert code == [cell.source for cell in shown if cell.cell_type == "code"]
    assert notebook.metadata.kernelspec.language == "python"


@pytest.mark.parametrize("name", CHAPTERS)
def test_each_chapter_notebook_holds_the_outputs_the_page_shows(page, built_html, name):
    href = download_link(page(name), ".ipynb")
    notebook = nbformat.read((built_html / name).parent / href, as_version=4)
    # A cell's printed text, however the kernel happened to split it.
    printed = [
        "".join(o.text for o in cell.outputs if o.output_type == "stream")
        for cell in notebook.cells
        if cell.cell_type == "code"
    ]
    printed = [text for text in printed if text.strip()]
    assert printed, f"{name}: the notebook holds no printed output"
    shown = " ".join(pre.get_text() for pre in page(name).select(".cell_output pre"))
    assert all(text.strip().splitlines()[0] in shown for text in printed)


@pytest.mark.parametrize("name", CHAPTERS)
def test_each_chapter_downloads_as_its_source(page, built_html, name):
    href = download_link(page(name), ".md")
    assert ((built_html / name).parent / href).read_text() == (ROOT / f"{name}.md").read_text()


def test_the_preface_says_how_to_run_a_chapter(page):
    text = page("book/intro").find("main").get_text()
    assert "pip install -r requirements.txt" in text


def test_no_launch_buttons_without_a_repository(page):
    # The tests' build is given no repository (conftest.py), as a local build.
    soup = page(CHAPTERS[0])
    assert not soup.select(".dropdown-launch-buttons, [class*='launch']")
    html = str(soup)
    for placeholder in ["executablebooks/jupyter-book", "mybinder.org", "colab.research"]:
        assert placeholder not in html
