"""Controls whose accessible name holds the words they show (WCAG 2.5.3, Label in Name).

A voice-control user says what they see ("click Show code cell source"); that
works only when the control's accessible name contains its visible text. Two
controls named themselves otherwise with an `aria-label`:

- myst-nb's fold of a hidden code cell, shown as "Show code cell source" (or
  "Hide code cell source") and labelled "Toggle hidden content": the label is
  dropped, so the name is the words shown;
- the theme's search field in the sidebar, showing "Search Ctrl+K" and
  labelled "Search": accessible_names/search-button-field.html is the theme's own
  template without the label, so the name is the words shown.

axe-core checks this (rule label-content-name-mismatch) in the browser tests.

The bibliography's entries get a role assistive technology reads too. Docutils
marks each with the ARIA role doc-biblioentry, which ARIA 1.2 deprecates; inside
the citation list (role "list") that leaves a list without items, a critical axe
violation (rule aria-required-children). Here each entry is a plain list item,
which says the same.
"""

import os
from pathlib import Path

from docutils import nodes
from docutils.writers.html5_polyglot import HTMLTranslator

TEMPLATES = Path(__file__).parent / "accessible_names"
FOLD = '<summary aria-label="Toggle hidden content">'


def use_own_templates(app, config):
    # Before the theme's component folder, which pydata-sphinx-theme appends later.
    # Relative to the project, as Sphinx reads it: an absolute path would enter the
    # configuration's hash in .buildinfo, and two folders would build two sites.
    config.templates_path.insert(0, os.path.relpath(TEMPLATES, app.confdir))


def name_folds_by_their_words(app, pagename, templatename, context, doctree):
    if "body" in context:
        context["body"] = context["body"].replace(FOLD, "<summary>")


def visit_citation(translator, node):
    """Docutils' own visit_citation (docutils 0.21), with the role of a list item."""
    if not isinstance(node.previous_sibling(), type(node)):
        translator.body.append('<div role="list" class="citation-list">\n')
    translator.body.append(
        translator.starttag(node, "div", classes=[node.tagname], role="listitem")
    )


def setup(app):
    app.add_node(
        nodes.citation, override=True, html=(visit_citation, HTMLTranslator.depart_citation)
    )
    app.connect("config-inited", use_own_templates)
    app.connect("html-page-context", name_folds_by_their_words)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
