"""The PDF as a book, not a printout of web pages (LaTeX builder only).

Sphinx's LaTeX writer takes the root page's title as the book's title and makes
every section of the root page a chapter, followed by every page of the table of
contents. This post-transform regroups the assembled book so that:

- the root page's text becomes one unnumbered chapter, the preface;
- the pages of numbered parts of `_toc.yml` are numbered chapters, numbered as
  on the website;
- the pages of unnumbered parts (notation, glossary, references) follow as
  unnumbered chapters, the back matter, whose figures and tables are numbered
  1, 2, ... as on the website (not as if they were the last chapter's);
- the bibliography, which Sphinx gathers at the very end of the book, is printed
  as part of the page that holds the `{bibliography}` directive (moved last)
  instead of as a second chapter of its own;
- the input of cells tagged `hide-input` (plotting code the website folds away)
  is left out: a reader of paper cannot unfold it, and the figure is what matters;
- tables are set a size smaller, with minus signs that never end a line;
- the few symbols the code font lacks (✗) are borrowed from the text font;
- exercises can be referenced from other chapters (sphinx-exercise's own LaTeX
  labels only serve references from the same page).

Nothing here names a chapter: the structure is read from the toc.
"""

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform


def raw_latex(text):
    return nodes.raw("", text + "\n", format="latex")


def has_file_ancestor(node):
    parent = node.parent
    while parent is not None:
        if isinstance(parent, addnodes.start_of_file):
            return True
        parent = parent.parent
    return False


class BookStructure(SphinxPostTransform):
    """Preface, numbered chapters, back matter; hidden cell inputs removed."""

    builders = ("latex",)
    default_priority = 5  # before Sphinx's own LaTeX post-transforms

    def run(self, **kwargs):
        self.remove_hidden_inputs()
        self.label_exercises()
        if self.env.docname == self.config.root_doc:
            self.regroup()

    def label_exercises(self):
        """Give each exercise the LaTeX label that references from other chapters use.

        sphinx-exercise labels an exercise `exercise:<label>`, which only its own
        page's references use; {numref} from another chapter asks for
        `<docname>:<label>` and would print "Exercise ??".
        """
        registry = getattr(self.env, "sphinx_exercise_registry", {})
        exercises = [
            node
            for node in self.document.findall(nodes.Element)
            if type(node).__name__ in ("exercise_node", "exercise_enumerable_node")
        ]
        for node in exercises:
            label = node.get("label")
            entry = registry.get(label)
            if not entry or entry.get("type") != "exercise":
                continue
            docname = entry["docname"]
            number = self.env.toc_fignumbers.get(docname, {}).get("exercise", {}).get(label, ())
            target = f"{docname}:{label}"
            node.parent.insert(
                node.parent.index(node),
                raw_latex(
                    r"\phantomsection{\expandafter\def\csname @currentlabel\endcsname"
                    rf"{{{'.'.join(map(str, number))}}}\label{{\detokenize{{{target}}}}}}}"
                ),
            )

    def remove_hidden_inputs(self):
        cells = [
            node
            for node in self.document.findall(nodes.container)
            if "tag_hide-input" in node["classes"]
        ]
        for cell in cells:
            for child in list(cell.children):
                if isinstance(child, nodes.container) and "cell_input" in child["classes"]:
                    cell.remove(child)

    def regroup(self):
        top = next(iter(self.document.findall(nodes.section)), None)
        if top is None:
            return
        files = [
            node for node in top.findall(addnodes.start_of_file) if not has_file_ancestor(node)
        ]
        title, *body = top.children
        for child in list(top.children):
            top.remove(child)
        # The root page's title is the book's title; its labels now name the preface.
        preface = nodes.section("", nodes.title("", self.config.pdfbook_preface_title))
        preface["ids"], top["ids"] = top["ids"], []
        preface.extend(
            child for child in body if not any(True for _ in child.findall(addnodes.start_of_file))
        )

        # LaTeX numbers a chapter when secnumdepth >= 0: switch numbering off for
        # the preface and back matter, and back on for the numbered chapters.
        children = [
            title,
            raw_latex(r"\edef\pdfbooksecnumdepth{\the\value{secnumdepth}}"),
            raw_latex(r"\setcounter{secnumdepth}{-1}"),
            preface,
        ]
        # Sphinx appends the bibliography to the end of the book: put the page that
        # holds it last, so that the bibliography ends that page (see PREAMBLE).
        cites = [start for start in files if any(True for _ in start.findall(nodes.citation))]
        if len(cites) == 1:
            files.remove(cites[0])
            files.append(cites[0])
        numbered_now = False
        for start in files:
            numbered = bool(self.env.toc_secnumbers.get(start["docname"]))
            if numbered != numbered_now:
                depth = r"\pdfbooksecnumdepth" if numbered else "-1"
                children.append(raw_latex(rf"\setcounter{{secnumdepth}}{{{depth}}}"))
                if not numbered:
                    children.append(raw_latex(BACK_MATTER_NUMBERS))
                numbered_now = numbered
            children.append(start)
        top.extend(children)


# An unnumbered chapter steps no chapter counter, so without this the back
# matter's first figure would be "Fig. 7.5", continuing the last chapter's.
BACK_MATTER_NUMBERS = (
    r"\setcounter{figure}{0}\renewcommand{\thefigure}{\arabic{figure}}"
    r"\setcounter{table}{0}\renewcommand{\thetable}{\arabic{table}}"
)

# The bibliography continues the chapter it ends instead of opening its own.
# Tables are set a size smaller, and a minus sign in them never ends a line
# (a wide table of weights would otherwise print -0.16 as "-" over "0.16").
# Symbols that the code font (FreeMono) lacks come from FreeSerif.
PREAMBLE = r"""
\usepackage{newunicodechar}
\newunicodechar{✗}{{\fontspec{FreeSerif}\char"2717}}
\newunicodechar{✘}{{\fontspec{FreeSerif}\char"2718}}
\makeatletter
\g@addto@macro\sphinxattablestart{\small\let\sphinxhyphen\sphinxhyphennobreak}
\renewenvironment{sphinxthebibliography}[1]{%
  \def\chapter##1##2{}\let\@mkboth\@gobbletwo
  \begin{thebibliography}{#1}}{\end{thebibliography}}
\makeatother
"""


def add_preamble(app, config):
    elements = dict(config.latex_elements)
    elements["preamble"] = elements.get("preamble", "") + PREAMBLE
    config.latex_elements = elements


def setup(app):
    app.add_config_value("pdfbook_preface_title", "Preface", "env")
    app.add_post_transform(BookStructure)
    app.connect("config-inited", add_preamble)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
