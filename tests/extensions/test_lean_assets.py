"""lean_assets.py, step by step, on small hand-made pages, style sheets and icon lists."""

import json
import logging
from types import SimpleNamespace

import pytest
from docutils import nodes
from lean_assets import (
    BLOCKING,
    describe,
    dropped,
    font_awesome_icons,
    glyph_shapes,
    lazy_images,
    mask_icon_glyphs,
    prune_icon_rules,
)
from sphinx.errors import ExtensionError

PENCIL = 0xF303
# Font Awesome's list of its icons (metadata/icon-families.json), cut to two.
FAMILIES = {
    "pencil": {
        "unicode": "f303",
        "aliases": {"names": ["pencil-alt"], "unicodes": {"composite": ["270f", "f040"]}},
        "svgs": {"classic": {"solid": {"width": 512, "height": 512, "path": "M0 0h512v512z"}}},
    },
    "github": {
        "unicode": "f09b",
        "svgs": {"classic": {"brands": {"width": 496, "height": 512, "path": "M1 1z"}}},
    },
}


@pytest.fixture
def font_awesome(tmp_path):
    """A Font Awesome package with two icons."""
    (tmp_path / "metadata").mkdir()
    (tmp_path / "metadata" / "icon-families.json").write_text(json.dumps(FAMILIES))
    return tmp_path


def app(thebe=False):
    return SimpleNamespace(
        config=SimpleNamespace(html_theme_options={"launch_buttons": {"thebe": thebe}})
    )


def test_icons_are_read_from_font_awesomes_package(font_awesome):
    pencil = ("512", "512", [PENCIL, 0x270F, 0xF040], "M0 0h512v512z")
    assert list(font_awesome_icons(font_awesome)) == [
        ("fas", "pencil", *pencil),
        ("fas", "pencil-alt", *pencil),
        ("fab", "github", "496", "512", [0xF09B], "M1 1z"),
    ]
    glyphs = glyph_shapes(font_awesome_icons(font_awesome))
    assert glyphs[PENCIL] == glyphs[0xF040] == ("pencil", "512", "512", "M0 0h512v512z")
    assert 0x270F not in glyphs  # a plain character (✏), not one of the font's own


def test_without_the_package_the_build_says_how_to_install_it(tmp_path):
    with pytest.raises(ExtensionError, match="npm ci --prefix book/_ext"):
        list(font_awesome_icons(tmp_path))


def test_the_pinned_package_draws_the_exercise_pencil():
    (pencil,) = [icon for icon in font_awesome_icons() if icon[1] == "pencil"]
    assert pencil[4][0] == PENCIL and pencil[5].startswith("M")


ICON_CSS = (
    '@font-face{font-family:"Font Awesome 6 Free";src:url(fa-solid-900.woff2)}'
    '.exercise .admonition-title::after{content:"\\f303";font-family:"Font Awesome 6 Free";'
    "color:red}"
)


def test_a_glyph_becomes_a_mask_of_its_shape_and_the_font_goes(font_awesome):
    glyphs = glyph_shapes(font_awesome_icons(font_awesome))
    css = mask_icon_glyphs(ICON_CSS, glyphs)
    assert "@font-face" not in css and "Font Awesome" not in css
    assert "mask:var(--lean-icon-pencil)" in css and "color:red" in css
    assert '--lean-icon-pencil:url("data:image/svg+xml,%3Csvg' in css
    assert "d='M0 0h512v512z'" in css


def test_a_glyph_without_a_shape_is_a_warning_not_an_empty_box(caplog):
    caplog.set_level(logging.WARNING)
    mask_icon_glyphs(ICON_CSS, {})
    assert "no shape for the icon-font glyphs U+F303" in caplog.text


def test_only_the_icon_rules_kept_are_left():
    css = 'a{color:red}.fa-xmark:before{content:"x"}.fa-pen:before,.fa-pencil:before{content:"p"}'
    assert prune_icon_rules(css, {"xmark"}) == 'a{color:red}.fa-xmark:before{content:"x"}'


@pytest.mark.parametrize(
    ("thebe", "body", "gone"),
    [
        (
            False,
            "<p>text</p>",
            {"sphinx-thebe.js", "sphinx-thebe.css", "design-tabs.js", "sphinx-design.min.css"},
        ),
        (True, '<div class="sd-card">', set()),
        (False, '<div class="sd-tab-set">', {"sphinx-thebe.js", "sphinx-thebe.css"}),
    ],
)
def test_thebe_and_design_files_go_where_unused(thebe, body, gone):
    assert dropped(app(thebe), body) == gone


@pytest.mark.parametrize(
    ("tag", "deferred"),
    [
        ('<script src="../_static/searchtools.js?v=5">', True),
        ('<script src="_static/doctools.js">', True),
        ('<script src="_static/scripts/bootstrap.js">', False),
        ('<script defer src="_static/copybutton.js">', False),
    ],
)
def test_scripts_that_wait_for_the_page_are_deferred(tag, deferred):
    assert (BLOCKING.sub(r'<script defer src="\g<src>">', tag) != tag) is deferred


def test_figures_after_the_first_load_lazily():
    page = (
        '<header><img src="logo.png"></header><main>'
        '<img src="a.png"><img src="b.png"><img loading="eager" src="c.png"></main>'
    )
    assert lazy_images(page) == (
        '<header><img src="logo.png"></header><main><img src="a.png">'
        '<img loading="lazy" decoding="async" src="b.png"><img loading="eager" src="c.png"></main>'
    )


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
