"""The primer's figure: a column and a row broadcast into a table."""

import pytest

from neuron.plots.broadcasting import draw_broadcasting

COLUMN = [[0], [10], [20]]
ROW = [1, 2, 3]


def panel(ax):
    """(texts, number of held boxes, number of stretched boxes) of one panel."""
    kinds = [patch.get_gid() for patch in ax.patches]
    texts = [text.get_text() for text in ax.texts if text.get_gid() != "operator"]
    return texts, kinds.count("held"), kinds.count("stretched")


def test_the_sum_is_every_column_entry_plus_every_row_entry():
    column, row, total = draw_broadcasting(COLUMN, ROW).axes
    # 0 + 1, 0 + 2, 0 + 3, then 10 + ..., then 20 + ..., row by row.
    assert panel(total) == (["1", "2", "3", "11", "12", "13", "21", "22", "23"], 9, 0)
    assert total.get_title() == "sum (3, 3)"


def test_the_copies_are_told_apart_from_what_each_array_holds():
    column, row, _ = draw_broadcasting(COLUMN, ROW).axes
    assert [text.get_text() for text in column.texts + row.texts if text.get_gid()] == ["+", "="]
    assert panel(column) == (["0", "0", "0", "10", "10", "10", "20", "20", "20"], 3, 6)
    assert panel(row) == (["1", "2", "3"] * 3, 3, 6)
    assert (column.get_title(), row.get_title()) == ("column (3, 1)", "row (3,)")


@pytest.mark.parametrize(
    ("column", "row", "message"),
    [
        ([0, 10, 20], ROW, r"column must have shape \(m, 1\), got \(3,\)"),
        (COLUMN, [[1, 2, 3]], r"row must have shape \(n,\), got \(1, 3\)"),
        ([[0], [float("nan")]], ROW, "column"),
    ],
)
def test_wrong_shapes_are_named(column, row, message):
    with pytest.raises(ValueError, match=message):
        draw_broadcasting(column, row)
