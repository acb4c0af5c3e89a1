"""lean_icons.py, step by step, on small hand-made pages, style sheets and icon lists."""

import json
import logging

import pytest
from lean_icons import (
    font_awesome_icons,
    glyph_shapes,
    icon_shapes,
    inline_icons,
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


def test_an_icon_tag_becomes_its_svg_keeping_its_classes_and_title(font_awesome):
    shapes = icon_shapes(font_awesome_icons(font_awesome))
    page = '<a><i class="fa-brands fa-github fa-lg" title="Source"></i></a><p>fa-text</p>'
    assert inline_icons(page, shapes, "page.html") == (
        '<a><svg class="svg-inline--fa fa-brands fa-github fa-lg" title="Source" '
        'aria-hidden="true" focusable="false" role="presentation" '
        'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 496 512">'
        '<path fill="currentColor" d="M1 1z"/></svg></a><p>fa-text</p>'
    )


def test_an_unknown_icon_stays_and_is_a_warning(font_awesome, caplog):
    caplog.set_level(logging.WARNING)
    page = '<i class="fa-solid fa-unknown"></i>'
    assert inline_icons(page, icon_shapes(font_awesome_icons(font_awesome)), "p.html") == page
    assert "no icon for" in caplog.text
