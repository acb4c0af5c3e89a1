"""Every number the prose states came from a cell: glued, or checked by one.

A chapter's sentence may state a computed number only by gluing it (myst-nb's
`glue`, shown as `span.pasted-text`) or by stating a number that a cell of the
chapter checks (an `assert` in a hidden cell names it) or sets (an argument in
a cell the reader sees, such as a learning rate of 0.1). So a number typed
into a sentence and checked by nothing fails here, and a change to NumPy or to
the package that makes a checked sentence false fails the build.
"""

import re

import pytest
from bs4 import BeautifulSoup
from myst_nb.core.read import read_myst_markdown_notebook
from toc import ROOT, chapter_files, toc_files

# The preface and every chapter: the pages that are notebooks.
PAGES = [toc_files()[0], *chapter_files()]

# A decimal (0.25, −4.63, 10,000.5) or a bound written with ± (±10).
NUMBER = re.compile(r"(?<![\w.])(?:±\d+(?:\.\d+)?|[−-]?\d{1,3}(?:,\d{3})*\.\d+|[−-]?\d+\.\d+)")
# What a sentence may quote without a cell: the numbers of mathematics.
CONSTANTS = {"0.5", "2.718"}
# Python's versions ("Python 3.11, 3.12 or 3.13") are names, not results.
PYTHON_VERSIONS = re.compile(r"Python \d+\.\d+(?:\s*(?:,|or|to)\s+\d+\.\d+)*")
# Not prose: code and its output, equations, glued values, and links (to
# figures, sections, equations, citations and the glossary, whose numbers
# are the book's own numbering), and the numbers of headings, equations,
# figures and exercises.
NOT_PROSE = (
    "pre, code, .cell, .math, .pasted-text, a.reference, script, style,"
    " .section-number, .eqno, .caption-number"
)


def prose(html):
    """The text of a built page's article that a person wrote, as one string."""
    article = BeautifulSoup(html, "html.parser").select_one("main article") or BeautifulSoup(
        html, "html.parser"
    )
    for element in article.select(NOT_PROSE):
        element.decompose()
    return article.get_text(" ", strip=True)


def checked_numbers(source):
    """The numbers the code cells of a MyST notebook write (hidden cells' asserts too)."""
    notebook = read_myst_markdown_notebook(source)
    code = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    return {number.lstrip("-") for number in re.findall(r"-?\d+(?:\.\d+)?", code)}


def unchecked_numbers(html, source):
    """The numbers a page's prose states that no cell glued, asserted or set."""
    allowed = checked_numbers(source) | CONSTANTS
    found = []
    for number in NUMBER.findall(PYTHON_VERSIONS.sub("Python", prose(html))):
        plain = number.lstrip("±−-").replace(",", "")
        if plain not in allowed:
            found.append(number)
    return found


@pytest.mark.parametrize("name", PAGES)
def test_the_prose_states_no_number_that_no_cell_checks(built_html, name):
    html = (built_html / f"{name}.html").read_text()
    source = (ROOT / f"{name}.md").read_text()
    assert unchecked_numbers(html, source) == []


SYNTHETIC_SOURCE = """---
jupytext:
  text_representation: {extension: .md, format_name: myst}
kernelspec: {display_name: Python 3, language: python, name: python3}
---
# A page

```{code-cell} ipython3
answer = run(learning_rate=0.1)
```

```{code-cell} ipython3
:tags: [remove-cell]
assert 0.2 < answer < 0.4
glue("answer", answer)
```

The untrained neuron says between 0.2 and 0.4, with a learning rate of 0.1.
"""


def synthetic_page(sentence):
    """A built page's article: one glued answer and the sentence given."""
    return (
        "<main><article><p>The answer is <span class='pasted-text'>0.31</span>."
        f"</p><p>{sentence}</p><pre>print(0.99)</pre></article></main>"
    )


def test_a_number_typed_into_a_sentence_is_caught():
    html = synthetic_page("It answers 0.99993704, and stays within ±10.")
    assert unchecked_numbers(html, SYNTHETIC_SOURCE) == ["0.99993704", "±10"]


def test_glued_asserted_and_set_numbers_pass():
    html = synthetic_page("Between 0.2 and 0.4, with a learning rate of 0.1; σ(0) = 0.5.")
    assert unchecked_numbers(html, SYNTHETIC_SOURCE) == []


def test_a_number_only_a_shown_output_printed_is_caught():
    # 0.99 is printed by a cell, but a cell printing it does not check the sentence.
    html = synthetic_page("It printed 0.99.")
    assert unchecked_numbers(html, SYNTHETIC_SOURCE) == ["0.99"]


# A computer's exponent (5.8e-06) where a person writes 5.8 × 10⁻⁶.
COMPUTER_EXPONENT = re.compile(r"\d[eE][-+]?\d")


def computer_written(html):
    """The glued values of a page that show a computer's exponent."""
    glued = BeautifulSoup(html, "html.parser").select(".pasted-text")
    return [value.get_text() for value in glued if COMPUTER_EXPONENT.search(value.get_text())]


@pytest.mark.parametrize("name", PAGES)
def test_glued_numbers_read_as_a_person_writes_them(built_html, name):
    assert computer_written((built_html / f"{name}.html").read_text()) == []


def test_a_computer_exponent_is_caught():
    html = synthetic_page("Off by <span class='pasted-text'>5.8e-06</span>.")
    assert computer_written(html) == ["5.8e-06"]
    assert computer_written(synthetic_page("Off by 5.8 × 10⁻⁶.")) == []
