"""parallel_execution.py: the chapters start longest first, by their last run's time."""

import json
from types import SimpleNamespace

from parallel_execution import longest_first, read_times, record_times


def sources(folder, sizes):
    """{docname: a source file of that many bytes} for {docname: size}."""
    pages = {}
    for name, size in sizes.items():
        pages[name] = folder / f"{name}.md"
        pages[name].write_text("x" * size)
    return pages


def test_timed_pages_start_longest_first(tmp_path):
    pages = sources(tmp_path, {"a": 10, "b": 30, "c": 20})
    assert longest_first(pages, {"a": 5.0, "b": 1.0, "c": 9.0}) == ["c", "a", "b"]


def test_untimed_pages_start_first_the_longer_source_first(tmp_path):
    pages = sources(tmp_path, {"a": 10, "b": 30, "c": 20, "d": 5})
    assert longest_first(pages, {"a": 50.0, "d": 60.0}) == ["b", "c", "d", "a"]


class FakeCache:
    """Answers get_cached_project_nb(uri) as jupyter-cache does: a record, or None."""

    def __init__(self, seconds):
        self.seconds = seconds

    def get_cached_project_nb(self, uri):
        if uri not in self.seconds:
            return None
        return SimpleNamespace(data={"execution_seconds": self.seconds[uri]})


def test_recorded_times_replace_older_ones_and_keep_the_rest(tmp_path):
    times = tmp_path / "times.json"
    times.write_text(json.dumps({"a": 1.0, "b": 2.0}))
    cache = FakeCache({"uri-b": 7.04, "uri-c": 3.0})
    record_times(times, read_times(times), cache, {"b": "uri-b", "c": "uri-c", "d": "uri-d"})
    assert read_times(times) == {"a": 1.0, "b": 7.0, "c": 3.0}


def test_without_a_file_no_page_is_timed(tmp_path):
    assert read_times(tmp_path / "missing.json") == {}
