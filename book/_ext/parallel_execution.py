"""Execute the chapters that need it in parallel, one process per core, before Sphinx reads them.

myst-nb's `cache` mode runs each notebook page as Sphinx reads it, one after
the other. Here, just before reading, every notebook page about to be read
whose code cells have no executed copy in the execution cache yet runs in
jupyter-cache's parallel executor, which stores each result in that cache;
myst-nb then finds every page cached and executes nothing itself. So the
cache decides what runs, as before: nothing when nothing changed, a chapter
whose code changed, every chapter once the cache was cleared. A failing
cell stops the build with its traceback; the failure is not cached.
"""

import logging as stdlib_logging
from pathlib import Path

from jupyter_cache import get_cache
from jupyter_cache.executors import load_executor
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


def notebook_paths(env, docnames):
    """The source files of those pages that are MyST Markdown notebooks."""
    paths = [Path(env.doc2path(name)) for name in sorted(docnames)]
    return [
        path
        for path in paths
        if path.suffix == ".md" and is_myst_markdown_notebook(path.read_text(encoding="utf8"))
    ]


def execute_in_parallel(app, env, docnames):
    config = env.mystnb_config  # myst-nb's settings, with the cache's path resolved
    if config.execution_mode != "cache":
        return
    cache = get_cache(config.execution_cache_path)
    uris = [
        cache.add_nb_to_project(str(path), read_data=READER).uri
        for path in notebook_paths(env, docnames)
    ]
    if not uris:
        return
    executor = load_executor("local-parallel", cache=cache, logger=executor_logger)
    result = executor.run_and_cache(
        filter_uris=uris,
        timeout=config.execution_timeout,
        allow_errors=config.execution_allow_errors,
    )
    failed = result.excepted + result.errored
    if failed:
        tracebacks = "\n".join(
            f"{uri}:\n{cache.get_project_record(uri).traceback or '(no traceback)'}"
            for uri in failed
        )
        raise ExtensionError(f"Executing {len(failed)} notebook(s) failed:\n{tracebacks}")
    if result.succeeded:
        logger.info(f"executed {len(result.succeeded)} notebook(s) in parallel")


def setup(app):
    app.connect("env-before-read-docs", execute_in_parallel)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
