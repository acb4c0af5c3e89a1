"""The primer's figure: broadcasting a column and a row into a table."""

import numpy as np
from matplotlib.patches import Rectangle

from neuron.plots.style import COLORS, new_figure
from neuron.validation import as_finite_array

# A stretched copy is drawn paler than the entries the array really holds.
HELD, STRETCHED = "#cfe3f2", "#f3f3f3"


def _grid(ax, values, held, title):
    """Draw `values` as a table of boxes; `held` marks the real entries."""
    rows, cols = values.shape
    for (row, col), value in np.ndenumerate(values):
        ax.add_patch(
            Rectangle(
                (col, rows - 1 - row),
                1,
                1,
                facecolor=HELD if held[row, col] else STRETCHED,
                edgecolor=COLORS["black"],
                linewidth=1.2 if held[row, col] else 0.6,
                linestyle="-" if held[row, col] else "--",
                gid="held" if held[row, col] else "stretched",
            )
        )
        ax.text(
            col + 0.5,
            rows - 0.5 - row,
            f"{value:g}",
            ha="center",
            va="center",
            fontsize=16,
            color=COLORS["black"] if held[row, col] else "#555555",
        )
    ax.set_title(title, fontsize=15)
    ax.set_xlim(-0.1, cols + 0.1)
    ax.set_ylim(-0.1, rows + 0.1)
    ax.set_aspect("equal")
    ax.axis("off")


def draw_broadcasting(column, row):
    """How NumPy adds a column of shape (m, 1) and a row of shape (n,).

    Both are stretched into an (m, n) table, the column copied across and
    the row copied down (the copies drawn pale and dashed), and added
    entry by entry. Returns the matplotlib Figure.
    """
    column = as_finite_array("column", column)
    row = as_finite_array("row", row)
    if column.ndim != 2 or column.shape[1] != 1:
        raise ValueError(
            f"column must have shape (m, 1), got {column.shape}"
        )
    if row.ndim != 1:
        raise ValueError(f"row must have shape (n,), got {row.shape}")
    m, n = column.shape[0], row.shape[0]
    figure, axes = new_figure(ncols=3, width=6.0, height=2.3)
    first_column = np.broadcast_to(np.arange(n) == 0, (m, n))
    first_row = np.broadcast_to((np.arange(m) == 0)[:, None], (m, n))
    _grid(
        axes[0],
        np.broadcast_to(column, (m, n)),
        first_column,
        f"column {column.shape}",
    )
    _grid(
        axes[1],
        np.broadcast_to(row, (m, n)),
        first_row,
        f"row {row.shape}",
    )
    everything = np.ones((m, n), dtype=bool)
    _grid(axes[2], column + row, everything, f"sum {(m, n)}")
    for left, sign in zip(axes[:2], ["+", "="], strict=True):
        left.annotate(
            sign,
            xy=(1.1, 0.5),
            xycoords="axes fraction",
            fontsize=22,
            ha="center",
            va="center",
            gid="operator",
        )
    return figure
