"""The theme's icons without Font Awesome's script or font: SVG and CSS masks, made at build time.

pydata-sphinx-theme draws its icons two ways, and loads Font Awesome for both:

- a dozen `<i class="fa-…">` tags in its templates (and in sphinx-book-theme's
  header buttons), which Font Awesome's script (1.5 MB) replaces by SVG in the
  browser: here each tag becomes that SVG, with the shape taken from Font Awesome's
  own package (npm, pinned in package.json to the version the theme carries), so
  the page carries a few kilobytes of SVG and no script;
- a character of Font Awesome's icon font (156 kB for its solid face) in a
  ::before or ::after of the theme's and the extensions' style sheets (an
  admonition's, the exercises' pencil, an external link's): each becomes a box of
  the glyph's size and place, painted in the text's colour through a CSS mask of
  the same shape, so it follows the light and dark themes as the glyph did; the
  font's @font-face rules go, and no page downloads a font.

The theme's style sheet also keeps the icon-font rule of the one icon its script
may still add to a page (a banner's close button) and drops the other 1,900 (a
fifth of its size, parsed on every page).

Why this reads built files rather than using a Sphinx hook: the `<i>` tags are
written by the theme's Jinja templates (eighteen of them, and macros fed from
Python), after the last event Sphinx gives a page (`html-page-context`), and the
glyphs are in style sheets that Sphinx and the theme write or copy when the build
finishes. So lean_assets.py calls these functions at `build-finished`, on the
built pages and style sheets; they read only HTML tags and CSS rules, never the
theme's minified scripts, and the shapes come from Font Awesome's own list of its
icons (metadata/icon-families.json). theme_check.py stops the build when the
theme is not the version this was made for.
"""

import html
import json
import re
from pathlib import Path

from sphinx.errors import ExtensionError
from sphinx.util import logging

logger = logging.getLogger(__name__)

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
            "lean_assets: no shape for the icon-font glyphs %s among Font Awesome's %d "
            "glyphs: re-check the Font Awesome version in book/_ext/package.json",
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


def inline_icons(text, shapes, page):
    """The page with each of its `<i class="fa-…">` tags replaced by the icon's SVG."""

    def replace(tag):
        svg = inline_icon(shapes, tag)
        if svg is None:
            logger.warning("lean_assets: no icon for %s in %s", tag.group(0), page)
            return tag.group(0)
        return svg

    return ICON_TAG.sub(replace, text)


def prune_theme_icon_rules(outdir):
    """Drop from the theme's style sheet the icon-font rules of icons no page draws."""
    theme_css = Path(outdir) / THEME_CSS
    if theme_css.is_file():
        css = theme_css.read_text(encoding="utf-8")
        pruned = prune_icon_rules(css, SCRIPTED_ICONS)
        if pruned != css:
            theme_css.write_text(pruned, encoding="utf-8")
