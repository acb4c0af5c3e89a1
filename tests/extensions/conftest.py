"""Unit tests of the book's Sphinx extensions (book/_ext), on small hand-made inputs."""

import sys
from pathlib import Path

EXTENSIONS = Path(__file__).resolve().parents[2] / "book" / "_ext"
sys.path.insert(0, str(EXTENSIONS))
