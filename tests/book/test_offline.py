"""The built site loads nothing from another host: it reads the same offline.

Every script, stylesheet, font, image or other resource a page (or one of the
site's stylesheets) loads must come from the site itself. Links the reader
clicks (citations, the article) may point anywhere.
"""

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from toc import HTML

# (tag, attribute) pairs whose URL the browser fetches by itself on page load.
LOADED = [
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("iframe", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("input", "src"),
    ("image", "href"),
    ("image", "xlink:href"),
    ("use", "href"),
    ("use", "xlink:href"),
]
# <link rel=...> values that make the browser fetch the target.
FETCHING_RELS = {
    "stylesheet",
    "preload",
    "modulepreload",
    "prefetch",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "manifest",
    "mask-icon",
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)['"]""")


def is_remote(url):
    """True for a URL on another host: http(s)://..., //host/... ."""
    url = url.strip()
    parts = urlsplit(url)
    return bool(parts.netloc) or parts.scheme not in ("", "data", "blob", "about")


def remote_in_css(text):
    return [a or b for a, b in CSS_URL.findall(text) if is_remote(a or b)]


def remote_loads(html):
    """Every remote URL the page would load, as 'tag[attribute]=url'."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag, attribute in LOADED:
        for element in soup.find_all(tag):
            value = element.get(attribute)
            urls = [u.split()[0] for u in value.split(",") if u.strip()] if value else []
            found += [f"{tag}[{attribute}]={url}" for url in urls if is_remote(url)]
    for link in soup.find_all("link", href=True):
        rels = {rel.lower() for rel in link.get("rel", [])}
        if rels & FETCHING_RELS and is_remote(link["href"]):
            found.append(f"link[rel={' '.join(sorted(rels))}]={link['href']}")
    for style in soup.find_all("style"):
        found += [f"style={url}" for url in remote_in_css(style.get_text())]
    for element in soup.find_all(style=True):
        found += [f"style attribute={url}" for url in remote_in_css(element["style"])]
    return found


def site_files(pattern):
    return sorted(path.relative_to(HTML).as_posix() for path in HTML.rglob(pattern))


@pytest.fixture(scope="module")
def pages(built_html):
    return site_files("*.html")


def test_the_site_has_pages(pages):
    assert "book/intro.html" in pages


def test_no_page_loads_anything_from_another_host(pages):
    offenders = {}
    for name in pages:
        found = remote_loads((HTML / name).read_text())
        if found:
            offenders[name] = sorted(set(found))
    assert not offenders, "pages that load from other hosts:\n" + "\n".join(
        f"  {name}: {', '.join(urls)}" for name, urls in offenders.items()
    )


def test_no_stylesheet_loads_anything_from_another_host(built_html):
    offenders = {}
    for name in site_files("*.css"):
        found = remote_in_css((HTML / name).read_text(errors="replace"))
        if found:
            offenders[name] = sorted(set(found))
    assert not offenders, f"stylesheets that load from other hosts: {offenders}"


# The checks themselves, on pages made up to fail (or pass) them.
@pytest.mark.parametrize(
    "html",
    [
        '<script src="https://cdn.example.org/x.js"></script>',
        '<script src="//cdn.example.org/x.js"></script>',
        '<link rel="stylesheet" href="https://fonts.example.org/css">',
        '<link rel="preload" as="font" href="http://fonts.example.org/f.woff2">',
        '<img src="https://example.org/i.png" alt="x">',
        '<img src="i.png" srcset="i2.png 2x, https://example.org/i3.png 3x" alt="x">',
        "<style>@import 'https://fonts.example.org/css';</style>",
        "<style>@font-face { src: url(https://fonts.example.org/f.woff2); }</style>",
        '<div style="background: url(https://example.org/b.png)"></div>',
    ],
)
def test_a_remote_resource_is_caught(html):
    assert remote_loads(html)


@pytest.mark.parametrize(
    "html",
    [
        '<script src="../_static/x.js"></script>',
        '<link rel="stylesheet" href="_static/x.css">',
        '<img src="data:image/png;base64,AAAA" alt="x">',
        '<a href="https://doi.org/10.1007/BF02478259">a citation</a>',
        '<link rel="canonical" href="https://example.org/book/">',
    ],
)
def test_local_resources_and_clicked_links_pass(html):
    assert not remote_loads(html)
