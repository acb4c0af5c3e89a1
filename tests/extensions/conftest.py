"""Unit tests of the book's Sphinx extensions (book/_ext), on small hand-made inputs."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXTENSIONS = ROOT / "book" / "_ext"
sys.path.insert(0, str(EXTENSIONS))
# What a test does when Node.js or MathJax is missing (skip here, fail in CI).
sys.path.insert(0, str(ROOT / "tests" / "book"))
