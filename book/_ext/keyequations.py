"""The key-equations page, made from the chapters' own numbered equations.

The page gives, for each numbered (labelled) equation of the book, one line
that says what it means:

    :::{key-equation} eq-sigmoid
    The sigmoid squashes any weighted sum into an answer between 0 and 1.
    :::

and nothing else. The equation itself, its number, the chapter and the
section that derives it are taken from the chapters when the book is built,
and the entries are shown in the book's order, so the page cannot show an
equation other than the chapter's. Where the page and the chapters disagree,
the build warns, and the strict build (-W) stops: an equation that no entry
explains, an entry whose label no equation has, an entry given twice.

Use: a page with `{key-equation}` entries; the extension does the rest, in
the HTML and the LaTeX (PDF) builds alike.
"""

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)


class key_equation(nodes.General, nodes.Element):  # noqa: N801 (docutils style)
    """One entry of the page: the label and its meaning, until it is filled in."""


class KeyEquation(SphinxDirective):
    """`{key-equation} <label>`, with the equation's meaning as its content."""

    required_arguments = 1
    has_content = True

    def run(self):
        label = self.arguments[0]
        node = key_equation(label=label)
        self.set_source_info(node)
        node += self.parse_content_to_nodes()
        if not any(True for _ in node.findall(nodes.paragraph)):
            logger.warning(
                "key equation %r says nothing about what it means",
                label,
                location=node,
                type="keyequations",
            )
        if not hasattr(self.env, "key_equation_pages"):
            self.env.key_equation_pages = {}
        listed = self.env.key_equation_pages.setdefault(self.env.docname, [])
        if label in listed:
            logger.warning(
                "key equation %r is listed twice", label, location=node, type="keyequations"
            )
        listed.append(label)
        return [node]


def section_label(document, node):
    """The explicit label (`(label)=`) of the section that holds `node`, or None."""
    explicit = {
        document.nameids[name]: name
        for name, is_explicit in document.nametypes.items()
        if is_explicit and document.nameids.get(name)
    }
    section = node.parent
    while section is not None:
        if isinstance(section, nodes.section):
            for node_id in section["ids"]:
                if node_id in explicit:
                    return explicit[node_id]
        section = section.parent
    return None


def record_equations(app, document):
    """Remember every labelled equation of the page just read: its TeX and section."""
    env = app.env
    equations = getattr(env, "key_equation_sources", {})
    env.key_equation_sources = equations
    for node in document.findall(nodes.math_block):
        if node.get("label"):
            equations[node["label"]] = {
                "docname": env.docname,
                "latex": node.astext(),
                "nowrap": node.get("nowrap", False),
                "section": section_label(document, node),
            }


def purge(app, env, docname):
    sources = getattr(env, "key_equation_sources", {})
    for label in [key for key, value in sources.items() if value["docname"] == docname]:
        del sources[label]
    getattr(env, "key_equation_pages", {}).pop(docname, None)


def reread_pages(app, env, added, changed, removed):
    """A chapter changed: read the key-equations page again, so it is rewritten."""
    if added or changed or removed:
        return list(getattr(env, "key_equation_pages", {}))
    return []


def merge(app, env, docnames, other):
    for attribute in ("key_equation_sources", "key_equation_pages"):
        mine = getattr(env, attribute, {})
        mine.update(getattr(other, attribute, {}))
        setattr(env, attribute, mine)


def reading_order(env):
    """Every page in the order of the table of contents, starting from the root."""
    order = []

    def visit(docname):
        if docname in order:
            return
        order.append(docname)
        for child in env.toctree_includes.get(docname, []):
            visit(child)

    visit(env.config.root_doc)
    return order


def book_equations(env):
    """The labels of the book's numbered equations (outside the key pages), in order."""
    pages = getattr(env, "key_equation_pages", {})
    sources = getattr(env, "key_equation_sources", {})
    numbers = env.get_domain("math").data["objects"]
    position = {docname: index for index, docname in enumerate(reading_order(env))}
    labels = [
        label
        for label, source in sources.items()
        if source["docname"] not in pages and label in numbers
    ]
    return sorted(
        labels, key=lambda label: (position.get(sources[label]["docname"], 0), numbers[label][1])
    )


def check(app, env):
    """Warn where the key-equations page and the chapters disagree."""
    pages = getattr(env, "key_equation_pages", {})
    if not pages:
        return
    listed = {label: docname for docname, labels in pages.items() for label in labels}
    equations = book_equations(env)
    for label in equations:
        if label not in listed:
            logger.warning(
                "equation %r (in %s) has no entry on the key-equations page %s",
                label,
                env.key_equation_sources[label]["docname"],
                ", ".join(sorted(pages)),
                type="keyequations",
            )
    for label, docname in listed.items():
        if label not in equations:
            logger.warning(
                "key equation %r: no chapter has an equation with that label",
                label,
                location=docname,
                type="keyequations",
            )


def pending_reference(domain, reftype, target, fromdoc, text=""):
    """A cross-reference for Sphinx to resolve, as if the page held {eq} or {ref}."""
    reference = addnodes.pending_xref(
        "",
        nodes.inline("", text),
        refdomain=domain,
        reftype=reftype,
        reftarget=target,
        refdoc=fromdoc,
        refexplicit=False,
        refwarn=True,
    )
    return reference


class FillKeyEquations(SphinxPostTransform):
    """Replace the entries by the equations, numbered and linked, in the book's order."""

    default_priority = 4  # before the references are resolved and the PDF regrouped

    def run(self, **kwargs):
        entries = list(self.document.findall(key_equation))
        if not entries:
            return
        env = self.env
        sources = env.key_equation_sources
        meanings = {entry["label"]: entry for entry in entries}
        fromdoc = env.docname
        numbers = env.toc_secnumbers
        block = nodes.container(classes=["key-equations"])
        chapter = None
        for label in book_equations(env):
            if label not in meanings:
                continue
            source = sources[label]
            if source["docname"] != chapter:
                chapter = source["docname"]
                number = numbers.get(chapter, {}).get("", ())
                heading = nodes.rubric(classes=["key-equations-chapter"])
                if number:
                    heading += nodes.Text(f"Chapter {'.'.join(map(str, number))}: ")
                heading += pending_reference("std", "doc", "/" + chapter, fromdoc)
                block += heading
            block += self.entry(label, source, meanings[label], fromdoc)
        entries[0].replace_self(block)
        for entry in entries[1:]:
            entry.parent.remove(entry)

    def entry(self, label, source, meaning, fromdoc):
        item = nodes.container(classes=["key-equation"])
        item += nodes.math_block(
            source["latex"],
            source["latex"],
            docname=fromdoc,
            number=None,
            label=None,
            nowrap=source["nowrap"],
        )
        line = nodes.paragraph()
        line += pending_reference("math", "eq", label, fromdoc)
        line += nodes.Text(" ")
        for paragraph in meaning.findall(nodes.paragraph):
            line.extend(child.deepcopy() for child in paragraph.children)
        if source["section"]:
            line += nodes.Text(" Derived in ")
            line += pending_reference("std", "ref", source["section"], fromdoc)
            line += nodes.Text(".")
        item += line
        return item


def setup(app):
    app.add_node(key_equation)
    app.add_directive("key-equation", KeyEquation)
    app.add_post_transform(FillKeyEquations)
    app.connect("doctree-read", record_equations)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("env-get-outdated", reread_pages)
    app.connect("env-check-consistency", check)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
