"""Each page's meta description: its first sentences, which search engines show under the link."""

import html

from docutils import nodes

# Shorter paragraphs are labels or lone sentences ("Short."), not a description.
SHORTEST = 15
# Search engines cut a description at about 160 characters.
LONGEST = 160


def description(doctree):
    """The page's first real paragraph, cut at a word within LONGEST characters; or None."""
    for paragraph in doctree.findall(nodes.paragraph):
        text = " ".join(paragraph.astext().split())
        if len(text) >= SHORTEST:
            if len(text) > LONGEST:
                text = text[: LONGEST - 3].rsplit(" ", 1)[0] + "…"
            return text
    return None


def describe(app, pagename, templatename, context, doctree):
    """Add the page's description to its meta tags (pages without a doctree have none)."""
    text = description(doctree) if doctree is not None else None
    if text is not None:
        meta = f'<meta name="description" content="{html.escape(text, quote=True)}" />\n'
        context["metatags"] = context.get("metatags", "") + meta


def setup(app):
    app.connect("html-page-context", describe)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
