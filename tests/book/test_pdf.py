"""The PDF (`make pdf`): a book with every chapter, the article's answer, no loose ends.

These tests build the PDF once (`make pdf`, which reuses the executed chapters).
Without TeX they are skipped, with the command that installs it; in CI (the
variable CI set, and not to false) a missing TeX is a failure.
"""

import re
import shutil
import subprocess

import pytest
from missing_tool import missing_tool
from pypdf import PdfReader
from toc import HTML, ROOT, chapter_files, toc_files

LATEX = ROOT / "_build" / "latex"
PDF = LATEX / "book.pdf"
TEX_PACKAGES = (
    "texlive-xetex texlive-latex-extra texlive-fonts-recommended fonts-freefont-otf latexmk"
)
# A line of code or text may stick out into the margin by less than this.
OVERFULL_TOLERANCE_PT = 5.0


def title_of(name):
    """A page's title: its first level-1 heading, without Markdown markup."""
    for line in (ROOT / f"{name}.md").read_text().splitlines():
        if line.startswith("# "):
            return re.sub(r"[`*_]", "", line[2:]).strip()
    raise AssertionError(f"{name}.md has no title")


def normalise(text):
    """Case, quotes, hyphenation and line breaks as they come out of a PDF."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\ufb01", "fi")
    text = text.replace("\ufb02", "fl").replace("-\n", "")
    return re.sub(r"\s+", " ", text).strip().lower()


@pytest.fixture(scope="module")
def pdf():
    if shutil.which("xelatex") is None:
        message = f"make pdf needs TeX: sudo apt-get install {TEX_PACKAGES}"
        missing_tool(message)
    subprocess.run(["make", "--no-print-directory", "pdf"], cwd=ROOT, check=True)
    return PdfReader(PDF)


@pytest.fixture(scope="module")
def text(pdf):
    if shutil.which("pdftotext"):
        run = subprocess.run(["pdftotext", str(PDF), "-"], capture_output=True, check=True)
        return run.stdout.decode()
    return "\n".join(page.extract_text() for page in pdf.pages)


@pytest.fixture(scope="module")
def pages(pdf, text):
    """The text of each page (pdftotext separates pages with form feeds)."""
    pages = text.split("\f")
    assert len(pages) >= len(pdf.pages)
    return pages


@pytest.fixture(scope="module")
def contents(pdf, pages):
    """The table of contents: the pages between the title page and the preface."""
    preface = pdf.get_destination_page_number(pdf.outline[0])
    return normalise(" ".join(pages[1:preface]))


@pytest.fixture(scope="module")
def outline(pdf):
    """The PDF's bookmarks, top level only, as titles."""
    return [entry.title for entry in pdf.outline if not isinstance(entry, list)]


def test_it_opens_with_a_title_page_and_a_table_of_contents(pdf, pages, contents):
    title = title_of(toc_files()[0])
    assert pdf.metadata.title == title
    assert normalise(title) in normalise(pages[0])
    assert contents.startswith("contents")


def test_the_table_of_contents_lists_every_chapter_with_its_page(contents):
    for name in toc_files()[1:]:
        assert re.search(re.escape(normalise(title_of(name))) + r"[ .]*\d+", contents), name


def test_chapters_are_numbered_in_toc_order_and_back_matter_is_not(outline):
    chapters = [title_of(name) for name in chapter_files()]
    numbered = [f"{number} {title}" for number, title in enumerate(chapters, start=1)]
    assert [entry for entry in outline if entry[0].isdigit()] == numbered
    back_matter = [title_of(name) for name in toc_files()[1:] if name not in chapter_files()]
    assert outline[-len(back_matter) :] == back_matter
    assert outline[0] == "Preface"


def test_every_chapter_title_is_in_the_text(text):
    body = normalise(text)
    for name in toc_files()[1:]:
        assert normalise(title_of(name)) in body, name


def test_it_prints_the_articles_prediction(text):
    assert "0.99993704" in text


def test_no_unresolved_reference(text):
    assert "??" not in text
    log = (LATEX / "book.log").read_text(errors="replace")
    assert "There were undefined references" not in log
    assert "Citation" not in re.findall(r"LaTeX Warning: (\w+)", log)


def test_figures_have_numbered_captions(text):
    assert re.search(r"Fig\. \d+\.\d+: \S", text)


def test_every_exercise_has_its_solution(text):
    exercises = re.findall(r"^Exercise (\d+\.\d+)$", text, re.MULTILINE)
    solutions = re.findall(r"^Solution to Exercise (\d+\.\d+)$", text, re.MULTILINE)
    assert exercises
    assert solutions == exercises


def test_it_has_a_bibliography(text):
    references = normalise(text.split(title_of("book/references").upper())[-1])
    assert "spencer-harper" in references
    assert "rosenblatt" in references


def test_every_character_has_a_glyph(pdf):
    log = (LATEX / "book.log").read_text(errors="replace")
    missing = sorted(set(re.findall(r"Missing character: There is no (.+)", log)))
    assert not missing, "\n".join(missing)


def test_nothing_sticks_out_into_the_margin(pdf):
    log = (LATEX / "book.log").read_text(errors="replace")
    overfull = [
        line
        for line in log.splitlines()
        if (found := re.match(r"Overfull \\hbox \(([\d.]+)pt too wide\)", line))
        and float(found[1]) >= OVERFULL_TOLERANCE_PT
    ]
    assert not overfull, "\n".join(overfull)


def test_the_website_offers_the_pdf_after_make_pdf(pdf):
    subprocess.run(["make", "--no-print-directory", "book"], cwd=ROOT, check=True)
    assert (HTML / "book.pdf").read_bytes() == PDF.read_bytes()
    root = toc_files()[0]
    preface = (HTML / f"{root}.html").read_text()
    link = re.search(r'<a class="reference download" href="([^"]+\.pdf)"', preface)
    assert link, "the preface has no link to the PDF"
    assert ((HTML / root).parent / link[1]).resolve() == (HTML / "book.pdf").resolve()


def test_without_tex_make_pdf_says_what_to_install(tmp_path):
    run = subprocess.run(
        [shutil.which("make"), "--no-print-directory", "pdf"],
        cwd=ROOT,
        env={"PATH": str(tmp_path), "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
    )
    assert run.returncode != 0
    assert f"apt-get install {TEX_PACKAGES}" in run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    assert "jupyter-book" not in run.stdout
