"""The dozen style sheets every page loads, one by one, merged into one file.

A page of the book links a dozen style sheets (the theme's two, Sphinx's, each
extension's, the book's own) and one @import behind them, each a request in the
way of the first paint. Here they become one file, fetched in one request; pages
that link the same sheets share it. The icon-font glyphs of all the sheets become
masks in that file (lean_icons.mask_icon_glyphs), since a glyph's character (often
set by one extension's sheet) and its font (by the theme's) meet only there.

Why this rewrites built files rather than using a Sphinx hook: the theme links its
two sheets from its templates (not through `html_css_files`), and the sheets'
final text exists only when the build finishes (the theme rewrites pygments.css and
mathsvg.py writes its sheet at `build-finished`). So lean_assets.py calls
`bundle_stylesheets` then, on each built page; it changes only the page's
`<link rel="stylesheet">` tags.
"""

import hashlib
import posixpath
import re

from lean_icons import mask_icon_glyphs

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


def referenced_bundles(text):
    """The bundles a page links."""
    return set(re.findall(r"_static/(bundle-\w+\.css)", text))


def remove_unused_bundles(static, referenced):
    """Delete the bundles no page links (pages Sphinx did not rewrite keep theirs)."""
    for bundle in static.glob("bundle-*.css"):
        if bundle.name not in referenced:
            bundle.unlink()
