"""The key-equations page cannot drift from the chapters' numbered equations.

book/_ext/keyequations.py builds the page from the chapters' own equations and
warns where the page and the chapters disagree. The first tests build a small
Sphinx project with it, strictly (-W), and change a chapter the ways a writer
would; the last ones read the built book against its chapters' sources.
"""

import re
import subprocess
import sys
import textwrap

from toc import ROOT, chapter_files

EXTENSIONS = ROOT / "book" / "_ext"

CONF = f"""
import sys
sys.path.insert(0, {str(EXTENSIONS)!r})
extensions = ["keyequations"]
numfig = True
"""

INDEX = """
Book
====

.. toctree::
   :numbered:

   chapter
   key
"""

CHAPTER = r"""
.. _ch-one:

Chapter one
===========

.. _ch-one-sum:

The sum
-------

.. math::
   :label: eq-sum

   z = x_1 w_1 + x_2 w_2

.. _ch-one-answer:

The answer
----------

.. math::
   :label: eq-out

   \hat{y} = \sigma(z)
"""

# The page lists the answer first: the book's order must win.
KEY = """
Key equations
=============

.. key-equation:: eq-out

   What the neuron answers.

.. key-equation:: eq-sum

   The weighted sum.
"""


def build(project, chapter=CHAPTER, key=KEY):
    """Build the small project strictly; return (succeeded, warnings, key page's HTML)."""
    files = {"conf.py": CONF, "index.rst": INDEX, "chapter.rst": chapter, "key.rst": key}
    for name, text in files.items():
        path = project / name
        if not path.exists() or path.read_text() != textwrap.dedent(text):
            path.write_text(textwrap.dedent(text))
    out = project / "_build"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", project, out],
        capture_output=True,
        text=True,
    )
    page = out / "key.html"
    return result.returncode == 0, result.stderr, page.read_text() if page.exists() else ""


def test_the_page_shows_each_equation_numbered_linked_and_in_book_order(tmp_path):
    succeeded, warnings, html = build(tmp_path)
    assert succeeded, warnings
    assert 'href="chapter.html#equation-eq-sum"' in html
    assert 'href="chapter.html#equation-eq-out"' in html
    # The chapter's TeX, in the chapter's order, each with its meaning and section.
    assert html.index("z = x_1 w_1 + x_2 w_2") < html.index(r"\hat{y} = \sigma(z)")
    assert html.index("The weighted sum.") < html.index("What the neuron answers.")
    assert 'href="chapter.html#ch-one-sum"' in html
    assert 'href="chapter.html#ch-one-answer"' in html
    assert "(1.1)" in html and "(1.2)" in html


def test_a_renamed_label_stops_the_build(tmp_path):
    renamed = CHAPTER.replace("eq-sum", "eq-weighted-sum")
    succeeded, warnings, _ = build(tmp_path, chapter=renamed)
    assert not succeeded
    assert "'eq-weighted-sum' (in chapter) has no entry on the key-equations page" in warnings
    assert "key equation 'eq-sum': no chapter has an equation with that label" in warnings


def test_a_removed_equation_stops_the_build(tmp_path):
    removed = CHAPTER[: CHAPTER.index(".. math::\n   :label: eq-out")]
    succeeded, warnings, _ = build(tmp_path, chapter=removed)
    assert not succeeded
    assert "key equation 'eq-out': no chapter has an equation with that label" in warnings


def test_an_entry_twice_or_without_meaning_stops_the_build(tmp_path):
    twice = KEY + "\n.. key-equation:: eq-sum\n\n   Again.\n"
    succeeded, warnings, _ = build(tmp_path, key=twice)
    assert not succeeded and "key equation 'eq-sum' is listed twice" in warnings
    silent = KEY.replace("   What the neuron answers.\n", "")
    succeeded, warnings, _ = build(tmp_path, key=silent)
    assert not succeeded and "key equation 'eq-out' says nothing about" in warnings


def test_a_changed_equation_reaches_the_page_in_an_incremental_build(tmp_path):
    assert build(tmp_path)[0]
    changed = CHAPTER.replace("z = x_1 w_1 + x_2 w_2", "z = w_1 x_1 + w_2 x_2 + b")
    succeeded, warnings, html = build(tmp_path, chapter=changed)
    assert succeeded, warnings
    assert "z = w_1 x_1 + w_2 x_2 + b" in html and "z = x_1 w_1" not in html


def labelled_equations(name):
    """The labels of a chapter's numbered equations, read from its MyST source."""
    return re.findall(r"^\s*:label: (eq-[\w-]+)\s*$", (ROOT / f"{name}.md").read_text(), re.M)


def test_the_built_page_lists_every_numbered_equation_of_the_chapters(page):
    expected = [
        (name.split("/")[-1], label)
        for name in chapter_files()
        for label in labelled_equations(name)
    ]
    links = page("book/key-equations").select("main .key-equation p a[href*='#equation-']")
    listed = [tuple(a["href"].split(".html#equation-")) for a in links]
    assert listed == expected
    assert len(expected) >= 20


def test_every_entry_names_where_its_equation_is_derived(page):
    entries = page("book/key-equations").select("main .key-equation")
    for entry in entries:
        text = entry.get_text(" ", strip=True)
        assert "Derived in" in text, text
        assert entry.select_one("svg"), f"no rendered equation in {text!r}"
