"""What a reader can take away: each chapter as a notebook and as its source.

And no launch buttons (Binder, Colab) when the build is not told its repository,
so the site never links to a repository that is not there.
"""

import base64
import re
from types import SimpleNamespace

import nbformat
import pytest
from cells import shown_notebook
from downloads import name_the_repository
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
    setup, *cells = notebook.cells
    assert setup.metadata.book == {"setup": True}, f"{name}: no set-up cell first"
    code = [cell.source for cell in cells if cell.cell_type == "code"]
    assert code, f"{name}: the notebook has no code cells"
    # After the set-up cell, the code cells the page shows, in order, and not the hidden ones.
    shown = shown_notebook(source).cells
    assert code == [cell.source for cell in shown if cell.cell_type == "code"]
    assert notebook.metadata.kernelspec.language == "python"


# A Markdown table's separator row, e.g. | ---: | :--- |
SEPARATOR = re.compile(r"^\|[\s:|-]+\|$")


def markdown_table(text):
    """The rows of the Markdown table in `text`, a cell with math shown as "$"."""
    rows = []
    for line in text.strip().splitlines():
        if line.startswith("|") and not SEPARATOR.match(line):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            rows.append(["$" if "$" in cell else cell for cell in cells])
    return rows


def notebook_outputs(cell):
    """A notebook code cell's outputs: its printed text, results, tables and images."""
    printed, results, tables, images = "", [], [], []
    for output in cell.outputs:
        data = output.get("data", {})
        if output.output_type == "stream":
            printed += output.text
        elif "image/png" in data:
            images.append(base64.b64decode(data["image/png"]))
        elif "text/markdown" in data:
            tables.append(markdown_table(data["text/markdown"]))
        elif output.output_type in ("execute_result", "display_data"):
            results.append(data["text/plain"])
    return printed, results, tables, images


def page_outputs(cell, folder):
    """A page's cell's outputs as a reader sees them, images read from the files shown."""
    printed = "".join(pre.get_text() for pre in cell.select(".output.stream pre"))
    results = [pre.get_text().rstrip("\n") for pre in cell.select(".output.text_plain pre")]
    tables = [
        [
            ["$" if td.select(".math") else td.get_text(strip=True) for td in tr.select("th, td")]
            for tr in table.select("tr")
        ]
        for table in cell.select(".cell_output table")
    ]
    images = [(folder / img["src"]).read_bytes() for img in cell.select(".cell_output img")]
    return printed, results, tables, images


@pytest.mark.parametrize("name", CHAPTERS)
def test_each_chapter_notebook_holds_the_outputs_the_page_shows(page, built_html, name):
    """Cell by cell: the same printed text, the same results, the same figures."""
    href = download_link(page(name), ".ipynb")
    folder = (built_html / name).parent
    notebook = nbformat.read(folder / href, as_version=4)
    setup, *cells = notebook.cells  # the set-up cell has no counterpart on the page
    code = [cell for cell in cells if cell.cell_type == "code"]
    shown = page(name).select("main div.cell")
    assert len(code) == len(shown), f"{name}: {len(code)} code cells, the page shows {len(shown)}"
    for number, (cell, on_page) in enumerate(zip(code, shown, strict=True)):
        expected = page_outputs(on_page, folder)
        assert notebook_outputs(cell) == expected, f"{name}, code cell {number}: {cell.source}"
    figures = sum(len(page_outputs(cell, folder)[3]) for cell in shown)
    printed = sum(bool(page_outputs(cell, folder)[0]) for cell in shown)
    assert figures and printed, f"{name}: the page shows no figure or no printed output"


@pytest.mark.parametrize("name", CHAPTERS)
def test_each_chapter_downloads_as_its_source(page, built_html, name):
    href = download_link(page(name), ".md")
    assert ((built_html / name).parent / href).read_text() == (ROOT / f"{name}.md").read_text()


def test_the_preface_says_how_to_run_a_chapter(page):
    text = page("book/intro").find("main").get_text()
    assert "pip install -r requirements-reader.txt" in text
    # The Python versions it names are the ones the package accepts (pyproject.toml).
    oldest = re.search(r'requires-python = ">=3\.(\d+)"', (ROOT / "pyproject.toml").read_text())
    assert f"Python 3.{oldest[1]}," in " ".join(text.split())


def test_without_a_repository_the_preface_says_so(page):
    # The tests' build is given no repository (conftest.py), as a local build.
    text = " ".join(page("book/intro").find("main").get_text().split())
    assert "built without the address of its repository" in text


def test_with_a_repository_the_preface_links_it():
    url = "https://github.com/someone/neuron-book"
    config = SimpleNamespace(html_theme_options={"repository_url": url}, myst_substitutions={})
    name_the_repository(None, config)
    assert f"<{url}>" in config.myst_substitutions["book_repository"]


def test_no_launch_buttons_without_a_repository(page):
    # The tests' build is given no repository (conftest.py), as a local build.
    soup = page(CHAPTERS[0])
    assert not soup.select(".dropdown-launch-buttons, [class*='launch']")
    html = str(soup)
    for placeholder in ["executablebooks/jupyter-book", "mybinder.org", "colab.research"]:
        assert placeholder not in html
