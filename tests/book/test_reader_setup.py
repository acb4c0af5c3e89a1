"""A reader's set-up as the preface gives it, on this machine.

A virtual environment made by the preface's own commands (for Linux and macOS;
the Windows ones must say the same), from requirements-reader.txt alone,
JupyterLab's command in it, and every chapter's downloaded notebook run from
top to bottom in a folder outside the repository; the notebooks' set-up cell installing the
book's package where it is missing. The downloaded notebooks hold the cells
the page shows and not the hidden ones that glue numbers into the text, so a
run also shows that no shown cell needs a hidden one.

Making the environment is a pip install of about 100 packages (400 MB; about
2 minutes here with pip's cache warm). It is kept in _build/reader-venv and made
again, from nothing, whenever the preface's commands, requirements-reader.txt or
the package's description in pyproject.toml change.
"""

import hashlib
import os
import re
import shlex
import shutil
import subprocess
import tomllib

import nbformat
import pytest
from test_reader_notebooks import downloaded
from toc import ROOT, chapter_files

# One worker runs them all (pytest-xdist), with test_launch.py's: they share one
# environment, and one test of each takes the package out of it for a while.
pytestmark = pytest.mark.xdist_group("reader-venv")
PREFACE = ROOT / "book" / "intro.md"
READER_FILE = ROOT / "requirements-reader.txt"
VENV = ROOT / "_build" / "reader-venv"
BIN = VENV / "bin"
# What a reader's environment must not carry: the book's build and test tools.
BUILD_TOOLS = ["jupyter-book", "sphinx", "pytest", "playwright", "ruff", "myst-nb"]


def run(*command, **options):
    """Run a command with the reader's environment first on PATH, outside the repository."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env["PATH"] = f"{BIN}{os.pathsep}{env['PATH']}"
    env["VIRTUAL_ENV"] = str(VENV)
    return subprocess.run(command, env=env, capture_output=True, text=True, **options)


def preface_commands(system):
    """The preface's commands for a system ("Linux and macOS", "Windows"), as written."""
    text = PREFACE.read_text()
    block = re.search(rf"On {system}\b.*?\n *```\w+\n(.*?)\n *```", text, re.DOTALL)
    assert block, f"the preface has no commands for {system}"
    return [line.strip() for line in block[1].splitlines()]


def as_run_here(command):
    """A preface command with its virtual environment in _build/reader-venv."""
    return [word.replace(".venv/", f"{VENV}/") for word in shlex.split(command)]


def test_the_windows_commands_are_the_linux_ones():
    unix, windows = preface_commands("Linux and macOS"), preface_commands("Windows")
    assert [line.replace("\\", "/").replace("/Scripts/", "/bin/") for line in windows] == [
        line.replace("python3 ", "py ") for line in unix
    ]


@pytest.fixture(scope="session")
def reader_venv():
    """The environment a reader makes with the preface's commands, all but the last."""
    *make, _ = preface_commands("Linux and macOS")
    package = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    made_from = hashlib.sha256(
        "\n".join([*make, READER_FILE.read_text(), repr(package)]).encode()
    ).hexdigest()
    stamp = VENV / "made-from"
    if not stamp.is_file() or stamp.read_text() != made_from:
        shutil.rmtree(VENV, ignore_errors=True)
        for command in make:
            subprocess.run(
                as_run_here(command.replace(" .venv", f" {VENV}")), cwd=ROOT, check=True
            )
        stamp.write_text(made_from)
    return VENV


def test_jupyterlab_starts_as_the_preface_says(reader_venv, tmp_path):
    pinned = re.search(r"^jupyterlab==(\S+)$", READER_FILE.read_text(), re.MULTILINE)
    assert pinned, "requirements-reader.txt pins no JupyterLab"
    start = preface_commands("Linux and macOS")[-1]
    assert start.endswith("jupyter lab")
    result = run(*as_run_here(start), "--version", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == pinned[1]


def test_the_readers_environment_holds_no_build_tools(reader_venv):
    listed = run(str(BIN / "python"), "-m", "pip", "list", "--format=freeze").stdout.lower()
    names = {line.split("==")[0].replace("_", "-") for line in listed.splitlines()}
    assert "neuron" in names
    assert not names & set(BUILD_TOOLS)


@pytest.mark.parametrize("name", chapter_files())
def test_a_downloaded_notebook_runs_outside_the_repository(
    reader_venv, page, built_html, tmp_path, name
):
    notebook = tmp_path / f"{name.rsplit('/', 1)[-1]}.ipynb"
    nbformat.write(downloaded(page, built_html, name), notebook)
    result = run(str(BIN / "jupyter"), "execute", "--inplace", notebook.name, cwd=tmp_path)
    assert result.returncode == 0, f"{name} failed in the reader's environment:\n{result.stderr}"
    ran = nbformat.read(notebook, as_version=4)
    errors = [
        output
        for cell in ran.cells
        for output in cell.get("outputs", [])
        if output.output_type == "error"
    ]
    assert not errors


def test_the_setup_cell_installs_the_package_where_it_is_missing(
    reader_venv, page, built_html, tmp_path
):
    setup = downloaded(page, built_html, chapter_files()[0]).cells[0].source
    where = [str(BIN / "python"), "-c", "import neuron; print(neuron.__file__)"]
    run(str(BIN / "python"), "-m", "pip", "uninstall", "--yes", "neuron", check=True)
    try:
        assert run(*where, cwd=tmp_path).returncode != 0, "neuron still importable"
        result = run(str(BIN / "python"), "-c", setup, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert "Installing the book's package" in result.stdout
        installed = run(*where, cwd=tmp_path)
        assert installed.returncode == 0, installed.stderr
        assert installed.stdout.startswith(str(VENV)), "not installed in the environment"
    finally:
        restore_editable_install()


def restore_editable_install():
    """The reader's editable install of `neuron` again, as requirements-reader.txt makes it."""
    editable = [str(BIN / "python"), "-m", "pip", "install", "--quiet", "--no-deps", "-e", "."]
    run(*editable, cwd=ROOT, check=True)
