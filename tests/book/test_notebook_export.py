"""The notebook converter on small chapters of its own (no build needed)."""

import subprocess
import sys
from types import SimpleNamespace

import nbformat
import pytest
from docutils import nodes
from myst_nb.core.read import read_myst_markdown_notebook
from notebook_export import (
    HOW_TO_INSTALL,
    ConversionError,
    setup_cell,
    sphinx_resolver,
    to_notebook,
)
from toc import ROOT

HEADER = "---\nkernelspec:\n  name: python3\n  display_name: Python 3\n  language: python\n---\n"
PAGE = {("numref", "ex-one"): "Exercise 1.1", ("eq", "eq-one"): "(1.1)", ("term", "sum"): "sum"}


def convert(body, folder=ROOT / "book"):
    notebook = read_myst_markdown_notebook(HEADER + body)
    return to_notebook(notebook, lambda role, target: PAGE[role, target], folder)


def cells(notebook):
    return [(cell.cell_type, cell.source, dict(cell.metadata)) for cell in notebook.cells]


def test_math_roles_and_labels_become_markdown():
    text = "(sec)=\n# Title\n\nA {term}`sum` and {math}`x^2`, see {eq}`eq-one`:\n\n"
    text += "```{math}\n:label: eq-one\nz = x w\n```\n"
    ((kind, source, _),) = cells(convert(text))
    assert source == "# Title\n\nA sum and $x^2$, see (1.1):\n\n$$\nz = x w\n\\tag{1.1}\n$$"


def test_an_exercise_is_a_box_and_its_solution_folded():
    text = "```{exercise} ★ Code: twice\n:label: ex-one\n\nWrite `twice(x)`.\n```\n\n"
    text += "````{solution-start} ex-one\n:class: dropdown\n````\n\nDouble it.\n\n"
    text += "```{code-cell} ipython3\ndef twice(x):\n    return 2 * x\n```\n\n"
    text += "````{solution-end}\n````\n\nAfter.\n"
    got = cells(convert(text))
    assert got[0][1] == "> **Exercise 1.1 (★ Code: twice)**\n>\n> Write `twice(x)`."
    assert got[0][2] == {"book": {"exercise": "ex-one"}}
    assert got[1][1:] == ("**Solution to Exercise 1.1**", {"book": {"solution": "ex-one"}})
    folded = {"jupyter": {"source_hidden": True}, "book": {"solution": "ex-one"}}
    assert got[2][1:] == ("Double it.", folded)
    assert got[3][0] == "code" and got[3][2] == folded
    assert got[4][1:] == ("After.", {})


def test_a_predict_box_keeps_its_question_and_folds_its_reasoning():
    text = ":::{admonition} Predict: which?\n:class: predict\n:name: p-one\n\n(a) or (b)?\n\n"
    text += "```{admonition} Why\n:class: dropdown\nBecause $z > 0$.\n```\n:::\n"
    question, reasoning = cells(convert(text))
    box = "> **Predict: which?**\n>\n> (a) or (b)?"
    assert question[1:] == (box, {"book": {"predict": "p-one"}})
    fold = {"jupyter": {"source_hidden": True}, "book": {"predict": "p-one"}}
    assert reasoning[1:] == ("> **Why**\n>\n> Because $z > 0$.", fold)


def test_a_listing_is_written_in():
    text = "```{literalinclude} ../neuron/activation.py\n:pyobject: sigmoid\n```\n"
    ((_, source, _),) = cells(convert(text))
    assert source.startswith("```python\ndef sigmoid(")
    assert "{literalinclude}" not in source


def test_a_listing_takes_options_as_sphinx_reads_them():
    text = "```{literalinclude} ../neuron/network.py\n:pyobject: NeuralNetwork.think\n"
    ((_, indented, _),) = cells(convert(text + "```\n"))
    assert indented.startswith("```python\n    def think(self, inputs):\n")
    ((_, dedented, _),) = cells(convert(text + ":dedent:\n```\n"))
    assert dedented.startswith("```python\ndef think(self, inputs):\n")
    ((_, by_two, _),) = cells(convert(text + ":dedent: 2\n```\n"))
    assert by_two.startswith("```python\n  def think(self, inputs):\n")


def test_hidden_cells_go_and_their_glued_numbers_stay():
    text = "```{code-cell} ipython3\n:tags: [remove-cell]\nx = 1\n```\n\n"
    text += "x is {glue:text}`x:.2f`.\n"
    notebook = read_myst_markdown_notebook(HEADER + text)
    glued = {"scrapbook": {"name": "x", "mime_prefix": "application/papermill.record/"}}
    output = nbformat.v4.new_output(
        "display_data", {"application/papermill.record/text/plain": "0.125"}, metadata=glued
    )
    notebook.cells[0].outputs = [output]
    converted = to_notebook(notebook, None, ROOT)
    assert cells(converted) == [("markdown", "x is 0.12.", {})]


def test_cell_ids_come_from_the_sources():
    text = "One.\n\n```{code-cell} ipython3\nx = 1\n```\n\nOne.\n"
    first, again = convert(text), convert(text)
    assert [cell.id for cell in first.cells] == [cell.id for cell in again.cells]
    assert len({cell.id for cell in first.cells}) == 3
    nbformat.validate(first)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("```{margin}\nAside.\n```\n", "{margin}"),
        ("A {abbr}`NN (neural network)`.\n", "{abbr}`NN (neural network)`"),
        ("A {glue:text}`missing`.\n", "'missing'"),
        ("```{math}\nz = 1\n", "unclosed"),
        ("```{literalinclude} ../nowhere.py\n```\n", "nowhere.py"),
        ("```{literalinclude} ../neuron/data.py\n:dedent: two\n```\n", "data.py: :dedent: "),
        ("```{literalinclude} ../neuron/data.py\n:unknown: 1\n```\n", "no option :unknown:"),
    ],
)
def test_what_it_cannot_convert_is_named(text, named):
    with pytest.raises(ConversionError, match=named.replace("(", r"\(").replace(")", r"\)")):
        convert(text)


def test_the_setup_cell_says_how_to_install_the_package_it_cannot_find(tmp_path):
    cell = setup_cell(tmp_path / "not-here")
    # -S: no site-packages, so Python cannot find `neuron` (nor does the folder hold it).
    result = subprocess.run(
        [sys.executable, "-S", "-c", cell.source], cwd=tmp_path, capture_output=True, text=True
    )
    last = result.stderr.strip().splitlines()[-1]
    assert last == f"ModuleNotFoundError: {HOW_TO_INSTALL}"
    assert "pip install -r requirements-reader.txt" in HOW_TO_INSTALL


class CountingDomain:
    """A Sphinx domain that answers every reference with its target, counting the questions."""

    def __init__(self):
        self.questions = []

    def resolve_xref(self, env, docname, builder, kind, target, pending, contnode):
        self.questions.append((docname, kind, target))
        return nodes.inline(target, f"[{target}]")


def test_a_build_resolves_each_reference_of_a_page_once():
    domain = CountingDomain()
    app = SimpleNamespace(env=SimpleNamespace(get_domain=lambda name: domain), builder=None)
    # A page's notebook and its workbook each make a resolver and ask the same.
    notebook, workbook = sphinx_resolver(app, "ch1"), sphinx_resolver(app, "ch1")
    assert notebook("numref", "fig-one") == workbook("numref", "fig-one") == "[fig-one]"
    assert domain.questions == [("ch1", "numref", "fig-one")]
    # Another page's question is its own: Sphinx may answer it differently.
    assert sphinx_resolver(app, "ch2")("numref", "fig-one") == "[fig-one]"
    assert domain.questions[1:] == [("ch2", "numref", "fig-one")]
