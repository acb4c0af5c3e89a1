"""`make test` runs pytest-xdist with --dist loadgroup: tests marked with one
xdist_group must share a worker, because they share state (the reader's
environment, a copy of the project, a page opened once). With pytest 9.2 and
pytest-xdist 3.8 the marks were silently ignored; this checks the pinned pair.
"""

import os
import subprocess
import sys

GROUPED = """
import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.xdist_group("together")


@pytest.mark.parametrize("n", range(6))
def test_grouped(n, worker_id):
    (Path(os.environ["WORKERS_LOG"]) / str(n)).write_text(worker_id)
"""

LOOSE = """
import pytest


@pytest.mark.parametrize("n", range(20))
def test_loose(n):
    pass
"""


def test_marked_tests_share_one_worker(tmp_path):
    (tmp_path / "test_grouped.py").write_text(GROUPED)
    (tmp_path / "test_loose.py").write_text(LOOSE)
    log = tmp_path / "workers"
    log.mkdir()
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-p",
         "no:cacheprovider", "-q", str(tmp_path)],
        cwd=tmp_path, capture_output=True, text=True, env={**os.environ, "WORKERS_LOG": str(log)},
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    workers = {path.read_text() for path in log.iterdir()}
    assert len(list(log.iterdir())) == 6
    assert len(workers) == 1, f"the grouped tests ran on {sorted(workers)}"
