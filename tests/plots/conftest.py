"""Figures are drawn off screen, and every figure a test draws is closed after it."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    """Close the test's figures, whether it passed or not."""
    yield
    plt.close("all")
