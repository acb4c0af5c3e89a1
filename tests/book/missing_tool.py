"""What a test does when a tool it needs (Chromium, TeX, Playwright) is not installed."""

import importlib
import os

import pytest

# The values of CI that say "not CI"; any other non-empty value means CI.
NOT_CI = {"", "0", "false", "no", "off"}


def in_ci():
    """True when the CI variable is set to anything but empty, 0, false, no or off."""
    return os.environ.get("CI", "").strip().lower() not in NOT_CI


def missing_tool(message):
    """Skip the test on this machine, but fail it in CI, which must have every tool."""
    if in_ci():
        pytest.fail(message)
    pytest.skip(message)


def require_module(name, message):
    """The imported module `name`; when it is missing, missing_tool(message)."""
    try:
        return importlib.import_module(name)
    except ImportError:
        missing_tool(message)
