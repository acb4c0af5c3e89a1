"""The article's published numbers, as the book's own cells computed them."""

import pytest

# Published in the article (an independent oracle, not this book's output).
ARTICLE_NUMBERS = ["0.99993704", "9.67299303", "-0.2078435", "-4.62963669"]
ARTICLE_START = ["-0.16595599", "0.44064899", "-0.99977125"]


@pytest.mark.parametrize("number", ARTICLE_NUMBERS + ARTICLE_START)
def test_chapter_5_shows_the_articles_numbers_in_its_prose(page, number):
    soup = page("book/05-full-implementation")
    prose = " ".join(p.get_text(" ", strip=True) for p in soup.select("main p"))
    assert number in prose


@pytest.mark.parametrize("number", ARTICLE_NUMBERS)
def test_chapter_5_shows_the_articles_numbers_in_its_outputs(page, number):
    soup = page("book/05-full-implementation")
    outputs = " ".join(o.get_text(" ", strip=True) for o in soup.select(".cell_output"))
    assert number in outputs
