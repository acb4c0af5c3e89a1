"""The PDF (`make pdf`): a book with every chapter, the article's answer, no loose ends.

These tests build the PDF once (`make pdf`, which reuses the executed chapters),
in the project's own `_build/latex`, the PDF .ci/run then finds: after `make book`
the LaTeX build only reads what the other tests read (the site, Sphinx's saved
doctrees, the executed chapters) and writes `_build/latex` and `_build/book.log`,
which no other test reads; the fixture checks that it changed nothing else. The
one test that builds the site again does so in a copy of the project. Without TeX
they are skipped, with the command that installs it; in CI (the variable CI set,
and not to false) a missing TeX is a failure.
"""

import re
import shutil
import subprocess

import pytest
from cells import shown_notebook
from missing_tool import missing_tool
from pybtex.database import parse_file
from pypdf import PdfReader
from toc import ROOT, chapter_files, toc_files

# The tests share one build of the PDF: one xdist worker runs them all.
pytestmark = pytest.mark.xdist_group("pdf")
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


# What the HTML build leaves in the project's _build, which other tests read while
# `make pdf` runs: the site, Sphinx's saved doctrees, the executed chapters.
SHARED = ["html", ".doctrees", "jupyter_execute", ".jupyter_cache", ".cache-key"]


def shared_files():
    """{path: modification time} of the files other tests read in the project's _build."""
    build = ROOT / "_build"
    paths = [build / name for name in SHARED]
    paths += [path for name in SHARED for path in (build / name).rglob("*")]
    return {path: path.stat().st_mtime_ns for path in paths if path.is_file()}


@pytest.fixture(scope="module")
def latex(built_html):
    """The LaTeX build's folder, where `make pdf` has built the PDF: the PDF and TeX's log."""
    if shutil.which("xelatex") is None:
        message = f"make pdf needs TeX: sudo apt-get install {TEX_PACKAGES}"
        missing_tool(message)
    before = shared_files()
    subprocess.run(["make", "--no-print-directory", "pdf"], cwd=ROOT, check=True)
    changed = {path for path, time in shared_files().items() if before.get(path) != time}
    changed |= before.keys() - shared_files().keys()
    assert not changed, f"make pdf changed what other tests read: {sorted(changed)[:5]}"
    return ROOT / "_build" / "latex"


@pytest.fixture(scope="module")
def pdf(latex):
    return PdfReader(latex / "book.pdf")


@pytest.fixture(scope="module")
def text(pdf, latex):
    if shutil.which("pdftotext"):
        command = ["pdftotext", str(latex / "book.pdf"), "-"]
        run = subprocess.run(command, capture_output=True, check=True)
        return run.stdout.decode()
    return "\n".join(page.extract_text() for page in pdf.pages)


@pytest.fixture(scope="module")
def pages(pdf, text):
    """The text of each page (pdftotext separates pages with form feeds)."""
    pages = text.split("\f")
    assert len(pages) >= len(pdf.pages)
    return pages


@pytest.fixture(scope="module")
def contents(pdf, pages, latex):
    """The table of contents: the pages between the title page and the preface.

    Laid out as printed, so that a title and its page number stay on one line
    even when sections follow (pdftotext's reading order would put the
    numbers of a block of entries after all of their titles).
    """
    preface = pdf.get_destination_page_number(pdf.outline[0])
    if shutil.which("pdftotext"):
        command = [
            "pdftotext",
            "-layout",
            "-f",
            "2",
            "-l",
            str(preface),
            str(latex / "book.pdf"),
            "-",
        ]
        return normalise(subprocess.run(command, capture_output=True, check=True).stdout.decode())
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


def test_every_chapter_opens_on_its_own_page_with_its_title(pdf, pages):
    """The bookmark of each page of the book leads to a page that opens with its title.

    (The root page is the preface.)
    """
    bookmarks = [entry for entry in pdf.outline if not isinstance(entry, list)]
    titles = ["Preface"] + [title_of(name) for name in toc_files()[1:]]
    assert len(bookmarks) == len(titles)
    for bookmark, title in zip(bookmarks, titles, strict=True):
        opening = normalise(pages[pdf.get_destination_page_number(bookmark)])
        assert normalise(title) in opening[:300], f"{title}: its page opens with {opening[:300]}"


def test_it_prints_the_articles_prediction(text):
    assert "0.99993704" in text


def test_no_unresolved_reference(text, latex):
    assert "??" not in text
    log = (latex / "book.log").read_text(errors="replace")
    assert "There were undefined references" not in log
    assert "Citation" not in re.findall(r"LaTeX Warning: (\w+)", log)


def caption_openings(name, words=6):
    """The first plain words of each figure caption in a chapter's source, in order.

    Up to the first math, role or code, which the PDF sets as symbols.
    """
    openings = []
    for cell in shown_notebook((ROOT / f"{name}.md").read_text()).cells:
        caption = cell.metadata.get("mystnb", {}).get("figure", {}).get("caption")
        if caption:
            plain = re.split(r"[$`{]", caption)[0]
            openings.append(" ".join(normalise(plain).split()[:words]))
    return openings


def test_every_figure_has_its_numbered_caption(text):
    body = normalise(text)
    figures = 0
    for chapter, name in enumerate(chapter_files(), start=1):
        for number, opening in enumerate(caption_openings(name), start=1):
            assert len(opening.split()) >= 3, f"{name}: caption {number} opens with math"
            assert f"fig. {chapter}.{number}: {opening}" in body, (name, number, opening)
            figures += 1
    assert figures >= len(chapter_files())


def test_back_matter_figures_are_numbered_on_their_own(text):
    """The primer's figure is Fig. 1, as on the website, not the last chapter's next."""
    body = normalise(text)
    back_matter = [name for name in toc_files()[1:] if name not in chapter_files()]
    openings = [opening for name in back_matter for opening in caption_openings(name)]
    assert openings
    for number, opening in enumerate(openings, start=1):
        assert f"fig. {number}: {opening}" in body, (number, opening)


def code_lines(tag):
    """Each chapter's lines of code in cells with (True) or without (False) the hide-input tag.

    Only lines long enough to be told apart from the prose, stripped of indentation.
    """
    lines = set()
    for name in chapter_files():
        for cell in shown_notebook((ROOT / f"{name}.md").read_text()).cells:
            hidden = "hide-input" in cell.metadata.get("tags", [])
            if cell.cell_type == "code" and hidden == tag:
                lines |= {line.strip() for line in cell.source.splitlines()}
    return {line for line in lines if len(line) > 24 and not line.startswith("#")}


def test_plotting_code_the_website_folds_away_is_left_out(text):
    """The PDF shows a hidden cell's figure, not its code; other cells' code stays."""
    body = re.sub(r"\s+", " ", text)
    hidden, shown = code_lines(True), code_lines(False)
    assert hidden and shown
    for line in hidden - shown:
        if any(line in other for other in shown):
            continue  # a shown cell prints it, within a longer line
        assert re.sub(r"\s+", " ", line) not in body, line
    printed = [line for line in shown if re.sub(r"\s+", " ", line) in body]
    assert len(printed) > len(shown) / 2, "the PDF lost the code of the cells the page shows"


def test_every_exercise_has_its_solution(text):
    # An exercise's title, "(★★ Code: ...)", may follow its number.
    exercises = re.findall(r"^Exercise (\d+\.\d+)(?: \(.*\))?$", text, re.MULTILINE)
    solutions = re.findall(r"^Solution to Exercise (\d+\.\d+)(?: \(.*\))?$", text, re.MULTILINE)
    assert exercises
    assert solutions == exercises


def test_the_references_chapter_holds_the_bibliography(pdf, pages):
    """Every work in references.bib is listed in the References chapter itself.

    (Its authors' names also appear where the prose cites them: only the
    chapter's own pages count here.)
    """
    title = title_of("book/references")
    (bookmark,) = [entry for entry in pdf.outline if getattr(entry, "title", None) == title]
    chapter = normalise(" ".join(pages[pdf.get_destination_page_number(bookmark) :]))
    assert normalise(title) in chapter[:300]
    works = parse_file(ROOT / "book" / "references.bib").entries.values()
    authors = [" ".join(work.persons["author"][0].last_names) for work in works]
    assert len(authors) >= 2
    for author in authors:
        assert normalise(author) in chapter, f"{author} is not in the References chapter"


def test_every_character_has_a_glyph(latex):
    log = (latex / "book.log").read_text(errors="replace")
    missing = sorted(set(re.findall(r"Missing character: There is no (.+)", log)))
    assert not missing, "\n".join(missing)


def test_nothing_sticks_out_into_the_margin(latex):
    log = (latex / "book.log").read_text(errors="replace")
    overfull = [
        line
        for line in log.splitlines()
        if (found := re.match(r"Overfull \\hbox \(([\d.]+)pt too wide\)", line))
        and float(found[1]) >= OVERFULL_TOLERANCE_PT
    ]
    assert not overfull, "\n".join(overfull)


def test_the_website_offers_the_pdf_after_make_pdf(project_copy, latex):
    # The site built again in a copy of the project (others read this one's site), with
    # the PDF where `make pdf` leaves it.
    project = project_copy("pdf-site")
    (project / "_build" / "latex").mkdir()
    shutil.copy2(latex / "book.pdf", project / "_build" / "latex" / "book.pdf")
    subprocess.run(["make", "--no-print-directory", "book"], cwd=project, check=True)
    site = project / "_build" / "html"
    assert (site / "book.pdf").read_bytes() == (latex / "book.pdf").read_bytes()
    root = toc_files()[0]
    preface = (site / f"{root}.html").read_text()
    link = re.search(r'<a class="reference download" href="([^"]+\.pdf)"', preface)
    assert link, "the preface has no link to the PDF"
    assert ((site / root).parent / link[1]).resolve() == (site / "book.pdf").resolve()


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


def test_each_explorable_figure_is_printed_at_its_starting_setting(pdf, pages):
    """On the website a slider moves through an explorable's frames; the PDF prints the
    frame it starts at, as a numbered figure with its caption."""
    printed = [
        number for number, text in enumerate(pages) if "on the website a slider" in normalise(text)
    ]
    assert len(printed) == 4, printed
    for number in printed:
        assert pdf.pages[number].images, f"page {number + 1}: a caption without its figure"
