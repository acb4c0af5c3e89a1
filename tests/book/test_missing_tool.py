"""A missing tool skips a test on a maintainer's machine and fails it in CI."""

import sys

import pytest
from missing_tool import in_ci, missing_tool, require_module

SAYS_CI = ["true", "True", "1", "yes", "on", "github-actions"]
SAYS_NOT_CI = ["", "false", "False", "0", "no", "off", " "]
FAILED, SKIPPED = pytest.fail.Exception, pytest.skip.Exception


def outcome(call, *args):
    """What calling `call(*args)` does to the test: FAILED or SKIPPED (caught here)."""
    with pytest.raises(BaseException) as raised:
        call(*args)
    assert "no such tool" in str(raised.value) or "pip install" in str(raised.value)
    return raised.type


@pytest.mark.parametrize("value", SAYS_CI)
def test_any_value_but_a_false_one_means_ci(monkeypatch, value):
    monkeypatch.setenv("CI", value)
    assert in_ci()
    assert outcome(missing_tool, "no such tool") is FAILED


@pytest.mark.parametrize("value", [*SAYS_NOT_CI, None])
def test_off_ci_a_missing_tool_is_skipped(monkeypatch, value):
    if value is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", value)
    assert not in_ci()
    assert outcome(missing_tool, "no such tool") is SKIPPED


def test_a_module_that_will_not_import_fails_in_ci(monkeypatch):
    monkeypatch.setenv("CI", "1")
    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)
    assert outcome(require_module, "playwright.sync_api", "pip install") is FAILED
    monkeypatch.setenv("CI", "false")
    assert outcome(require_module, "playwright.sync_api", "pip install") is SKIPPED


def test_a_module_that_imports_is_returned():
    assert require_module("json", "never shown").dumps([1]) == "[1]"
