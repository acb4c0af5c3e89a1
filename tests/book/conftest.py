"""Build the book once per test run, the way a maintainer does (`make book`).

Every test in this folder is marked `book`: `pytest -m "not book"` tests the
package alone, without building anything.

`make test` runs the tests in parallel (pytest-xdist): the first worker to
need the book builds it, the others wait for it and use it. After that the
project's own `_build` is only read, but for the PDF's tests, which run
`make pdf` there (test_pdf.py checks that it changes nothing the others
read); a test that builds a changed chapter does so in a copy of the
project, `copy_of_project`.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from browser import HOW_TO_INSTALL, launch, serve
from bs4 import BeautifulSoup
from filelock import FileLock
from missing_tool import missing_tool, require_module
from toc import HTML, ROOT

REPOSITORY_SETTINGS = ("BOOK_REPOSITORY", "BOOK_BRANCH", "BOOK_COMMIT")  # launch.py
# The book's Sphinx extensions (book/_ext), which some tests call directly.
sys.path.insert(0, str(ROOT / "book" / "_ext"))
HERE = Path(__file__).parent
# What a copy of the project needs: the sources (the build's inputs) and the build.
SOURCES = ["book", "neuron", "_config.yml", "_toc.yml", "Makefile", "requirements.txt"]
SOURCES += ["pyproject.toml"]


def pytest_collection_modifyitems(items):
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.book)


def make_book():
    # As a local build: not told the repository (launch.py), so no launch buttons.
    local = {key: value for key, value in os.environ.items() if key not in REPOSITORY_SETTINGS}
    subprocess.run(["make", "--no-print-directory", "book"], cwd=ROOT, check=True, env=local)


@pytest.fixture(scope="session")
def built_html(tmp_path_factory, worker_id):
    """The built site's folder; built once per run (cached chapters are reused)."""
    if worker_id == "master":  # not run by pytest-xdist
        make_book()
        return HTML
    # The folder all workers of this run share (pytest-xdist's recipe).
    shared = tmp_path_factory.getbasetemp().parent
    built = shared / "book-built"
    with FileLock(shared / "book-built.lock"):
        if not built.exists():
            make_book()
            built.touch()
    return HTML


@pytest.fixture(scope="session")
def project_copy(built_html, tmp_path_factory):
    """project_copy(name) -> a new copy of the sources and the finished build, in a
    folder of its own, for a build of its own (the PDF's part of `_build` left out).
    The copy shares the virtual environment and MathJax.
    """

    def copy(name):
        return copy_of_project(tmp_path_factory.mktemp(name))

    return copy


def copy_of_project(destination):
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "node_modules")
            shutil.copytree(source, destination / name, ignore=ignore)
        else:
            shutil.copy2(source, destination / name)
    ignore = shutil.ignore_patterns("latex")
    shutil.copytree(ROOT / "_build", destination / "_build", ignore=ignore)
    (destination / ".venv").symlink_to(ROOT / ".venv")
    # MathJax, installed by npm: shared as well, not copied (tens of megabytes).
    modules = Path("book", "_ext", "node_modules")
    (destination / modules).symlink_to(ROOT / modules)
    # The copy's requirements are the ones installed: never reinstall from here.
    for name in ["requirements.txt", "pyproject.toml"]:
        os.utime(destination / name, (0, 0))
    return destination


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
