"""Launch buttons, as the Pages workflow builds and publishes them, tested offline.

The book is built again the way .github/workflows/pages.yml builds it, told
a repository (example-owner/neuron-book) and the commit checked out here.
Then the workflow's own script for the `notebooks` job runs against a local
copy of the repository standing in for GitHub; the links on every chapter
page must open notebooks that are on the branch it pushed, and each of those
notebooks must run top to bottom in the reader's environment (from
requirements-reader.txt), its first cell installing the book's package from
the local copy standing in for the repository's address.
"""

import os
import shutil
import subprocess
import sys
import tarfile

import nbformat
import pytest
import yaml
from bs4 import BeautifulSoup
from reproducible import git
from sphinx.errors import ConfigError
from test_reader_setup import (  # noqa: F401 (reader_venv: a fixture)
    BIN,
    VENV,
    reader_venv,
    restore_editable_install,
    run,
)
from toc import ROOT, chapter_files

sys.path.insert(0, str(ROOT / "book" / "_ext"))
from launch import launch_links, repository_from_environment  # noqa: E402

# One worker runs them all, and test_reader_setup.py's too: the fixtures build the
# book once, and both modules take the package out of the reader's environment for
# a while, which a test running meanwhile in another worker would trip over.
pytestmark = pytest.mark.xdist_group("reader-venv")
REPOSITORY = "example-owner/neuron-book"
CHAPTERS = [name.rpartition("/")[2] for name in chapter_files()]


def test_the_links_open_the_notebooks_branch_in_each_service():
    links = launch_links(
        "owner/name",
        "03-sigmoid.ipynb",
        "https://mybinder.org/",
        "https://colab.research.google.com",
    )
    # Colab: /github/<owner>/<name>/blob/<branch>/<path>; Binder: /v2/gh/<owner>/<name>/<ref>
    # with the file to open in JupyterLab as urlpath=lab/tree/<path>.
    assert links == {
        "Colab": "https://colab.research.google.com/github/owner/name/blob/notebooks/"
        "notebooks/03-sigmoid.ipynb",
        "Binder": "https://mybinder.org/v2/gh/owner/name/notebooks"
        "?urlpath=lab/tree/notebooks/03-sigmoid.ipynb",
    }


def test_the_repository_comes_from_the_workflows_settings_or_not_at_all():
    assert repository_from_environment({}) is None
    settings = {"BOOK_REPOSITORY": "a/b", "BOOK_BRANCH": "main", "BOOK_COMMIT": "abc123"}
    assert repository_from_environment(settings) == {
        "repository": "a/b",
        "branch": "main",
        "commit": "abc123",
    }
    with pytest.raises(ConfigError, match="BOOK_COMMIT must be set"):
        repository_from_environment({**settings, "BOOK_COMMIT": ""})
    with pytest.raises(ConfigError, match="BOOK_REPOSITORY must be owner/name, got 'a b'"):
        repository_from_environment({**settings, "BOOK_REPOSITORY": "a b"})


def test_the_pages_workflow_gives_the_build_its_repository_branch_and_commit():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text())
    build = next(
        step for step in workflow["jobs"]["build"]["steps"] if "make book" in step.get("run", "")
    )
    assert build["env"] == {
        "BOOK_REPOSITORY": "${{ github.repository }}",
        "BOOK_BRANCH": "${{ github.ref_name }}",
        "BOOK_COMMIT": "${{ github.sha }}",
    }


@pytest.fixture(scope="module")
def launched_site(built_html, tmp_path_factory):
    """The site built as the workflow builds it: (its folder, the commit it names)."""
    commit = git("rev-parse", "HEAD", cwd=ROOT)
    out = tmp_path_factory.mktemp("launched")
    # The chapters' outputs from the tests' own build: nothing runs again.
    shutil.copytree(ROOT / "_build" / ".jupyter_cache", out / "_build" / ".jupyter_cache")
    env = {
        **os.environ,
        "BOOK_REPOSITORY": REPOSITORY,
        "BOOK_BRANCH": "main",
        "BOOK_COMMIT": commit,
    }
    subprocess.run(
        [ROOT / ".venv" / "bin" / "jupyter-book", "build", ".", "--builder", "html",
         "--path-output", out, "-W", "-n", "--keep-going", "--quiet"],
        cwd=ROOT, env=env, check=True, capture_output=True,
    )  # fmt: skip
    return out / "_build" / "html", commit


@pytest.fixture(scope="module")
def published(launched_site, tmp_path_factory):
    """Run the workflow's `notebooks` job on the site, pushing to a local stand-in for GitHub.

    Returns the bare repository that received the branch `notebooks`.
    """
    html, commit = launched_site
    here = tmp_path_factory.mktemp("publish")
    origin = here / "origin.git"
    git("clone", "--quiet", "--bare", str(ROOT), str(origin), cwd=here)
    checkout = here / "checkout"
    git("clone", "--quiet", str(origin), str(checkout), cwd=here)
    git("checkout", "--quiet", "--detach", commit, cwd=checkout)
    site = here / "site"
    site.mkdir()
    with tarfile.open(site / "artifact.tar", "w") as archive:  # as upload-pages-artifact packs it
        archive.add(html, arcname=".")
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text())
    step = workflow["jobs"]["notebooks"]["steps"][-1]
    env = {**os.environ, "SITE": str(site), "SOURCE_COMMIT": commit, "TOKEN": "not-needed"}
    subprocess.run(["bash", "-e", "-c", step["run"]], cwd=checkout, env=env, check=True)
    return origin


def launch_menu(html, chapter):
    soup = BeautifulSoup((html / "book" / f"{chapter}.html").read_text(), "html.parser")
    return {link.get_text(" ", strip=True): link["href"] for link in soup.select(
        ".dropdown-launch-buttons a"
    )}  # fmt: skip


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_each_chapter_launches_its_notebook_and_workbook_from_the_notebooks_branch(
    launched_site, published, chapter
):
    html, commit = launched_site
    menu = launch_menu(html, chapter)
    assert sorted(menu) == [
        "Binder: chapter",
        "Binder: workbook",
        "Colab: chapter",
        "Colab: workbook",
    ]
    on_branch = set(git("ls-tree", "-r", "--name-only", "notebooks", cwd=published).splitlines())
    for text, url in menu.items():
        if text.startswith("Colab"):
            prefix = f"https://colab.research.google.com/github/{REPOSITORY}/blob/notebooks/"
        else:
            prefix = f"https://mybinder.org/v2/gh/{REPOSITORY}/notebooks?urlpath=lab/tree/"
        assert url.startswith(prefix), url
        path = url.removeprefix(prefix)
        assert path in on_branch, f"{text}: {path} is not on the branch notebooks"
    # Binder builds from the repository's own files, there beside the notebooks.
    assert ".binder/requirements.txt" in on_branch
    parent = git("rev-parse", "notebooks~1", cwd=published)
    assert parent == commit, "the branch is one commit on top of the commit the site names"


def test_the_published_notebooks_install_the_package_from_the_commit_they_were_built_from(
    launched_site, published
):
    _, commit = launched_site
    for chapter in CHAPTERS:
        for name in (f"{chapter}.ipynb", f"{chapter}-workbook.ipynb"):
            source = git("show", f"notebooks:notebooks/{name}", cwd=published)
            first = nbformat.reads(source, as_version=4).cells[0].source
            assert f"git+https://github.com/{REPOSITORY}@{commit}" in first, name


def test_binder_builds_from_the_readers_requirements():
    binder = (ROOT / ".binder" / "requirements.txt").read_text().split()
    assert "-r" in binder
    included = ROOT / ".binder" / binder[binder.index("-r") + 1]
    assert included.resolve() == (ROOT / "requirements-reader.txt").resolve()
    runtime = (ROOT / ".binder" / "runtime.txt").read_text().strip()
    assert runtime.startswith("python-3.1")


def test_every_published_notebook_runs_in_the_readers_environment(
    reader_venv,  # noqa: F811 (the fixture, imported above)
    launched_site,
    published,
    tmp_path,
):
    """With `neuron` uninstalled: the first notebook's first cell installs it again,
    from the local copy standing in for https://github.com/example-owner/neuron-book."""
    _, commit = launched_site
    # With a host: the pip that `python -m venv` brings (23.2) refuses a file URL
    # without one ("git+file:///...") in a requirement, though later pips take it.
    stand_in = f"git+file://localhost{published}@{commit}"
    run(str(BIN / "python"), "-m", "pip", "uninstall", "--yes", "neuron", check=True)
    try:
        for chapter in CHAPTERS:
            for name in (f"{chapter}.ipynb", f"{chapter}-workbook.ipynb"):
                source = git("show", f"notebooks:notebooks/{name}", cwd=published)
                source = source.replace(f"git+https://github.com/{REPOSITORY}@{commit}", stand_in)
                path = tmp_path / name
                path.write_text(source)
                result = run(str(BIN / "jupyter"), "execute", "--inplace", name, cwd=tmp_path)
                assert result.returncode == 0, f"{name}:\n{result.stderr}"
        where = run(
            str(BIN / "python"), "-c", "import neuron; print(neuron.__file__)", cwd=tmp_path
        )
        assert where.stdout.startswith(str(VENV)), "not installed from the stand-in"
    finally:
        restore_editable_install()
