"""The built site: every page there, every cell ran cleanly, every figure described."""

import re

import pytest
from toc import chapter_files, toc_files

ALL_PAGES = toc_files()
CHAPTERS = chapter_files()


def main_text(soup):
    return soup.find("main").get_text(" ", strip=True)


def test_the_book_has_its_seven_chapters():
    assert len(CHAPTERS) == 7


@pytest.mark.parametrize("name", ALL_PAGES)
def test_every_page_is_built(built_html, name):
    assert (built_html / f"{name}.html").is_file()


@pytest.mark.parametrize("name", ALL_PAGES)
def test_no_cell_output_shows_an_error(page, name):
    soup = page(name)
    bad = soup.select(".cell_output .traceback, .cell_output .stderr, .cell_output .error")
    assert not bad, f"{name}: {bad[0].get_text()[:300]}"
    assert "Traceback (most recent call last)" not in main_text(soup)


@pytest.mark.parametrize("name", ALL_PAGES)
def test_every_image_has_alt_text(page, name):
    for image in page(name).select("main img"):
        assert image.get("alt", "").strip(), f"{name}: {image.get('src')} has no alt text"


@pytest.mark.parametrize("name", ALL_PAGES)
def test_no_unresolved_reference_or_raw_markup(page, name):
    text = main_text(page(name))
    assert "??" not in text
    # A role or glue that MyST did not understand is printed as its source.
    assert not re.search(r"\{(glue|term|ref|numref|eq|cite|doc)(:\w+)?\}`", text)
    for reference in page(name).select("main span.xref, main code.xref"):
        assert reference.find_parent("a"), f"{name}: unresolved {reference.get_text()!r}"


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_chapter_has_exercises_with_solutions(page, name):
    soup = page(name)
    exercises = soup.select("div.exercise")
    solutions = soup.select("div.solution")
    assert len(exercises) >= 2, f"{name} has {len(exercises)} exercises"
    solved = {a["href"].lstrip("#") for s in solutions for a in s.select("a[href^='#']")}
    for exercise in exercises:
        assert exercise["id"] in solved, f"{name}: exercise {exercise['id']} has no solution"


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_chapter_has_a_figure_summary_and_exercises(page, name):
    soup = page(name)
    # Strip the section number ("1.1. Overview") that the numbered toc adds.
    headings = [
        re.sub(r"^[\d.]+\s*", "", h.get_text(" ", strip=True)) for h in soup.select("main h2")
    ]
    assert any(h.startswith("Overview") for h in headings), headings
    assert any(h.startswith("Summary") for h in headings), headings
    assert any(h.startswith("Exercises") for h in headings), headings
    assert soup.select("main figure img"), f"{name} has no numbered figure"


# What TeX looks like: a screen reader should never read this out.
TEX_MARKUP = re.compile(r"[\\{}^_$]|\b(frac|sqrt|mathrm|mathbf)\b")


@pytest.mark.parametrize("name", ALL_PAGES)
def test_every_equation_is_named_in_words_not_tex(page, name):
    """Each equation's SVG is announced by its aria-label: speech, not its TeX source."""
    for svg in page(name).select(".math mjx-container > svg"):
        label = svg.get("aria-label", "")
        assert label.strip(), f"{name}: an equation without a name"
        assert not TEX_MARKUP.search(label), f"{name}: {label!r}"


def test_the_equations_are_named_at_all(page):
    assert (
        sum(len(page(name).select(".math mjx-container > svg[aria-label]")) for name in ALL_PAGES)
        > 50
    )
