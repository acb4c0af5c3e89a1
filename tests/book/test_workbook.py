"""book/_ext/workbook.py on small notebooks: what it makes of declared checks.

The built chapters' workbooks are tested in test_workbooks.py; here each step
is pinned down on a few cells, including a "Predict" checkpoint.
"""

import ast
import sys

import nbformat
import pytest
from toc import ROOT

sys.path.insert(0, str(ROOT / "book" / "_ext"))
from workbook import WorkbookError, reveal_checks, starter, to_workbook  # noqa: E402

SOLUTION = '''import math


def half(x):
    """Half of x."""
    return x / 2


print(half(4))
'''
DECLARATION = 'check_half = Exercise(half, cases=[1.0, 4.0], hint="Divide.")'


def code(source, tags=(), book=None):
    cell = nbformat.v4.new_code_cell(source)
    if tags:
        cell.metadata.tags = list(tags)
    if book:
        cell.metadata.book = book
    return cell


def markdown(source, book=None):
    cell = nbformat.v4.new_markdown_cell(source)
    if book:
        cell.metadata.book = book
    return cell


def test_a_starter_keeps_imports_signature_and_docstring_and_nothing_else():
    assert starter(SOLUTION) == (
        'import math\n\n\ndef half(x):\n    """Half of x."""\n    ...  # your code here'
    )


def test_a_class_starter_keeps_each_methods_signature():
    source = (
        "class Net(Base):\n"
        '    """A net."""\n\n'
        "    def size(self, inputs):\n"
        "        return len(inputs)\n"
    )
    assert starter(source) == (
        'class Net(Base):\n    """A net."""\n\n'
        "    def size(self, inputs):\n        ...  # your code here"
    )
    compile(starter(source), "<starter>", "exec")


def test_revealing_a_check_writes_the_solution_into_it():
    executed = nbformat.v4.new_notebook(
        cells=[code(SOLUTION), code(DECLARATION, tags=["remove-cell"])]
    )
    revealed = reveal_checks(executed)
    check = revealed.cells[1]
    assert check.metadata.tags == ["check"]
    call = ast.parse(check.source).body[0].value
    solution = ast.literal_eval(call.args[0])
    assert "def half(x):" in solution and "import math" in solution
    assert "print(half(4))" not in solution
    assert executed.cells[1].metadata.tags == ["remove-cell"], "the chapter is left as it was"


def test_a_check_must_be_named_check_something():
    executed = nbformat.v4.new_notebook(
        cells=[code(SOLUTION), code("half_check = Exercise(half, cases=[1.0])", ["remove-cell"])]
    )
    with pytest.raises(WorkbookError, match="starts with check_, got half_check"):
        reveal_checks(executed)


def test_a_check_of_a_function_the_chapter_does_not_define_is_an_error():
    executed = nbformat.v4.new_notebook(cells=[code(DECLARATION, tags=["remove-cell"])])
    with pytest.raises(WorkbookError, match="no def or class half"):
        reveal_checks(executed)


def converted(cells):
    """What the converter makes of a revealed chapter: these cells, as given."""
    return nbformat.v4.new_notebook(cells=cells)


def test_an_exercise_becomes_its_check_a_starter_and_the_checks_call():
    revealed = reveal_checks(
        nbformat.v4.new_notebook(cells=[code(SOLUTION), code(DECLARATION, ["remove-cell"])])
    )
    solution = {"solution": "ex-half"}
    workbook = to_workbook(converted([
        markdown("**Exercise 1.1**\n\n> Write half(x).", book={"exercise": "ex-half"}),
        markdown("**Solution to Exercise 1.1**", book=solution),
        code(SOLUTION, book=solution),
        code(revealed.cells[1].source, tags=["check"], book=solution),
        markdown("Dividing by two halves.", book=solution),
    ]))  # fmt: skip
    kinds = [
        (cell.cell_type, cell.metadata.get("tags", []), cell.metadata.get("book"))
        for cell in workbook.cells
    ]
    assert kinds == [
        ("markdown", [], {"exercise": "ex-half"}),
        ("markdown", [], None),  # how to use the workbook
        ("code", ["check"], None),  # the declaration, folded
        ("markdown", [], None),  # what to do
        ("code", ["starter"], None),
        ("code", ["check"], None),  # check_half.check(half)
        ("markdown", [], solution),
        ("markdown", [], solution),
        ("markdown", [], None),
        ("code", ["progress"], None),
    ]
    assert workbook.cells[1].source.startswith("*This is the chapter's workbook.*")
    assert workbook.cells[2].metadata.jupyter.source_hidden is True
    assert workbook.cells[5].source == "check_half.check(half)"
    assert not any("print(half(4))" in cell.source for cell in workbook.cells)


def test_a_prediction_is_asked_before_the_answering_cell_and_checked_after():
    workbook = to_workbook(converted([
        markdown("> **Predict: which is larger?** (a) or (b)?", book={"predict": "p1"}),
        code("answer = max(1, 2)\nprint(answer)"),
        code('check_larger = Prediction("b")', tags=["check"]),
        markdown("On we go."),
    ]))  # fmt: skip
    sources = [cell.source for cell in workbook.cells]
    assert sources[2].endswith("prediction = ...")
    assert sources[3] == "answer = max(1, 2)\nprint(answer)"
    assert sources[4].endswith('check_larger = Prediction("b")')
    assert workbook.cells[4].metadata.jupyter.source_hidden is True
    assert sources[5] == "check_larger.check(prediction)"
    assert sources[6] == "On we go."
