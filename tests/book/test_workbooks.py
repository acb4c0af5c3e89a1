"""The chapters' workbooks, as a reader downloads them from the built site.

Each workbook runs top to bottom as downloaded (every starter left empty) in
a folder outside the repository; a last cell added here then puts every
check to the test: the book's own solution must be right, and each wrong
answer in wrong_answers.py must get the message meant for its mistake.
"""

import json
import re
import time
import zipfile

import nbformat
import pytest
from nbclient import NotebookClient
from reproducible import git
from toc import ROOT, chapter_files
from wrong_answers import WRONG_ANSWERS

# One worker runs them all: the fixtures run every notebook (or build the book) once.
pytestmark = pytest.mark.xdist_group("workbooks")
CHAPTERS = [name.rpartition("/")[2] for name in chapter_files()]
CHECK_CELL = re.compile(r"^(check_\w+)\.check\(")

# Run in the workbook's kernel after its own cells: every check, on the book's
# solution and on the wrong answers given for it, as JSON.
TRIAL = """
import json as _json

def _trial(_wrong):
    _results = {}
    for _name, _check in list(globals().items()):
        if not _name.startswith("check_") or not hasattr(_check, "_solution"):
            continue
        _answers = []
        for _source in _wrong.get(_name, []):
            _scope = dict(globals())
            exec(_source, _scope)
            _feedback = _check.feedback(_scope[_check.name])
            _answers.append([_feedback.status, _feedback.text])
        _right = _check.feedback(_check._solution)
        _results[_name] = {"solution": [_right.status, _right.text], "wrong": _answers}
    return _results

print(_json.dumps(_trial(_json.loads(%r))))
"""


def run(notebook, folder):
    NotebookClient(notebook, timeout=600, resources={"metadata": {"path": str(folder)}}).execute()
    return notebook


def printed(cell):
    return "".join(output.get("text", "") for output in cell.get("outputs", []))


def tagged(notebook, tag):
    return [cell for cell in notebook.cells if tag in cell.metadata.get("tags", [])]


@pytest.fixture(scope="module")
def workbooks(built_html, tmp_path_factory):
    """chapter -> (the workbook as run unchanged, the checks' trial results)."""
    ran = {}
    for chapter in CHAPTERS:
        folder = tmp_path_factory.mktemp(chapter)  # outside the repository
        path = built_html / "notebooks" / f"{chapter}-workbook.ipynb"
        notebook = nbformat.read(path, as_version=4)
        sources = {name: [source for source, _ in wrong] for name, wrong in WRONG_ANSWERS.items()}
        notebook.cells.append(nbformat.v4.new_code_cell(TRIAL % json.dumps(sources)))
        run(notebook, folder)
        trial = json.loads(printed(notebook.cells.pop()))
        ran[chapter] = notebook, trial
    return ran


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_chapter_page_offers_its_workbook(page, built_html, chapter):
    link = page(f"book/{chapter}").select_one(".btn-download-workbook-button")
    assert link is not None
    assert link["href"] == f"../notebooks/{chapter}-workbook.ipynb"
    assert (built_html / "notebooks" / f"{chapter}-workbook.ipynb").is_file()


def test_the_preface_links_the_archive_of_every_workbook(page, built_html):
    link = page("book/intro").select_one('a[href="../workbooks.zip"]')
    assert link is not None
    with zipfile.ZipFile(built_html / "workbooks.zip") as archive:
        entries = archive.infolist()
    names = sorted(entry.filename for entry in entries)
    assert names == sorted(f"workbooks/{chapter}-workbook.ipynb" for chapter in CHAPTERS)
    # Dated by the last commit, as the build is (SOURCE_DATE_EPOCH), so that
    # the same workbooks make the same archive.
    *minute, second = time.gmtime(int(git("log", "-1", "--format=%ct")))[:6]
    in_zip = (*minute, second - second % 2)  # a zip keeps time to even seconds
    assert {entry.date_time for entry in entries} == {in_zip}


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_a_starter_workbook_runs_and_says_what_is_still_to_do(workbooks, chapter):
    notebook, _ = workbooks[chapter]
    for cell in tagged(notebook, "check"):
        if CHECK_CELL.match(cell.source):
            assert re.search(r"not attempted yet|Not predicted yet", printed(cell)), cell.source
    checks = sum(bool(CHECK_CELL.match(cell.source)) for cell in tagged(notebook, "check"))
    progress = tagged(notebook, "progress")
    assert len(progress) == (1 if checks else 0)
    if checks:
        assert progress[0] is notebook.cells[-1]
        assert printed(progress[0]).startswith(f"0 of {checks} checks right. Still to do:")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_starter_keeps_the_signature_and_leaves_the_body_to_the_reader(workbooks, chapter):
    notebook, _ = workbooks[chapter]
    for cell in tagged(notebook, "starter"):
        assert "...  # your code here" in cell.source
        assert "return" not in cell.source


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_no_workbook_shows_a_checked_solution_outside_its_folded_check(workbooks, chapter):
    notebook, trial = workbooks[chapter]
    for name in trial:
        declaring = [
            cell for cell in tagged(notebook, "check") if cell.source.count(f"{name} = ") == 1
        ]
        assert len(declaring) == 1
        assert declaring[0].metadata["jupyter"]["source_hidden"] is True


def test_every_check_passes_on_the_books_solution_and_catches_each_wrong_answer(workbooks):
    trials = {name: result for _, trial in workbooks.values() for name, result in trial.items()}
    assert trials, "no workbook holds a check"
    assert set(trials) == set(WRONG_ANSWERS), "each check needs its wrong answers here"
    for name, result in trials.items():
        assert result["solution"][0] == "right", (name, result["solution"][1])
        wrong = WRONG_ANSWERS[name]
        assert len(wrong) >= 2, name
        for (status, text), (source, words) in zip(result["wrong"], wrong, strict=True):
            assert status == "wrong", (name, source, text)
            for word in words:
                assert word(text) if callable(word) else word in text, (name, source, text)


def test_every_coding_exercise_has_a_check(page):
    for chapter in CHAPTERS:
        for exercise in page(f"book/{chapter}").select(".exercise"):
            title = exercise.select_one(".admonition-title").get_text(" ", strip=True)
            if "Code:" in title:
                label = exercise["id"]
                source = (ROOT / "book" / f"{chapter}.md").read_text()
                solution = source.split(f"{{solution-start}} {label}")[1].split("{solution-end}")[
                    0
                ]
                assert "= Exercise(" in solution, f"{chapter}: {label} has no check"
