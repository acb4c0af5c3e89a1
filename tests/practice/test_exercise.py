"""practice.Exercise: what a reader's function hears back, for each kind of mistake.

The book's own checks (one per coding exercise) are tested on the built
workbooks in tests/book/test_workbooks.py; these tests pin down the
mechanism on a small exercise of their own: the mean of each row.
"""

import numpy as np
import pytest

from practice import Exercise


def row_means(table):
    """The mean of each row of a 2-D array."""
    return np.mean(table, axis=1)


CASES = [np.array([[1.0, 3.0], [2.0, 2.0]]), ([[0.0, 1.0, 2.0]],)]


@pytest.fixture
def check():
    return Exercise(row_means, cases=CASES, hint="np.mean has an axis argument.")


def status_and_text(check, answer):
    feedback = check.feedback(answer)
    return feedback.status, feedback.text


def test_the_solution_itself_is_right(check):
    status, text = status_and_text(check, row_means)
    assert status == "right"
    assert text == "row_means is right: it gives the expected answer for all 2 test inputs."


def test_an_empty_starter_is_not_attempted_yet(check):
    def row_means(table):
        """The mean of each row of a 2-D array."""
        ...

    status, text = status_and_text(check, row_means)
    assert status == "todo"
    assert "not attempted yet" in text


def test_a_wrong_value_names_the_input_and_both_answers(check):
    status, text = status_and_text(check, lambda table: np.max(table, axis=1))
    assert status == "wrong"
    assert "- for table = [[1., 3.], [2., 2.]]: expected [2., 2.], got [3., 2.]" in text


def test_a_wrong_shape_is_named_as_such(check):
    status, text = status_and_text(check, lambda table: np.mean(table, axis=1, keepdims=True))
    assert status == "wrong"
    assert "expected shape (2,), got shape (2, 1)" in text
    assert "(and 1 more test inputs)" in text


def test_an_exception_is_reported_not_raised(check):
    def row_means(table):
        return table.mean(axis=1)  # a list has no .mean

    status, text = status_and_text(check, row_means)
    assert status == "wrong"
    assert "raised AttributeError: 'list' object has no attribute 'mean'" in text


def test_a_missing_return_is_named(check):
    def row_means(table):
        np.mean(table, axis=1)

    assert "it returned None; does the function end with `return ...`?" in (
        check.feedback(row_means).text
    )


def test_writing_into_the_input_is_caught(check):
    def row_means(table):
        table = np.asarray(table)
        table /= table.shape[1]
        return table.sum(axis=1)

    status, text = status_and_text(check, row_means)
    assert status == "wrong"
    assert "it changed its input table (the caller's)" in text


def test_touching_numpys_global_random_state_is_caught_and_undone(check):
    def row_means(table):
        np.random.seed(0)  # noqa: NPY002 (the mistake under test)
        return np.mean(table, axis=1)

    state = np.random.get_state  # noqa: NPY002 (the state the check guards)
    before = state()[1].copy()
    status, text = status_and_text(check, row_means)
    assert status == "wrong"
    assert "it changed NumPy's global random state" in text
    assert np.array_equal(state()[1], before)


def test_a_warning_the_solution_does_not_give_is_reported(check):
    def row_means(table):
        return np.sum(table, axis=1) / np.float64(np.shape(table)[1]) + np.log(0.0) * 0

    assert "warned RuntimeWarning: divide by zero encountered in log" in (
        check.feedback(row_means).text
    )


def test_an_answer_that_is_not_a_number_is_named(check):
    status, text = status_and_text(check, lambda table: "two")
    assert "expected a number or an array of numbers, got str 'two'" in text


def test_check_prints_and_names_the_check_for_hint_and_solution(check, capsys):
    globals()["check_row_means"] = check
    try:
        assert check_row_means.check(lambda table: np.max(table, axis=1)) is None  # noqa: F821
    finally:
        del globals()["check_row_means"]
    printed = capsys.readouterr().out
    assert printed.startswith("row_means is not right yet:")
    assert "check_row_means.hint() gives a hint, check_row_means.solution()" in printed
    assert "np.mean(table, axis=1)" not in printed  # the solution only when asked


def test_hint_and_solution_print_on_request(check, capsys):
    check.hint()
    assert capsys.readouterr().out == "np.mean has an axis argument.\n"
    check.solution()
    assert "return np.mean(table, axis=1)" in capsys.readouterr().out


def test_a_solution_given_as_source_runs_in_the_callers_namespace_only():
    scale = 10  # the solution's source may use the notebook's names
    source = "def scaled(x):\n    return x * scale\n"
    namespace = {"scale": scale}
    check = eval(
        "Exercise(source, cases=[1.0, 2.0])",
        {"Exercise": Exercise, **namespace},
        {"source": source},
    )
    assert check.feedback(lambda x: x * 10).status == "right"
    assert check.feedback(lambda x: x * 9).status == "wrong"
    assert "scaled" not in namespace


def test_bad_declarations_are_refused_with_a_clear_error():
    with pytest.raises(ValueError, match="at least one test input"):
        Exercise(row_means, cases=[])
    with pytest.raises(ValueError, match="must define a function or a class"):
        Exercise("x = 1", cases=[1])


class Box:
    """An object holding an array, as the book's networks do."""

    def __init__(self, values):
        self.values = np.asarray(values, dtype=float)


def box_total(box):
    return float(np.sum(box.values))


def test_an_object_given_back_unchanged_is_unchanged_and_a_changed_one_is_caught():
    check = Exercise(box_total, cases=[Box([1.0, 2.0])])
    assert check.feedback(box_total).status == "right"

    def emptying(box):
        total = float(np.sum(box.values))
        box.values[:] = 0
        return total

    assert "it changed its input box" in check.feedback(emptying).text
