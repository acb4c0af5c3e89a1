"""Rebuilds are fast and never stale, checked on a copy of the project and its build."""

import json
import os
import re
import subprocess

import pytest
from toc import ROOT, toc_files

# The tests change the copy one after the other: one xdist worker runs them all, in order.
pytestmark = pytest.mark.xdist_group("rebuild")


def make(project, target, check=False):
    """Run `make target` in `project`; return the finished process, output captured."""
    return subprocess.run(
        ["make", "--no-print-directory", target],
        cwd=project,
        capture_output=True,
        text=True,
        check=check,
    )


def build_log(project):
    """Run `make book` in `project`; return (succeeded, its output)."""
    run = make(project, "book")
    return run.returncode == 0, run.stdout + run.stderr


def executed_chapters(log):
    """The chapters a build executed, in parallel or, as myst-nb does, one by one."""
    in_parallel = re.findall(r"\] Executing: \S*book/([\w-]+)\.md", log)
    one_by_one = re.findall(r"book/([\w-]+)\.md: Executing notebook", log)
    return sorted(in_parallel + one_by_one)


def make_book(project):
    """Run `make book` in `project`; return (succeeded, chapters it executed)."""
    succeeded, log = build_log(project)
    return succeeded, executed_chapters(log)


def append_cell(path, source):
    with path.open("a") as chapter:
        chapter.write(f"\n```{{code-cell}} ipython3\n{source}\n```\n")


@pytest.fixture(scope="module")
def project(project_copy):
    """A copy of the sources and of the finished build, sharing the virtual environment."""
    return project_copy("project")


def chapter_names():
    """The pages that are notebooks: the chapters and the primer."""
    sources = {name: (ROOT / f"{name}.md").read_text() for name in toc_files()}
    return sorted(name.split("/")[-1] for name, text in sources.items() if "kernelspec:" in text)


def test_nothing_changed_executes_nothing(project):
    assert make_book(project) == (True, [])


def test_without_a_pdf_the_site_has_no_pdf_link(project):
    """The copy of the build has no _build/latex: the site drops the PDF and its link."""
    assert make_book(project)[0]
    html = project / "_build" / "html"
    assert not (html / "book.pdf").exists()
    preface = (html / f"{toc_files()[0]}.html").read_text()
    # The theme's print button says ".pdf" too; the book's own link names the file.
    assert "book.pdf" not in preface


def test_a_prose_edit_executes_nothing(project):
    with (project / "book" / "04-weight-adjustment.md").open("a") as chapter:
        chapter.write("\nOne more sentence of prose.\n")
    assert make_book(project) == (True, [])


def test_a_changed_chapter_alone_runs_again(project):
    append_cell(project / "book" / "03-sigmoid.md", "print('one more cell')")
    assert make_book(project) == (True, ["03-sigmoid"])
    assert make_book(project) == (True, [])


def test_a_failing_cell_fails_the_build_every_time(project):
    chapter = project / "book" / "02-training-cycle.md"
    original = chapter.read_text()
    append_cell(chapter, "raise RuntimeError('this cell fails on purpose')")
    try:
        assert make_book(project) == (False, ["02-training-cycle"])
        # The failure is not cached away: the next build fails again.
        assert make_book(project)[0] is False
    finally:
        chapter.write_text(original)


def test_a_package_change_runs_every_chapter_again_in_parallel(project):
    # How long each chapter took when it last ran ({docname: seconds}).
    seconds = json.loads((project / "_build" / ".execution-seconds.json").read_text())
    with (project / "neuron" / "data.py").open("a") as module:
        module.write("\n# A change to the package.\n")
    succeeded, log = build_log(project)
    assert (succeeded, executed_chapters(log)) == (True, chapter_names())
    # Every chapter ran before Sphinx read it, none in myst-nb's own serial pass...
    assert "Executing notebook" not in log
    # ...and two chapters were running at once: a second started before the first ended...
    events = re.findall(r"\] (Executing|Execution Successful): ", log)
    assert events[:2] == ["Executing", "Executing"], events
    # ...the two that took longest last time (the cache's clearing keeps the times).
    started = re.findall(r"\] Executing: \S*book/([\w-]+)\.md", log)
    longest = sorted(seconds, key=seconds.get, reverse=True)[:2]
    assert set(started[:2]) == {name.split("/")[-1] for name in longest}, (started, seconds)


def fresh_cache(project):
    """Run the Makefile's cache check in `project`; return what it printed."""
    return make(project, "fresh-cache", check=True).stdout


def test_a_requirements_change_clears_the_execution_cache(project):
    cache = project / "_build" / ".jupyter_cache"
    assert fresh_cache(project) == "" and cache.is_dir()
    requirements = project / "requirements.txt"
    with requirements.open("a") as pinned:
        pinned.write("# another pin\n")
    os.utime(requirements, (0, 0))  # not newer than the installed environment
    assert "clearing the execution cache" in fresh_cache(project)
    assert not cache.exists()
