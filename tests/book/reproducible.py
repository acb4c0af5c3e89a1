"""Two cold builds of one commit, compared file by file (`make reproducible`).

The last commit is cloned into _build/reproducible/tree (the clone shares
this project's virtual environment and MathJax, and imports its own
`neuron`), which builds the PDF, when TeX is installed, and then the site,
which carries the PDF: from an empty _build, so every chapter executes. The
site is kept as _build/reproducible/first, and the same is done again, in the
same folder, for _build/reproducible/second. Then every file of the two sites
is compared, byte for byte.

Only what the book measures on purpose may differ: the outputs of the cells
tagged `measured` (chapter 5's timings and their figure, chapter 3's
sigmoid timings). A page holding such cells may differ in those outputs and
in the values glued into the text of the sections that hold them; its
notebook download in the same outputs and values (written into its text); the
search index in the words it records for that page; the PDF in that chapter's
pages. Any other difference is
unexpected: it is listed, and the exit status is 1.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from bs4 import BeautifulSoup
from pypdf import PdfReader
from toc import ROOT

sys.path.insert(0, str(ROOT / "book" / "_ext"))
# The site's folder of notebooks to run (chapters' and workbooks), and the workbooks' names.
from workbook import WORKBOOK_SUFFIX, WORKBOOKS  # noqa: E402

SCRATCH = ROOT / "_build" / "reproducible"
TREE = SCRATCH / "tree"  # where each build is made, one after the other
BUILDS = ("first", "second")
CHAPTERS = "book"  # the chapters' folder
MEASURED = "measured"  # the tag of the cells whose outputs are measured times
SHARED = [".venv", "book/_ext/node_modules"]  # installed once, used by both clones
# The files make would reinstall from when they look newer than the install.
INSTALL_INPUTS = ["requirements.txt", "pyproject.toml"]
INSTALL_INPUTS += ["book/_ext/package.json", "book/_ext/package-lock.json"]
# A chapter executed: by jupyter-cache's parallel executor, or by myst-nb itself.
EXECUTING = re.compile(r"\] Executing: (\S+)\.md|(\S+)\.md: Executing notebook")
# A notebook's Markdown: a heading starts a section, except inside a code fence.
HEADING = re.compile(r"#{1,6} ")
FENCE = re.compile(r" *(`{3,}|~{3,})")


def git(*args, cwd=ROOT):
    run = subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True)
    return run.stdout.strip()


def clone(commit, folder):
    """A fresh clone of `commit` in `folder`, using this project's installs."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.parent.mkdir(parents=True, exist_ok=True)
    git("clone", "--quiet", "--shared", "--no-checkout", str(ROOT), str(folder))
    git("checkout", "--quiet", "--detach", commit, cwd=folder)
    for name in SHARED:
        (folder / name).symlink_to(ROOT / name)
    for name in INSTALL_INPUTS:
        os.utime(folder / name, (0, 0))  # older than the install: nothing to reinstall


def build(folder):
    """`make pdf` (with TeX) then `make book` in `folder`; the chapters it executed."""
    targets = ["pdf", "book"] if shutil.which("xelatex") else ["book"]
    log = folder.with_suffix(".log")
    environment = {**subprocess_environment(), "PYTHONPATH": str(folder)}
    with log.open("w") as out:
        for target in targets:
            print(f"  make {target} in {folder.relative_to(ROOT)}", flush=True)
            run = subprocess.run(
                ["make", "--no-print-directory", target],
                cwd=folder,
                env=environment,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
            if run.returncode != 0:
                sys.exit(f"make {target} failed in {folder}: see {log}")
    executed = {
        Path(parallel or alone).relative_to(folder)
        for parallel, alone in EXECUTING.findall(log.read_text())
    }
    notebooks = folder / "_build" / "jupyter_execute"
    pages = {path.relative_to(notebooks).with_suffix("") for path in notebooks.rglob("*.ipynb")}
    if executed != pages:
        sys.exit(f"{folder}: not every chapter was executed ({sorted(pages - executed)})")
    return sorted(str(page) for page in executed)


def subprocess_environment():
    """This environment, without what would make a clone build differently."""
    skip = {"SOURCE_DATE_EPOCH", "FORCE_SOURCE_DATE", "PYTHONPATH", "VIRTUAL_ENV"}
    return {key: value for key, value in os.environ.items() if key not in skip}


# What may differ: the measured outputs, found in each build's own pages.


def measured_pages(html):
    """The pages (names without .html) that show a cell tagged `measured`."""
    return {
        str(path.relative_to(html).with_suffix(""))
        for path in html.rglob("*.html")
        if f"tag_{MEASURED}" in path.read_text(encoding="utf-8")
    }


def soup_of(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def measured_outputs(soup):
    return soup.select(f".cell.tag_{MEASURED} .cell_output")


def measured_images(html, pages):
    """The image files the measured outputs of `pages` show."""
    images = set()
    for page in pages:
        path = html / f"{page}.html"
        for output in measured_outputs(soup_of(path)):
            for img in output.find_all("img"):
                images.add((path.parent / img["src"]).resolve().relative_to(html.resolve()))
    return images


def glued_beside_measurements(soup):
    """The values glued into the text of the sections that hold measured cells:
    the measured times the text quotes."""
    sections = [cell.find_parent("section") for cell in soup.select(f".cell.tag_{MEASURED}")]
    return [span for section in sections for span in section.select(".pasted-text")]


def page_without_measurements(path):
    """A page with its measured outputs, and the values glued beside them, emptied."""
    soup = soup_of(path)
    for element in measured_outputs(soup) + glued_beside_measurements(soup):
        element.clear()
    return str(soup)


def notebook_without_measurements(text, page):
    """A notebook download (its JSON `text`) with its measured cells' outputs
    emptied, and the values glued beside them on `page` taken out of its text
    (and the ids of the cells that quote them, which are derived from their
    text)."""
    glued = {span.get_text() for span in glued_beside_measurements(soup_of(page))}
    notebook = json.loads(text)
    section, fenced, measured, lines = 0, False, set(), []
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            if MEASURED in cell["metadata"].get("tags", []):
                cell["outputs"] = []
                measured.add(section)
            continue
        for line in "".join(cell["source"]).splitlines():
            fenced = fenced != bool(FENCE.match(line))
            section += bool(not fenced and HEADING.match(line))
            lines.append((cell, section, line))
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            cell["source"] = []
    for cell, section, line in lines:
        if section in measured:
            for value in sorted(glued, key=len, reverse=True):
                if value in line:
                    line = line.replace(value, "")
                    cell["id"] = None  # derived from the text, times and all
        cell["source"].append(line)
    return notebook


def search_index_without(path, pages):
    """Sphinx's search index, without the words it records for `pages`."""
    text = path.read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    skip = {index["docnames"].index(page) for page in pages if page in index["docnames"]}
    for table in ("terms", "titleterms"):
        kept = {}
        for word, docs in index[table].items():
            docs = [doc for doc in (docs if isinstance(docs, list) else [docs]) if doc not in skip]
            if docs:
                kept[word] = docs
        index[table] = kept
    return index


def pdf_pages_outside(path, titles):
    """The PDF's document-wide parts, and its pages outside the chapters titled `titles`."""
    reader = PdfReader(path)
    starts = sorted(
        (reader.get_destination_page_number(entry), entry.title)
        for entry in reader.outline
        if not isinstance(entry, list)
    )
    ends = [start for start, _ in starts[1:]] + [len(reader.pages)]
    measured = set()
    for (start, title), end in zip(starts, ends, strict=True):
        if any(name in title for name in titles):
            measured.update(range(start, end))
    pages = [
        page.get_contents().get_data() if page.get_contents() else b""
        for number, page in enumerate(reader.pages)
        if number not in measured
    ]
    return {
        "pages": len(reader.pages),
        "info": dict(reader.metadata or {}),
        "id": reader.trailer.get("/ID"),
        "other pages": pages,
    }


def page_titles(html, pages):
    return {soup_of(html / f"{page}.html").h1.get_text(strip=True).rstrip("#") for page in pages}


def page_of_notebook(relative):
    """The page a notebook download was made from: book/03-sigmoid for
    _sources/book/03-sigmoid.ipynb, notebooks/03-sigmoid.ipynb (the reader's
    notebook) and notebooks/03-sigmoid-workbook.ipynb."""
    if relative.parts[0] == WORKBOOKS:
        return f"{CHAPTERS}/{relative.stem.removesuffix(WORKBOOK_SUFFIX)}"
    return str(relative.with_suffix("")).removeprefix("_sources/")


def same_notebooks(a, b, page, first, second):
    """Whether two notebooks' JSON texts differ at most in `page`'s measurements."""
    html = Path(f"{page}.html")
    return notebook_without_measurements(a, first / html) == notebook_without_measurements(
        b, second / html
    )


def same_archives(a, b, pages, first, second):
    """Whether two zip archives of notebooks hold the same entries, alike but
    for the measurements of `pages`."""
    with zipfile.ZipFile(a) as one, zipfile.ZipFile(b) as other:
        entries = [(entry.filename, entry.date_time) for entry in one.infolist()]
        if entries != [(entry.filename, entry.date_time) for entry in other.infolist()]:
            return False
        for name, _ in entries:
            texts = one.read(name), other.read(name)
            page = page_of_notebook(Path(WORKBOOKS, Path(name).name))
            if texts[0] != texts[1] and not (
                page in pages and same_notebooks(*texts, page, first, second)
            ):
                return False
    return True


def explain(relative, first, second, pages):
    """Why the file `relative` differs: (True, what) when only in measurements."""
    a, b = first / relative, second / relative
    page = str(relative.with_suffix(""))
    if relative.suffix == ".html" and page in pages:
        same = page_without_measurements(a) == page_without_measurements(b)
        return same, "its measured outputs and the values glued beside them"
    if relative.suffix == ".ipynb" and page_of_notebook(relative) in pages:
        page = page_of_notebook(relative)
        texts = a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8")
        same = same_notebooks(*texts, page, first, second)
        return same, "its measured cells' outputs and the values glued beside them"
    if relative.suffix == ".zip":
        same = same_archives(a, b, pages, first, second)
        return same, "the measured outputs of its notebooks"
    if relative == Path("searchindex.js"):
        same = search_index_without(a, pages) == search_index_without(b, pages)
        return same, "the words it records for " + ", ".join(sorted(pages))
    if relative.suffix == ".pdf":
        titles = page_titles(first, pages)
        same = pdf_pages_outside(a, titles) == pdf_pages_outside(b, titles)
        return same, "the pages of " + ", ".join(sorted(titles))
    return False, None


def compare(first, second):
    """(measured, unexpected): the differing files, each with what differs."""
    files = {
        path.relative_to(root)
        for root in (first, second)
        for path in root.rglob("*")
        if path.is_file()
    }
    pages = measured_pages(first) | measured_pages(second)
    images = {
        first: measured_images(first, pages),
        second: measured_images(second, pages),
    }
    measured, unexpected = [], []
    for relative in sorted(files):
        a, b = first / relative, second / relative
        if a.is_file() and b.is_file():
            if a.read_bytes() == b.read_bytes():
                continue
            same, what = explain(relative, first, second, pages)
            if same:
                measured.append((relative, f"differs only in {what}"))
            else:
                unexpected.append((relative, f"differs beyond {what}" if what else "differs"))
            continue
        only = first if a.is_file() else second
        label = f"only in the {'first' if only is first else 'second'} build"
        if relative in images[only]:
            measured.append((relative, f"{label}: a measured figure"))
        else:
            unexpected.append((relative, label))
    return measured, unexpected


def main():
    commit = git("rev-parse", "HEAD")
    if git("status", "--porcelain", "--untracked-files=no"):
        print("Uncommitted changes are not part of this check: it builds the last commit.")
    print(f"Building {commit[:12]} twice, from scratch, in {SCRATCH.relative_to(ROOT)}/")
    for name in BUILDS:
        # Both builds in one folder: a locally built notebook's set-up cell names
        # the folder the book was built in (it installs `neuron` from there).
        clone(commit, TREE)
        executed = build(TREE)
        print(f"  executed {len(executed)} chapters: {', '.join(executed)}")
        shutil.rmtree(SCRATCH / name, ignore_errors=True)
        (TREE / "_build" / "html").rename(SCRATCH / name)
    first, second = (SCRATCH / name for name in BUILDS)
    measured, unexpected = compare(first, second)
    for title, found in (("Measured on purpose", measured), ("UNEXPECTED", unexpected)):
        print(f"{title}: {len(found)} differing file(s)")
        for relative, why in found:
            print(f"  {relative}: {why}")
    if unexpected:
        sys.exit(f"The two builds differ beyond the measured outputs: {len(unexpected)} file(s)")
    print("The two builds are the same, apart from the measured outputs.")


if __name__ == "__main__":
    main()
