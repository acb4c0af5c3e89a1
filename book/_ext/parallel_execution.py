"""Execute the chapters that need it in parallel, one process per core, before Sphinx reads them.

myst-nb's `cache` mode runs each notebook page as Sphinx reads it, one after
the other. Here, just before reading, every notebook page about to be read
whose code cells have no executed copy in the execution cache yet runs in
jupyter-cache's parallel executor, which stores each result in that cache;
myst-nb then finds every page cached and executes nothing itself. So the
cache decides what runs, as before: nothing when nothing changed, a chapter
whose code changed, every chapter once the cache was cleared. A failing
cell stops the build with its traceback; the failure is not cached.

The pool hands the notebooks to its processes in the order given, so they
start longest first: started last, a long chapter would run on alone while
the other cores sat idle. Each notebook's running time is kept from its last
run, in a file beside the cache that survives the cache being cleared.
"""

import json
import logging as stdlib_logging
import multiprocessing
from pathlib import Path

from jupyter_cache import get_cache
from jupyter_cache.executors.base import ExecutorRunResult
from jupyter_cache.executors.basic import REPORT_LEVEL, JupyterExecutorLocalMproc, ProcessData
from myst_nb.core.read import is_myst_markdown_notebook
from sphinx.errors import ExtensionError
from sphinx.util import logging

logger = logging.getLogger(__name__)
# jupyter-cache's executor reports each notebook it starts and finishes on
# standard error ("Executing: <path>", "Execution Successful: <path>") when
# its logger is at INFO level.
executor_logger = stdlib_logging.getLogger("jupyter_cache.executor")
executor_logger.setLevel(stdlib_logging.INFO)
READER = {"type": "plugin", "name": "myst_nb_md"}  # myst-nb's reader for MyST notebooks
TIMES = ".execution-seconds.json"  # {docname: seconds its last run took}, beside the cache


def notebook_pages(env, docnames):
    """{docname: source file} for those pages that are MyST Markdown notebooks."""
    paths = {name: Path(env.doc2path(name)) for name in sorted(docnames)}
    return {
        name: path
        for name, path in paths.items()
        if path.suffix == ".md" and is_myst_markdown_notebook(path.read_text(encoding="utf8"))
    }


def longest_first(pages, seconds):
    """The docnames of `pages` ({docname: source}) in the order to start them.

    Timed pages (`seconds`, {docname: seconds}) go longest first. A page never
    timed (a new chapter; every page after `rm -rf _build`) might be the
    longest, so it goes before them, and among such pages the one with the
    longer source goes first, the best guess there is before a page has run.
    """

    def key(name):
        if name in seconds:
            return (1, -seconds[name])
        return (0, -pages[name].stat().st_size)

    return sorted(pages, key=key)


class InOrderExecutor(JupyterExecutorLocalMproc):
    """jupyter-cache's parallel executor ("local-parallel"), starting the notebooks in
    the order of `filter_uris`, one at a time.

    Its own `run_and_cache` takes them in the order they joined the cache's
    project and, with more than four notebooks a core, hands them out several
    at a time, so that the longest two could run one after the other.
    """

    def run_and_cache(self, *, filter_uris, timeout, allow_errors):
        records = {record.uri: record for record in self.get_records(filter_uris)}
        work = [
            ProcessData(records[uri].pk, uri, self.cache, timeout, allow_errors)
            for uri in filter_uris
            if uri in records
        ]
        multiprocessing.log_to_stderr(REPORT_LEVEL)  # "Executing: <path>" as they start
        with multiprocessing.Pool() as pool:
            results = pool.map(self._EXECUTION_WORKER(), work, chunksize=1)
        return ExecutorRunResult(
            succeeded=[uri for status, uri in results if status == 0],
            excepted=[uri for status, uri in results if status == 1],
            errored=[uri for status, uri in results if status == 2],
        )


def read_times(path):
    """{docname: seconds} from the file at `path`; {} before any page has run."""
    return json.loads(path.read_text(encoding="utf8")) if path.is_file() else {}


def record_times(path, seconds, cache, uris_by_name):
    """Write to `path` the times in `seconds` ({docname: seconds}), each executed
    page's replaced by its running time from its cache record."""
    seconds = dict(seconds)
    for name, uri in uris_by_name.items():
        record = cache.get_cached_project_nb(uri)
        if record is not None and "execution_seconds" in record.data:
            seconds[name] = round(record.data["execution_seconds"], 1)
    path.write_text(json.dumps(seconds, indent=1, sort_keys=True) + "\n", encoding="utf8")


def execute_in_parallel(app, env, docnames):
    config = env.mystnb_config  # myst-nb's settings, with the cache's path resolved
    if config.execution_mode != "cache":
        return
    cache = get_cache(config.execution_cache_path)
    times = Path(config.execution_cache_path).parent / TIMES
    seconds = read_times(times)
    pages = notebook_pages(env, docnames)
    uris = {
        name: cache.add_nb_to_project(str(pages[name]), read_data=READER).uri
        for name in longest_first(pages, seconds)
    }
    if not uris:
        return
    executor = InOrderExecutor(cache, logger=executor_logger)
    result = executor.run_and_cache(
        filter_uris=list(uris.values()),
        timeout=config.execution_timeout,
        allow_errors=config.execution_allow_errors,
    )
    executed = {name: uri for name, uri in uris.items() if uri in result.succeeded}
    if executed:
        record_times(times, seconds, cache, executed)
    failed = result.excepted + result.errored
    if failed:
        tracebacks = "\n".join(
            f"{uri}:\n{cache.get_project_record(uri).traceback or '(no traceback)'}"
            for uri in failed
        )
        raise ExtensionError(f"Executing {len(failed)} notebook(s) failed:\n{tracebacks}")
    if executed:
        logger.info(f"executed {len(executed)} notebook(s) in parallel")


def setup(app):
    app.connect("env-before-read-docs", execute_in_parallel)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
