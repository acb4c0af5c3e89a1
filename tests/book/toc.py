"""The book's pages, read from _toc.yml: what the book tests check."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
HTML = ROOT / "_build" / "html"


def toc_files(project=ROOT):
    """A Jupyter Book's source files (without suffix) in reading order, from its _toc.yml."""
    toc = yaml.safe_load((project / "_toc.yml").read_text())
    files = [toc["root"]]
    for part in toc.get("parts", [toc]):
        for chapter in part.get("chapters", []):
            files.append(chapter["file"])
            files += [section["file"] for section in chapter.get("sections", [])]
    return [str(Path(name).with_suffix("")) for name in files]


def chapter_files():
    """The numbered chapters: every toc file whose name starts with two digits."""
    return [name for name in toc_files() if Path(name).name[:2].isdigit()]
