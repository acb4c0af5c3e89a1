"""Each chapter's downloaded notebook reads like its page.

No MyST syntax left in its Markdown, every listing the page shows written in,
every glued number written as the page writes it, every solution folded.
"""

import re

import nbformat
import pytest
from test_downloads import download_link
from toc import ROOT, chapter_files

CHAPTERS = chapter_files()
ROLE = re.compile(r"\{[\w:+-]+\}`[^`]*`")
GLUE = re.compile(r"\{glue:text\}`[^`]*`")
# What MyST writes and plain Markdown does not: roles, directive fences, labels.
MYST = re.compile(r"\{[\w:+-]+\}`|^ *(?:`{3,}|:{3,})\{|^\([\w:-]+\)=|^:::", re.MULTILINE)


def downloaded(page, built_html, name):
    href = download_link(page(name), ".ipynb")
    return nbformat.read((built_html / name).parent / href, as_version=4)


def markdown(notebook):
    """The notebook's Markdown, block quotes opened, whitespace made single spaces."""
    text = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    return " ".join(re.sub(r"^(> ?)+", "", text, flags=re.MULTILINE).split())


def myst_left_in(notebook):
    return [
        match[0]
        for cell in notebook.cells
        if cell.cell_type == "markdown"
        for match in MYST.finditer(cell.source)
    ]


@pytest.mark.parametrize("name", CHAPTERS)
def test_no_myst_syntax_in_a_downloaded_notebook(page, built_html, name):
    notebook = downloaded(page, built_html, name)
    assert not myst_left_in(notebook), f"{name}: MyST left in the notebook's Markdown"


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_listing_on_the_page_is_in_the_notebook(page, built_html, name):
    """Code blocks outside the cells (the included listings) are written in, line by line."""
    text = markdown(downloaded(page, built_html, name))
    listings = [
        block.get_text()
        for block in page(name).select("main div.highlight pre")
        if not block.find_parent(class_="cell")
    ]
    for listing in listings:
        assert " ".join(listing.split()) in text, f"{name}: a listing is missing:\n{listing}"


def glued_lines(source, values):
    """Each stretch of a source line around a glued number, with the page's value in it.

    A line is cut at its other roles, whose text the page (not the source) decides.
    """
    values = iter(values)
    stretches = []
    for line in source.splitlines():
        if not GLUE.search(line):
            continue
        marked = GLUE.sub(lambda _: f"\0{next(values)}\0", line)
        parts = ROLE.split(marked)
        stretches += [part.replace("\0", "").strip() for part in parts if "\0" in part]
    return stretches


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_glued_number_reads_as_on_the_page(page, built_html, name):
    source = (ROOT / f"{name}.md").read_text()
    values = [span.get_text() for span in page(name).select("main span.pasted-text")]
    assert len(values) == len(GLUE.findall(source)), f"{name}: the page shows another count"
    text = markdown(downloaded(page, built_html, name))
    for stretch in glued_lines(source, values):
        assert " ".join(stretch.split()) in text, f"{name}: not as on the page: {stretch!r}"


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_solution_is_folded(page, built_html, name):
    notebook = downloaded(page, built_html, name)
    solutions = [cell for cell in notebook.cells if "solution" in cell.metadata.get("book", {})]
    labels = {cell.metadata.book["solution"] for cell in solutions}
    on_page = {box["id"] for box in page(name).select("main .exercise[id]")}
    assert labels == on_page, f"{name}: a solution is missing"
    for cell in solutions:
        heading = cell.source.startswith("**Solution to ")
        folded = cell.metadata.get("jupyter", {}).get("source_hidden", False)
        assert folded != heading, f"{name}: a solution cell is shown:\n{cell.source}"
