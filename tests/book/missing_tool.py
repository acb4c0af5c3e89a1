"""What a test does when a tool it needs (Chromium, TeX) is not installed."""

import os

import pytest


def missing_tool(message):
    """Skip the test on this machine, but fail it in CI (CI=true), which must have every tool."""
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)
