"""The `book` marker (pyproject.toml) selects exactly the tests of the built book."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def collected(*options):
    """The test ids pytest collects with `options`, without running anything."""
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"]
        + list(options),
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode in (0, 5), run.stdout + run.stderr  # 5: nothing collected
    return {line for line in run.stdout.splitlines() if "::" in line}


def test_book_selects_the_book_tests_and_not_book_the_package_tests():
    book, package = collected("-m", "book"), collected("-m", "not book")
    assert book and package
    assert all(test.startswith("tests/book/") for test in book)
    assert not any(test.startswith("tests/book/") for test in package)
