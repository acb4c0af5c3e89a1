"""lean_assets.py: each hook on small hand-made inputs, then what a tiny site's pages load."""

import re
from types import SimpleNamespace

import pytest
from docutils import nodes
from lean_assets import drop_thebe_config, dropped, lazy_figures, trim_page_assets
from sphinx.builders.html._assets import _CascadingStyleSheet, _JavaScript


def app(thebe=False):
    return SimpleNamespace(
        config=SimpleNamespace(html_theme_options={"launch_buttons": {"thebe": thebe}})
    )


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


def page_context():
    return {
        "body": "<p>text</p>",
        "css_files": [_CascadingStyleSheet("_static/sphinx-thebe.css"), _CascadingStyleSheet("a")],
        "script_files": [
            _JavaScript("_static/documentation_options.js"),
            _JavaScript("_static/doctools.js", priority=200),
            _JavaScript("_static/sphinx-thebe.js", **{"async": "async"}),
            _JavaScript(None, body='const THEBE_JS_URL = "https://unpkg.com/thebe"'),
            _JavaScript(None, body="DOCUMENTATION_OPTIONS.pagename = 'p';"),
            _JavaScript("_static/copybutton.js?v=1", defer="defer"),
        ],
    }


def test_scripts_that_wait_for_the_page_are_deferred_and_thebe_goes():
    context = page_context()
    trim_page_assets(app(), "p", "page.html", context, None)
    assert [css.filename for css in context["css_files"]] == ["a"]
    scripts = [(js.filename, js.priority, js.attributes) for js in context["script_files"]]
    assert scripts == [
        ("_static/documentation_options.js", 500, {}),
        ("_static/doctools.js", 200, {"defer": "defer"}),
        (None, 500, {"body": "DOCUMENTATION_OPTIONS.pagename = 'p';"}),
        ("_static/copybutton.js?v=1", 500, {"defer": "defer"}),
    ]


def test_with_thebe_on_its_files_and_settings_stay():
    context = page_context()
    trim_page_assets(app(thebe=True), "p", "page.html", context, None)
    assert len(context["css_files"]) == 2 and len(context["script_files"]) == 6


def thebe_doctree():
    document = nodes.document(None, None)
    document += nodes.paragraph("text", "text")
    config = '<script type="text/x-thebe-config">{requestKernel: true}</script>'
    document += nodes.raw(text=config, format="html")
    document += nodes.raw(text="<script>kernelName = 'python3'</script>", format="html")
    document += nodes.raw(text="<b>an output</b>", format="html")
    return document


@pytest.mark.parametrize(("thebe", "left"), [(False, 1), (True, 3)])
def test_thebes_settings_leave_the_page_while_thebe_is_off(thebe, left):
    document = thebe_doctree()
    drop_thebe_config(app(thebe), document, "p")
    assert len(list(document.findall(nodes.raw))) == left
    assert document.astext().startswith("text")


EXPLORABLE = (
    '<div class="explorable"><img src="data:image/png;base64,AA==">'
    '<script type="application/json" class="explorable-data">{}</script></div>'
)


def test_figures_after_the_first_load_lazily_explorables_included():
    document = nodes.document(None, None)
    document += nodes.image(uri="a.png")
    document += nodes.raw(text=EXPLORABLE, format="html")
    document += nodes.figure("", nodes.image(uri="b.png"))
    document += nodes.image(uri="c.png", loading="eager")
    lazy_figures(None, document, "p")
    images = list(document.findall(nodes.image))
    assert [image.get("loading") for image in images] == [None, "lazy", "eager"]
    assert next(document.findall(nodes.raw))["loading"] == "lazy"


def test_an_explorable_as_the_first_figure_stays_eager():
    document = nodes.document(None, None)
    document += nodes.raw(text=EXPLORABLE, format="html")
    document += nodes.image(uri="a.png")
    lazy_figures(None, document, "p")
    assert "loading" not in next(document.findall(nodes.raw))
    assert next(document.findall(nodes.image))["loading"] == "lazy"


# What a real build makes of it: the template overrides, the writer's attributes.


def head(tiny_site, page="index.html"):
    text = (tiny_site / page).read_text(encoding="utf-8")
    return text, text[: text.index("</head>")]


@pytest.mark.parametrize("page", ["index.html", "search.html"])
def test_every_script_that_can_wait_is_deferred(tiny_site, page):
    _, top = head(tiny_site, page)
    blocking = re.findall(r'<script (?![^>]*\bdefer)[^>]*src="([^"]+)"', top)
    assert [file_name(src) for src in blocking] == ["documentation_options.js"]
    for name in ("searchtools.js", "language_data.js", "searchindex.js", "doctools.js"):
        assert re.search(rf'<script defer[^>]*src="[^"]*{name}', top), name


def file_name(src):
    return src.split("?")[0].rsplit("/", 1)[-1]


def test_no_page_loads_font_awesome(tiny_site):
    for page in ("index.html", "search.html", "genindex.html"):
        text, _ = head(tiny_site, page)
        assert "fontawesome" not in text and '<i class="fa' not in text, page
        assert "svg-inline--fa" in text, page


def test_the_second_figure_loads_lazily_the_first_does_not(tiny_site):
    text, _ = head(tiny_site)
    first, second = re.findall(r"<img [^>]*>", text[text.index("<main") :])
    assert "loading" not in first and 'loading="lazy"' in second


def test_one_style_sheet_with_the_books_own_rules(tiny_site):
    _, top = head(tiny_site)
    (sheet,) = re.findall(r'<link rel="stylesheet" href="([^"]+)"', top)
    css = (tiny_site / sheet).read_text(encoding="utf-8")
    assert ".svg-inline--fa" in css and "a.headerlink" in css
    assert not re.search(r"@font-face\s*\{[^}]*Font Awesome", css)
