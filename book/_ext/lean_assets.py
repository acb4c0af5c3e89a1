"""Load only what this book's readers use: a lighter page for the same content.

Jupyter Book's theme loads, on every page, scripts and styles for features this
book does not use, and one very heavy one for a feature it does:

- sphinx-thebe (live code cells in the page): dropped while thebe launch buttons
  are off (`launch_buttons: thebe` in `_config.yml`);
- sphinx-design (tabs, cards, grids): dropped on pages that use none of them;
- Font Awesome, 1.5 MB of script that replaces the theme's dozen `<i class="fa-…">`
  icons with SVG in the browser: this extension does that replacement once, at
  build time, with the icons' shapes taken from Font Awesome's own package (npm,
  pinned in package.json to the version the theme carries), so the page carries
  a few kilobytes of SVG and no script;
- the search index and its tools, loaded in every page's head by pydata-sphinx-theme
  for its search pop-up, and the scripts of the copy buttons, toggles and theme, all
  of which wait for the page to be ready anyway: kept, but deferred, so that they
  no longer hold up the first paint;
- Font Awesome's icon font (156 kB for its solid face), which the theme's style
  sheets still draw some icons with, as a character in a ::before or ::after: an
  admonition's (the exercises' pencil), an external link's, a download link's. Each
  such glyph becomes a box of the glyph's size and place, painted in the text's
  colour through a CSS mask of the same shape (from the same Font Awesome package),
  so it follows the light and dark themes as the glyph did; the font's @font-face
  rules go, and no page downloads a font;
- the theme's style sheet keeps the icon-font rule of the one icon its script may
  still add to a page (a banner's close button) and drops the other 1,900 (a fifth
  of its size, parsed on every page): the page's own icons are SVG.

Figures after the first one load as the reader scrolls near them (`loading="lazy"`),
so that a phone spends its bandwidth on what is on screen first.

Last, the dozen style sheets that every page loads one by one (and one @import
behind them) become one file, fetched in one request before the first paint. The
icon glyphs become masks in that file, where each glyph's character (often set by
one extension's sheet) and its font (by the theme's) meet.

It also gives each page a meta description (its first sentences), for the line a
search engine shows under the link.

What readers do use stays: the navigation, the dark mode switch, the search
pop-up, the copy buttons on code, the toggles on hidden code and solutions.
"""

import hashlib
import html
import json
import posixpath
import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging

logger = logging.getLogger(__name__)

CSS_NAME = "lean-assets.css"  # icons, and the fixes below
# What Font Awesome's own style sheet says about the inline SVG it makes, for the
# classes the theme uses.
CSS = """\
.svg-inline--fa {
  display: var(--fa-display, inline-block);
  height: 1em;
  overflow: visible;
  vertical-align: -0.125em;
}
.fa-lg {
  font-size: 1.25em;
  line-height: 0.05em;
  vertical-align: -0.075em;
}
/* Fixes for what the browser tests found in the theme. */
/* A heading's hidden "#" link must not push a phone's page sideways... */
a.headerlink {
  display: inline-block;
}
/* ...nor a long word in the previous/next links at the foot of the page. */
.prev-next-area a,
.prev-next-info {
  min-width: 0;
}
.prev-next-title {
  overflow-wrap: anywhere;
}
/* ...and on a phone, table cells keep less padding, so that the puzzle's five
   columns fit without scrolling. */
@media (max-width: 575.98px) {
  table.table th,
  table.table td {
    padding-left: 0.3rem;
    padding-right: 0.3rem;
  }
}
/* The theme's blue links on an admonition's blue tint fall short of WCAG AA contrast. */
html[data-theme="light"] .admonition a:not(.headerlink) {
  color: #0b55bd;
}
"""
# Font Awesome's own package (npm), pinned to the version the theme carries.
FONT_AWESOME = Path(__file__).parent / "node_modules" / "@fortawesome" / "fontawesome-free"
FAMILIES = {"solid": "fas", "regular": "far", "brands": "fab"}
ICON_TAG = re.compile(
    r"<(?P<tag>i|span) (?P<attrs>[^>]*\bclass=\"(?P<classes>[^\"]*\bfa-[^\"]*)\"[^>]*)>"
    r"\s*</(?P=tag)>"
)
THEME_CSS = "_static/styles/pydata-sphinx-theme.css"
# One rule per Font Awesome icon (about 1,900 of them, a fifth of the theme's style
# sheet), each giving the icon's character in the icon font.
ICON_RULE = re.compile(r'(?<=\})((?:\.fa-[\w-]+:before,?)+)\{content:"[^"]*"\}')
# Icons the theme's script may still create in the page (a banner's close button): the
# only icon-font rules a page needs, since every icon in the HTML becomes SVG.
SCRIPTED_ICONS = {"xmark"}
PRIVATE_USE = (0xE000, 0xF8FF)
ATTRIBUTE = re.compile(r'([\w:-]+)="([^"]*)"')
STYLES = {"fa-solid": "fas", "fas": "fas", "fa-regular": "far", "far": "far"}
STYLES |= {"fa-brands": "fab", "fab": "fab"}
MODIFIERS = {"fa-lg", "fa-sm", "fa-xs", "fa-fw", "fa-2x", "fa-3x"}
THEBE_CONFIG = re.compile(r'\s*<script type="text/x-thebe-config">.*?</script>', re.S)
# Scripts in the head that wait for the page anyway (they start their work when the
# document is ready): loaded with `defer`, they no longer hold up the first paint.
DEFERRABLE = [
    "searchtools.js",
    "language_data.js",
    "searchindex.js",
    "doctools.js",
    "sphinx_highlight.js",
    "clipboard.min.js",
    "copybutton.js",
    "sphinx-book-theme.js",
    "togglebutton.js",
]
DEFERRABLE_NAMES = "|".join(map(re.escape, DEFERRABLE))
BLOCKING = re.compile(rf'<script src="(?P<src>(?:[^"]*/)?(?:{DEFERRABLE_NAMES})(?:\?[^"]*)?)">')


def dropped(app, body):
    """Which registered files (by name) this page does not need."""
    names = set()
    launch = app.config.html_theme_options.get("launch_buttons", {}) or {}
    if not launch.get("thebe"):
        names |= {"sphinx-thebe.js", "sphinx-thebe.css"}
    if 'class="sd-' not in body and " sd-" not in body:
        names |= {"design-tabs.js", "sphinx-design.min.css"}
    return names


def prune_registered_files(app, pagename, templatename, context, doctree):
    """Drop from the page the scripts and styles registered by unused extensions."""
    names = dropped(app, context.get("body", ""))

    def keep(asset):
        filename = getattr(asset, "filename", str(asset)) or ""
        if not filename:
            # An inline script: thebe's configuration goes with thebe.
            body = getattr(asset, "attributes", {}).get("body", "")
            kind = getattr(asset, "attributes", {}).get("type", "")
            return not ("sphinx-thebe.js" in names and ("thebe" in kind or "thebe" in body))
        return Path(filename.split("?")[0]).name not in names

    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if keep(asset)]


def font_awesome_icons(package=FONT_AWESOME):
    """(style, name, width, height, code points, path) of every icon of Font Awesome.

    From the pinned npm package's own list of its icons (book/_ext/package.json, the
    version the theme carries; theme_check.py stops the build when they differ): each
    icon under its name and its other names, with its code point and the other code
    points the font draws it at.
    """
    families = package / "metadata" / "icon-families.json"
    if not families.is_file():
        raise ExtensionError(
            "lean_assets needs Font Awesome's icons: run `npm ci --prefix book/_ext` "
            "(`make book` does this for you)"
        )
    icons = json.loads(families.read_text(encoding="utf-8"))
    for family, style in FAMILIES.items():
        for name, icon in icons.items():
            shape = icon["svgs"].get("classic", {}).get(family)
            if shape is None:
                continue
            unicodes = icon.get("aliases", {}).get("unicodes", {})
            others = unicodes.get("composite", []) + unicodes.get("primary", [])
            codes = [int(icon["unicode"], 16), *(int(code, 16) for code in others)]
            width, height = str(shape["width"]), str(shape["height"])
            for alias in [name, *icon.get("aliases", {}).get("names", [])]:
                yield style, alias, width, height, codes, shape["path"]


def icon_shapes(icons):
    """{(style, name): (width, height, path)}, for the `<i class="fa-…">` tags."""
    shapes = {}
    for style, name, width, height, _, path in icons:
        shapes.setdefault((style, name), (width, height, path))
    return shapes


def glyph_shapes(icons):
    """{code point: (name, width, height, path)}: what the icon font draws at each character.

    Solid before brands, the two faces the theme's style sheets draw with; only code
    points of Unicode's private use area, since Font Awesome also draws icons at plain
    letters and digits ("a", "+"), which a style sheet's `content` means as text.
    """
    glyphs = {}
    for wanted in ("fas", "fab"):
        for style, name, width, height, codes, path in icons:
            for code in codes:
                if style == wanted and PRIVATE_USE[0] <= code <= PRIVATE_USE[1]:
                    glyphs.setdefault(code, (name, width, height, path))
    return glyphs


def inline_icon(shapes, tag):
    """The `<svg>` for one `<i class="fa-…">` tag, keeping its classes and attributes."""
    classes = tag.group("classes").split()
    style = next((STYLES[c] for c in classes if c in STYLES), "fas")
    names = [c[3:] for c in classes if c.startswith("fa-") and c not in set(STYLES) | MODIFIERS]
    if not names or (style, names[-1]) not in shapes:
        return None
    width, height, path = shapes[(style, names[-1])]
    attributes = dict(ATTRIBUTE.findall(tag.group("attrs")))
    attributes["class"] = " ".join(["svg-inline--fa", *classes])
    attributes.setdefault("aria-hidden", "true")
    rest = " ".join(f'{key}="{value}"' for key, value in attributes.items())
    return (
        f'<svg {rest} focusable="false" role="presentation" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {width} {height}"><path fill="currentColor" d="{html.escape(path)}"/></svg>'
    )


def prune_icon_rules(css, keep):
    """The theme's style sheet without the icon-font rules of icons no page uses."""

    def rule(match):
        names = {name[4:-7] for name in match.group(1).split(",") if name}
        return match.group(0) if names & keep else ""

    return ICON_RULE.sub(rule, css)


# The theme draws some icons (an admonition's, an external link's) as a character of the
# icon font in a ::before or ::after. Below, each becomes a box the glyph's size, painted
# in the text's colour through a mask of the same shape, so no page needs the font.
CSS_RULE = re.compile(r"(?P<selectors>[^{}]+)\{(?P<body>[^{}]*)\}")
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
# A declaration ends at a semicolon that is not inside a string.
DECLARATION = re.compile(r"""(?:[^;"']|"[^"]*"|'[^']*')+""")
CUSTOM_PROPERTY = re.compile(r"(?<![\w-])(--[\w-]+)\s*:\s*([^;{}]+)")
PSEUDO_ELEMENT = re.compile(r"::?(?:before|after)$")
# A glyph of the font is 1em high (512 units) and as wide as its shape, and sits in the
# middle of its line: the font's ascent and descent (459 and 75 units) centre the line
# 0.375em above the baseline, as they centre the shape. So the box is one line high
# (1lh), the shape centred in it; inline, the box sits where the glyph's line did.
MASKED_GLYPH = (
    'content:"";display:inline-block;box-sizing:content-box;width:{width};height:1lh;'
    "vertical-align:calc(-.125em - (1lh - 1em)/2);background-color:currentColor;"
    "-webkit-mask:var({icon}) center/100% 1em no-repeat content-box;"
    "mask:var({icon}) center/100% 1em no-repeat content-box"
)


def custom_properties(css):
    """{name: the values it is given} for every CSS variable set in the style sheet."""
    values = {}
    for name, value in CUSTOM_PROPERTY.findall(CSS_COMMENT.sub("", css)):
        values.setdefault(name, set()).add(value.strip())
    return values


def glyph_code(value, variables):
    """The code point a `content` value shows, if it is one character; None otherwise.

    The theme names its icons through variables (`var(--pst-icon-admonition-note)`,
    itself `var(--pst-icon-info-circle)`), each set once, in :root.
    """
    for _ in range(5):
        name = re.fullmatch(r"\s*var\((--[\w-]+)\)\s*", value)
        if name is None or len(variables.get(name.group(1), ())) != 1:
            break
        (value,) = variables[name.group(1)]
    string = re.fullmatch(r"""\s*(["'])(.*)\1\s*""", value)
    if string is None:
        return None
    text = re.sub(r"\\([0-9a-fA-F]{1,6}) ?", lambda e: chr(int(e.group(1), 16)), string.group(2))
    return ord(text) if len(text) == 1 else None


def masked_declarations(body, glyphs, variables, icons, missing):
    """A ::before or ::after rule's declarations with its icon-font glyph drawn as a mask.

    Only what is about the font goes: its family (the `font` shorthand's line height of 1
    stays), and a glyph `content`, whose box and mask come last, after any width and
    height the rule gave the glyph's line. The mask's shape is added to `icons`; a glyph
    of the icon font with no known shape, to `missing`.
    """
    kept, glyph, font, code = [], None, False, None
    for declaration in DECLARATION.findall(body):
        prop, _, value = declaration.partition(":")
        prop = prop.strip().lower()
        if prop == "font" and "--fa-font-" in value:
            kept.append("line-height:1")
            font = True
        elif prop == "font-family" and "Font Awesome" in value:
            font = True
        elif prop == "content" and (code := glyph_code(value, variables)) in glyphs:
            glyph = glyphs[code]
        elif declaration.strip():
            kept.append(declaration.strip())
    if glyph is None and not font:
        return body
    if glyph is None and code is not None and PRIVATE_USE[0] <= code <= PRIVATE_USE[1]:
        missing.add(code)
    if glyph is not None:
        name, width, height, _ = glyph
        icons[name] = glyph
        width = f"{int(width) / int(height):.4g}em"
        kept.append(MASKED_GLYPH.format(width=width, icon=f"--lean-icon-{name}"))
    return ";".join(kept)


def mask_data_url(width, height, path):
    """An icon's shape as a data: URL, for a CSS mask (only <, >, # and % need escaping)."""
    svg = f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}'>"
    svg += f"<path d='{path}'/></svg>"
    escaped = svg.replace("%", "%25").replace("#", "%23").replace("<", "%3C").replace(">", "%3E")
    return f'url("data:image/svg+xml,{escaped}")'


def mask_icon_glyphs(css, glyphs):
    """The style sheet with its icon-font glyphs drawn as masks, and without the font.

    Each shape is written once, in a variable on :root, however many rules draw it. The
    font's @font-face rules go when no `content` is left that needs them.
    """
    variables, icons, missing = custom_properties(css), {}, set()

    def rule(match):
        selectors = CSS_COMMENT.sub("", match.group("selectors")).strip()
        if not all(PSEUDO_ELEMENT.search(s.strip()) for s in selectors.split(",")):
            return match.group(0)
        body = masked_declarations(match.group("body"), glyphs, variables, icons, missing)
        return f"{match.group('selectors')}{{{body}}}"

    css = CSS_RULE.sub(rule, css)
    if missing:
        # Without its shape and without the font, the icon would be an empty box.
        logger.warning(
            "lean_assets: no shape for the icon-font glyphs %s, read %d icons from the "
            "theme's fontawesome.js: re-check how it stores its icons (font_awesome_icons)",
            ", ".join(f"U+{code:04X}" for code in sorted(missing)),
            len(glyphs),
        )
    left = [
        content
        for content in re.findall(r"(?<![\w-])content\s*:\s*([^;{}]+)", css)
        if glyph_code(content, variables) in glyphs
    ]
    if not left:
        css = re.sub(r"@font-face\s*\{[^{}]*Font Awesome[^{}]*\}", "", css)
    if not icons:
        return css
    shapes = (f"--lean-icon-{name}:{mask_data_url(*glyph[1:])}" for name, glyph in icons.items())
    return css + f"\n/* Icon shapes (lean_assets.py) */\n:root{{{';'.join(shapes)}}}\n"


def describe(app, pagename, templatename, context, doctree):
    """A meta description (what search engines show under the link): the page's first words."""
    if doctree is None:
        return
    for paragraph in doctree.findall(nodes.paragraph):
        text = " ".join(paragraph.astext().split())
        if len(text) >= 15:
            if len(text) > 160:
                text = text[:157].rsplit(" ", 1)[0] + "…"
            meta = f'<meta name="description" content="{html.escape(text, quote=True)}" />\n'
            context["metatags"] = context.get("metatags", "") + meta
            return


STYLESHEET = re.compile(
    r'<link (?=[^>]*rel="stylesheet")(?![^>]*media=)[^>]*href="(?P<href>[^"]+)"[^>]*>\s*'
)
CSS_URL = re.compile(r"url\((?P<quote>['\"]?)(?P<url>[^)'\"]+)(?P=quote)\)")
CSS_IMPORT = re.compile(r'@import\s+(?:url\()?["\']?(?P<url>[^"\')]+)["\']?\)?\s*;')


def css_for_bundle(static, path):
    """One style sheet's text, its relative url()s rebased onto _static and @imports inlined."""
    text = path.read_text(encoding="utf-8")
    folder = path.parent.relative_to(static).as_posix()

    def rebase(url):
        if re.match(r"^(?:[a-z]+:|/|#)", url) or folder == ".":
            return url
        return posixpath.normpath(posixpath.join(folder, url))

    text = CSS_IMPORT.sub(lambda m: css_for_bundle(static, path.parent / m.group("url")), text)
    text = CSS_URL.sub(lambda m: f'url("{rebase(m.group("url"))}")', text)
    return re.sub(r'@charset\s+"[^"]*";', "", text)


def bundle_stylesheets(outdir, page, text, bundles, glyphs):
    """Replace the page's style sheets by one file: one request in the way of the first paint.

    The bundle draws the icon-font glyphs of all its sheets as masks (`glyphs`: the font's
    shapes), since a glyph's character and its font are often set in different sheets.
    """
    head_end = text.find("</head>")
    links = [m for m in STYLESHEET.finditer(text, 0, head_end)]
    static = outdir / "_static"
    files = []
    for link in links:
        href = link.group("href").split("?")[0]
        target = (page.parent / href).resolve()
        if href.startswith(("http:", "https:", "//")) or not target.is_file():
            return text
        if static.resolve() not in target.parents:
            return text
        files.append(target)
    if len(files) < 2:
        return text
    key = tuple(files)
    if key not in bundles:
        parts = [
            f"/* {f.relative_to(static.resolve())} */\n{css_for_bundle(static.resolve(), f)}"
            for f in files
        ]
        body = mask_icon_glyphs('@charset "UTF-8";\n' + "\n".join(parts), glyphs)
        name = f"bundle-{hashlib.sha256(body.encode()).hexdigest()[:12]}.css"
        (static / name).write_text(body, encoding="utf-8")
        bundles[key] = name
    prefix = posixpath.relpath("_static", page.parent.relative_to(outdir).as_posix())
    tag = f'<link rel="stylesheet" href="{prefix}/{bundles[key]}" />\n'
    first, last = links[0], links[-1]
    middle = STYLESHEET.sub("", text[first.start() : last.end()])
    return text[: first.start()] + tag + middle + text[last.end() :]


def lazy_images(text):
    """Figures after the first load as the reader scrolls to them, not all at once."""
    main = text.find("<main")
    if main < 0:
        return text
    count = 0

    def lazy(match):
        nonlocal count
        count += 1
        tag = match.group(0)
        if count == 1 or "loading=" in tag:
            return tag
        return tag.replace("<img ", '<img loading="lazy" decoding="async" ', 1)

    return text[:main] + re.sub(r"<img [^>]*>", lazy, text[main:])


def rewrite_pages(app, exception):
    """Replace the icon script by inline icons and stop the search files blocking the page."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    icons = list(font_awesome_icons())
    shapes, glyphs = icon_shapes(icons), glyph_shapes(icons)
    originals = {page: page.read_text(encoding="utf-8") for page in sorted(outdir.rglob("*.html"))}
    texts = {}
    for page, text in originals.items():

        def replace(tag, page=page):
            svg = inline_icon(shapes, tag)
            if svg is None:
                logger.warning("lean_assets: no icon for %s in %s", tag.group(0), page)
                return tag.group(0)
            return svg

        text = ICON_TAG.sub(replace, text)
        text = re.sub(r'<script[^>]*src="[^"]*fontawesome\.js[^"]*"[^>]*></script>\s*', "", text)
        text = re.sub(r'<link[^>]*href="[^"]*fontawesome\.js[^"]*"[^>]*>\s*', "", text)
        if "sphinx-thebe.js" in dropped(app, ""):
            # The theme writes a thebe configuration (naming an example repository)
            # into every page; without thebe nothing reads it.
            text = THEBE_CONFIG.sub("", text)
        # Docutils marks each bibliography entry with the ARIA role doc-biblioentry, which
        # ARIA 1.2 deprecates; inside the citation list (role "list") that leaves a list
        # without items, a critical axe violation. A plain list item says the same.
        text = text.replace('role="doc-biblioentry"', 'role="listitem"')
        text = BLOCKING.sub(r'<script defer src="\g<src>">', text)
        text = lazy_images(text)
        texts[page] = text
    (outdir / "_static" / CSS_NAME).write_text(CSS)
    theme_css = outdir / THEME_CSS
    if theme_css.is_file():
        css = theme_css.read_text(encoding="utf-8")
        pruned = prune_icon_rules(css, SCRIPTED_ICONS)
        if pruned != css:
            theme_css.write_text(pruned, encoding="utf-8")
    bundles, referenced = {}, set()
    for page, text in texts.items():
        bundled = bundle_stylesheets(outdir, page, text, bundles, glyphs)
        if bundled != originals[page]:
            page.write_text(bundled, encoding="utf-8")
        referenced.update(re.findall(r"_static/(bundle-\w+\.css)", bundled))
    # Pages Sphinx did not rewrite this time keep the bundle they name; any other goes.
    for bundle in (outdir / "_static").glob("bundle-*.css"):
        if bundle.name not in referenced:
            bundle.unlink()


def default_mode(app, config):
    """Follow the reader's light or dark preference (the theme logs an error when unset)."""
    config.html_context.setdefault("default_mode", "auto")


def setup(app: Sphinx):
    # Sphinx rewrites every page when a config value changes; this one changes with this file.
    fingerprint = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    app.add_config_value("lean_assets_fingerprint", fingerprint, "html")
    app.add_css_file(CSS_NAME)
    app.connect("config-inited", default_mode)
    app.connect("html-page-context", describe)
    # Late (priority 900), after every extension has added its files to the page.
    app.connect("html-page-context", prune_registered_files, priority=900)
    # Last of all (priority 900): after the theme rewrites pygments.css and after mathsvg
    # writes its style sheet, both at build-finished too.
    app.connect("build-finished", rewrite_pages, priority=900)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
