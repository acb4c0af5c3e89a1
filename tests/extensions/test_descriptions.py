"""descriptions.py: each page's meta description is its first real sentences."""

from descriptions import describe
from docutils import nodes


def paragraphs(*texts):
    document = nodes.document(None, None)
    for text in texts:
        document += nodes.paragraph(text, text)
    return document


def test_the_meta_description_is_the_first_real_sentence():
    context = {}
    describe(None, "p", "page.html", context, paragraphs("Short.", 'A "first" real sentence.'))
    assert context["metatags"] == (
        '<meta name="description" content="A &quot;first&quot; real sentence." />\n'
    )


def test_a_long_description_stops_at_a_word_within_160_characters():
    context = {}
    describe(None, "p", "page.html", context, paragraphs("word " * 36))
    content = context["metatags"].split('content="')[1].split('"')[0]
    assert len(content) <= 160 and content.endswith("word…")


def test_a_page_without_a_doctree_gets_no_description():
    context = {}
    describe(None, "search", "search.html", context, None)
    assert "metatags" not in context


def test_a_built_page_carries_its_description(tiny_site):
    text = (tiny_site / "index.html").read_text(encoding="utf-8")
    assert (
        '<meta name="description" content="The first paragraph of this tiny page says what '
        'it is about." />'
    ) in text
