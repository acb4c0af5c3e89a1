"""Load only what this book's readers use: a lighter page for the same content.

Jupyter Book's theme loads, on every page, scripts and styles for features this
book does not use, and holds up the first paint with some it does use. Through
Sphinx's hooks and templates, this extension:

- drops sphinx-thebe's files (live code cells in the page) and the configuration
  it writes into every page while thebe launch buttons are off (`launch_buttons:
  thebe` in `_config.yml`), and sphinx-design's (tabs, cards, grids) on pages that
  use none of them (`html-page-context`, `doctree-resolved`);
- defers the scripts that wait for the page to be ready anyway (Sphinx's search
  tools, which pydata-sphinx-theme loads in every page's head for its search
  pop-up, and the copy buttons, toggles and theme scripts), so that they no longer
  hold up the first paint: those the extensions register, through the page's
  `script_files`; the theme's own, through small overrides of its templates
  (lean_assets/templates, which also leave out Font Awesome's 1.5 MB script);
- adds the book's own style sheet (lean_assets/static/lean-assets.css: how inline
  SVG icons sit in the text, as Font Awesome's style sheet says, and fixes for what
  the browser tests found in the theme);
- makes figures after a page's first load as the reader scrolls near them
  (`loading="lazy"` on the doctree's image nodes), so that a phone spends its
  bandwidth on what is on screen first.

Two steps rewrite the built files when the build finishes, because what they
change exists only then (each module's docstring says why):

- lean_icons.py: the theme's icons as inline SVG and CSS masks, from Font
  Awesome's own package, so that no page loads Font Awesome's script or font;
- lean_styles.py: the dozen style sheets every page loads merged into one.

What readers do use stays: the navigation, the dark mode switch, the search
pop-up, the copy buttons on code, the toggles on hidden code and solutions.
"""

import hashlib
import os
from pathlib import Path

from docutils import nodes
from explorables import is_explorable
from lean_icons import (
    font_awesome_icons,
    glyph_shapes,
    icon_shapes,
    inline_icons,
    prune_theme_icon_rules,
)
from lean_styles import bundle_stylesheets, referenced_bundles, remove_unused_bundles
from sphinx.application import Sphinx

HERE = Path(__file__).parent
# The theme's templates this extension overrides, and its own style sheet.
TEMPLATES = HERE / "lean_assets" / "templates"
STATIC = HERE / "lean_assets" / "static"
CSS_NAME = "lean-assets.css"
# Scripts the extensions register that wait for the page anyway (they start their
# work when the document is ready): loaded with `defer`, they no longer hold up the
# first paint. (The theme's own search scripts are deferred in templates/layout.html.)
DEFERRABLE = {
    "doctools.js",
    "sphinx_highlight.js",
    "clipboard.min.js",
    "copybutton.js",
    "sphinx-book-theme.js",
    "togglebutton.js",
}
# What sphinx-thebe appends to every page's doctree, for thebe alone.
THEBE_RAW = ("text/x-thebe-config", "kernelName = ")


def thebe_on(app):
    launch = app.config.html_theme_options.get("launch_buttons", {}) or {}
    return bool(launch.get("thebe"))


def dropped(app, body):
    """Which registered files (by name) this page does not need."""
    names = set()
    if not thebe_on(app):
        names |= {"sphinx-thebe.js", "sphinx-thebe.css"}
    if 'class="sd-' not in body and " sd-" not in body:
        names |= {"design-tabs.js", "sphinx-design.min.css"}
    return names


def file_name(asset):
    """The name of the file a script or style sheet loads; an inline script's is ""."""
    return Path(str(asset.filename or "").split("?")[0]).name


def kept(asset, names):
    """Whether the page keeps the asset: not a dropped file, nor thebe's inline settings."""
    if asset.filename:
        return file_name(asset) not in names
    # An inline script (sphinx-thebe's settings, THEBE_JS_URL…) goes with thebe.
    body = asset.attributes.get("body", "")
    return not ("sphinx-thebe.js" in names and "thebe" in body.lower())


def deferred(script):
    """The script, loaded with `defer` if it is one that waits for the page anyway."""
    if file_name(script) not in DEFERRABLE or "defer" in script.attributes:
        return script
    attributes = {**script.attributes, "defer": "defer"}
    return type(script)(script.filename, priority=script.priority, **attributes)


def trim_page_assets(app, pagename, templatename, context, doctree):
    """Drop from the page the files of unused extensions; defer the scripts that can wait."""
    names = dropped(app, context.get("body", ""))
    if "css_files" in context:
        context["css_files"] = [css for css in context["css_files"] if kept(css, names)]
    if "script_files" in context:
        context["script_files"] = [
            deferred(js) for js in context["script_files"] if kept(js, names)
        ]


def drop_thebe_config(app, doctree, docname):
    """Without thebe, nothing reads the configuration sphinx-thebe writes into every page."""
    if thebe_on(app):
        return
    for raw in list(doctree.findall(nodes.raw)):
        if any(marker in raw.astext() for marker in THEBE_RAW):
            raw.parent.remove(raw)


def is_figure(node):
    """An image, or an explorable figure (whose first frame explorables.py shows as one)."""
    return isinstance(node, nodes.image) or is_explorable(node)


def lazy_figures(app, doctree, docname):
    """Figures after the first load as the reader scrolls to them, not all at once.

    Docutils' HTML writer gives an image node's `loading` to its <img>;
    explorables.py gives it to an explorable's first frame.
    """
    for node in list(doctree.findall(is_figure))[1:]:
        node.setdefault("loading", "lazy")


def rewrite_pages(app, exception):
    """The built pages' icons as SVG, and their style sheets as one (lean_icons, lean_styles)."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    icons = list(font_awesome_icons())
    shapes, glyphs = icon_shapes(icons), glyph_shapes(icons)
    prune_theme_icon_rules(outdir)
    bundles, referenced = {}, set()
    for page in sorted(outdir.rglob("*.html")):
        original = page.read_text(encoding="utf-8")
        text = inline_icons(original, shapes, page)
        text = bundle_stylesheets(outdir, page, text, bundles, glyphs)
        if text != original:
            page.write_text(text, encoding="utf-8")
        referenced |= referenced_bundles(text)
    remove_unused_bundles(outdir / "_static", referenced)


def use_own_files(app, config):
    """The template overrides (before the theme's) and the book's own style sheet."""
    # Relative to the project, as Sphinx reads them (accessible_names.py says why).
    config.templates_path.insert(0, os.path.relpath(TEMPLATES, app.confdir))
    config.html_static_path.append(os.path.relpath(STATIC, app.confdir))
    # Follow the reader's light or dark preference (the theme logs an error when unset).
    config.html_context.setdefault("default_mode", "auto")


def fingerprint():
    """A digest of this extension's files: Python modules, templates, style sheet."""
    files = [HERE / f"{name}.py" for name in ("lean_assets", "lean_icons", "lean_styles")]
    files += sorted(path for path in (HERE / "lean_assets").rglob("*") if path.is_file())
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def setup(app: Sphinx):
    # Sphinx rewrites every page when a config value changes; this one changes with
    # this extension's files.
    app.add_config_value("lean_assets_fingerprint", fingerprint(), "html")
    app.add_css_file(CSS_NAME)
    app.connect("config-inited", use_own_files)
    # Late (priority 900): after sphinx-thebe adds its configuration.
    app.connect("doctree-resolved", drop_thebe_config, priority=900)
    # Early (priority 400): before explorables.py lifts its figures' frames.
    app.connect("doctree-resolved", lazy_figures, priority=400)
    # Late (priority 900), after every extension has added its files to the page.
    app.connect("html-page-context", trim_page_assets, priority=900)
    # Last of all (priority 900): after the theme rewrites pygments.css and after mathsvg
    # writes its style sheet, both at build-finished too.
    app.connect("build-finished", rewrite_pages, priority=900)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
