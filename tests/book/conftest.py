"""Build the book once per test session, the way a maintainer does (`make book`)."""

import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from toc import HTML, ROOT

# The book's Sphinx extensions (book/_ext), which some tests call directly.
sys.path.insert(0, str(ROOT / "book" / "_ext"))


@pytest.fixture(scope="session")
def built_html():
    """The built site's folder; the build runs once per session (cached chapters are reused)."""
    subprocess.run(["make", "--no-print-directory", "book"], cwd=ROOT, check=True)
    return HTML


@pytest.fixture(scope="session")
def page(built_html):
    """page(name) -> the parsed HTML of one built page, e.g. page("book/03-sigmoid")."""
    cache = {}

    def parse(name):
        if name not in cache:
            cache[name] = BeautifulSoup((built_html / f"{name}.html").read_text(), "html.parser")
        return cache[name]

    return parse
