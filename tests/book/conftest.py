"""Build the book once per test session, the way a maintainer does (`make book`).

Every test in this folder is marked `book`: `pytest -m "not book"` tests the
package alone, without building anything.
"""

import os
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from toc import HTML, ROOT

REPOSITORY_SETTINGS = ("BOOK_REPOSITORY", "BOOK_BRANCH", "BOOK_COMMIT")  # launch.py
HERE = Path(__file__).parent


def pytest_collection_modifyitems(items):
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.book)


@pytest.fixture(scope="session")
def built_html():
    """The built site's folder; the build runs once per session (cached chapters are reused)."""
    # As a local build: not told the repository (launch.py), so no launch buttons.
    local = {key: value for key, value in os.environ.items() if key not in REPOSITORY_SETTINGS}
    subprocess.run(["make", "--no-print-directory", "book"], cwd=ROOT, check=True, env=local)
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
