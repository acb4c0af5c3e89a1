"""Build the book once per test session, the way a maintainer does (`make book`).

Every test in this folder is marked `book`: `pytest -m "not book"` tests the
package alone, without building anything.
"""

import subprocess
from pathlib import Path

import pytest
from browser import HOW_TO_INSTALL, launch, serve
from bs4 import BeautifulSoup
from missing_tool import missing_tool, require_module
from toc import HTML, ROOT

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items):
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.book)


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


@pytest.fixture(scope="session")
def browser():
    """Chromium through Playwright; skipped (failed in CI) when there is none."""
    playwright_api = require_module(
        "playwright.sync_api", "Playwright is not installed: pip install -r requirements.txt"
    )
    with playwright_api.sync_playwright() as playwright:
        chromium = launch(playwright)
        if chromium is None:
            missing_tool(HOW_TO_INSTALL)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def site(built_html):
    """The built site's URL on a local server."""
    with serve(built_html) as base:
        yield base
