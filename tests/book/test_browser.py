"""Every page of the built book in a real browser (Chromium), at a laptop's and a phone's size.

Each page is opened once per size, served from 127.0.0.1 with every request for
another host blocked; the tests below then check what that visit recorded. A
second group follows the book as a reader does: next links, solution toggles,
dark mode, search. The last test breaks a page on purpose, eight ways, and checks
that each fault is caught.
"""

import json
import re
from contextlib import contextmanager
from urllib.parse import unquote, urlsplit

import pytest
from browser import (
    HOW_TO_INSTALL,
    IMAGES_JS,
    SIZES,
    launch,
    new_page,
    page_url,
    serve,
    visit,
)
from missing_tool import missing_tool, require_module
from PIL import Image
from toc import ROOT, toc_files

from neuron.plots.style import SMALLEST_TEXT_PT

ALL_PAGES = toc_files()
# The smallest text a phone's reader should have to read in a figure, in CSS px.
SMALLEST_FIGURE_TEXT_PX = 9


def on_page(name, *size):
    """The parameters of a test of one page; under pytest-xdist, every test of a
    page runs in the same worker, which opens the page once per size."""
    test_id = "-".join([name.split("/")[-1], *size])
    return pytest.param(name, *size, id=test_id, marks=pytest.mark.xdist_group(name))


CASES = [on_page(name, size) for size in SIZES for name in ALL_PAGES]
PAGES = [on_page(name) for name in ALL_PAGES]


@pytest.fixture(scope="session")
def browser():
    """Chromium through Playwright; skipped (failed in CI) when there is none."""
    playwright_api = require_module(
        "playwright.sync_api", "Playwright is not installed: pip install -r requirements.txt"
    )
    with playwright_api.sync_playwright() as playwright:
        chromium = launch(playwright)
        if chromium is None:
            missing_tool(HOW_TO_INSTALL)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def site(built_html):
    """The built site's URL on a local server."""
    with serve(built_html) as base:
        yield base


@pytest.fixture(scope="session")
def visits(browser, site):
    """visits(name, size) -> what that page showed (each page is opened once per size)."""
    cache = {}

    def get(name, size):
        if (name, size) not in cache:
            cache[(name, size)] = visit(browser, site, page_url(site, name), size)
        return cache[(name, size)]

    return get


@pytest.mark.parametrize(("name", "size"), CASES)
def test_page_loads_without_errors(visits, name, size):
    seen = visits(name, size)
    assert not seen.page_errors, seen.page_errors
    assert not seen.console_errors, seen.console_errors
    assert not seen.failed_requests, seen.failed_requests


@pytest.mark.parametrize(("name", "size"), CASES)
def test_page_asks_no_other_host(visits, name, size):
    assert visits(name, size).foreign_requests == []


@pytest.mark.parametrize(("name", "size"), CASES)
def test_every_equation_is_rendered(visits, name, size):
    seen = visits(name, size)
    assert not seen.math_problems, seen.math_problems
    assert seen.math_rendered == seen.math_in_source


@pytest.mark.parametrize(("name", "size"), CASES)
def test_every_image_loaded_and_has_alt_text(visits, name, size):
    assert visits(name, size).image_problems == []


@pytest.mark.parametrize("name", PAGES)
def test_nothing_overflows_a_phone_screen(visits, name):
    assert visits(name, "phone").overflow == []


def smallest_text_px(figure, built_html):
    """How high a figure's smallest text is on the screen, in CSS px.

    Every figure's text is at least SMALLEST_TEXT_PT high (neuron.plots.style);
    the image holds it at its own resolution (dots per inch, from the PNG) and
    the page scales the image from its width to the width it is shown at.
    """
    with Image.open(built_html / urlsplit(figure["src"]).path.lstrip("/")) as image:
        dpi = image.info["dpi"][0]
    return SMALLEST_TEXT_PT * dpi / 72 * figure["shown"] / figure["natural"]


@pytest.mark.parametrize("name", PAGES)
def test_figure_text_is_legible_on_a_phone(visits, built_html, name):
    for figure in visits(name, "phone").figures:
        px = smallest_text_px(figure, built_html)
        assert px >= SMALLEST_FIGURE_TEXT_PX, f"{figure['src']}: text {px:.1f} px high"


@pytest.mark.parametrize("name", PAGES)
def test_code_tables_and_equations_fit_a_laptop_screen(visits, name):
    """At 1280 px nothing needs scrolling sideways: no line of code is cut off."""
    assert visits(name, "laptop").sideways == []


@pytest.mark.parametrize("name", PAGES)
def test_every_equation_fits_a_phone_screen(visits, name):
    """Code and tables may scroll on a phone; an equation's hidden end is easily missed."""
    sideways = visits(name, "phone").sideways
    assert [line for line in sideways if line.startswith("equation")] == []


@pytest.mark.parametrize("name", [on_page("book/intro"), on_page("book/01-the-neuron")])
def test_the_puzzle_table_fits_a_phone_screen(visits, name):
    """Wide tables may scroll on a phone; the puzzle the book opens with need not."""
    sideways = visits(name, "phone").sideways
    assert [line for line in sideways if line.startswith("table")] == []


@pytest.mark.parametrize(("name", "size"), CASES)
def test_no_serious_accessibility_violation(visits, name, size):
    seen = visits(name, size)
    for line in seen.axe_other:
        print(f"axe, minor or moderate, {name} at {size}: {line}")
    assert not seen.axe_serious, "\n".join(seen.axe_serious)


@pytest.mark.parametrize(("name", "size"), CASES)
def test_page_downloads_no_font(visits, name, size):
    """Text is set in the reader's own fonts, icons are SVG or CSS masks: no font file.

    The theme's admonition icons were characters of Font Awesome's font, 156 kB
    (lean_assets.py draws them as masks); this fails if a page fetches it again.
    """
    assert visits(name, size).fonts == []


def test_the_math_counts_see_something(visits):
    """Guard against a vacuous pass: the book's pages do hold equations."""
    assert sum(visits(name, "laptop").math_in_source for name in ALL_PAGES) > 0


# Across the book ---------------------------------------------------------------


@contextmanager
def tab(browser, site, size="laptop", theme=None):
    """A page at `size` (in the "light" or "dark" theme) for the block, then closed.

    It fails the test if the page asked another host for anything.
    """
    blocked = []
    options = {"color_scheme": theme} if theme else {}
    context, page = new_page(browser, site, size, blocked, **options)
    if theme:
        page.add_init_script(f"localStorage.setItem('mode', '{theme}')")
    try:
        yield page
    finally:
        context.close()
    assert blocked == []


@pytest.fixture
def laptop(browser, site):
    with tab(browser, site) as page:
        yield page


def test_next_links_lead_through_the_book_in_order(laptop, site):
    laptop.goto(site, wait_until="load")
    laptop.wait_for_url("**/*.html")  # index.html sends the reader on to the first page
    seen = []
    for _ in range(len(ALL_PAGES) + 2):
        seen.append(laptop.url.removeprefix(site).removesuffix(".html"))
        following = laptop.locator("a.right-next")
        if following.count() == 0:
            break
        following.first.click()
        laptop.wait_for_load_state("load")
    assert seen == ALL_PAGES


def first_page_with(page, selector):
    """The first page of the book (in reading order) whose HTML holds `selector`."""
    for name in ALL_PAGES:
        if page(name).select(selector):
            return name
    pytest.fail(f"no page of the book has {selector}")


def test_a_solution_is_hidden_until_its_toggle_is_clicked(laptop, site, page):
    name = first_page_with(page, "div.solution")
    laptop.goto(page_url(site, name), wait_until="load")
    solution = laptop.locator("div.solution").first
    body = solution.locator("section").first
    assert solution.is_visible()
    assert body.is_hidden(), "the solution shows before its toggle is clicked"
    solution.locator(".toggle-button, .admonition-title").first.click()
    body.wait_for(state="visible", timeout=5000)
    assert body.is_visible()


# Every figure image keeps an opaque background: in dark mode, a transparent one would
# show black axes and labels on the theme's near-black page.
OPAQUE_JS = """() => [...document.querySelectorAll('main figure img, main .cell_output img')]
  .map((img) => {
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
    const draw = canvas.getContext('2d');
    draw.drawImage(img, 0, 0);
    const pixels = draw.getImageData(0, 0, canvas.width, canvas.height).data;
    let transparent = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] < 250) transparent += 1;
    return {src: img.getAttribute('src'), transparent, total: pixels.length / 4};
  })"""


def test_dark_mode_keeps_every_figure_readable(browser, site):
    figures = 0
    for name in ALL_PAGES:
        with tab(browser, site, theme="dark") as page:
            page.goto(page_url(site, name), wait_until="load")
            assert page.evaluate(IMAGES_JS) == []  # every figure loaded, lazy ones too
            assert page.evaluate("document.documentElement.dataset.theme") == "dark"
            background = page.evaluate("getComputedStyle(document.body).backgroundColor")
            red, green, blue = (int(v) for v in re.findall(r"\d+", background)[:3])
            assert red + green + blue < 150, f"{name}: dark mode did not darken the page"
            for image in page.evaluate(OPAQUE_JS):
                figures += 1
                assert image["transparent"] == 0, f"{name}: {image['src']} is not opaque"
    assert figures > 0


# The icon of an admonition's title, which the theme draws in its ::after.
ICON_JS = """(selector) => {
  const style = getComputedStyle(document.querySelector(selector), '::after');
  return {mask: style.maskImage || style.webkitMaskImage, width: parseFloat(style.width),
          height: parseFloat(style.height), color: style.color, paint: style.backgroundColor};
}"""


# Font Awesome's own files (book/_ext/package.json pins the version the theme carries).
FONT_AWESOME = ROOT / "book" / "_ext" / "node_modules" / "@fortawesome" / "fontawesome-free"


def font_awesome_svg(code_point):
    """The SVG Font Awesome draws for the solid icon at `code_point` ("f303")."""
    icons = json.loads((FONT_AWESOME / "metadata" / "icon-families.json").read_text())
    (name,) = [name for name, icon in icons.items() if icon.get("unicode") == code_point]
    return (FONT_AWESOME / "svgs" / "solid" / f"{name}.svg").read_text()


def svg_shape(svg):
    """A one-path SVG's shape: its viewBox and its path."""
    view_box = re.search(r"viewBox=[\"']([^\"']+)", svg)[1]
    path = re.search(r" d=[\"']([^\"']+)", svg)[1]
    return view_box, path


def test_an_exercise_keeps_its_icon_in_both_themes(browser, site, page, built_html):
    """Without the icon font, the exercise's pencil is a mask in the title's icon colour.

    The shape is the one sphinx-exercise asks for (a Font Awesome code point in
    its style sheet), as Font Awesome's own SVG of that icon draws it.
    """
    sheet = (built_html / "_static" / "exercise.css").read_text()
    code_point = re.search(
        r"exercise p\.admonition-title::after \{\s*content: \"\\(\w+)\"", sheet
    )[1]
    expected = svg_shape(font_awesome_svg(code_point))
    name = first_page_with(page, "div.exercise")
    paints = set()
    for theme in ("light", "dark"):
        with tab(browser, site, theme=theme) as page_in_theme:
            page_in_theme.goto(page_url(site, name), wait_until="load")
            icon = page_in_theme.evaluate(ICON_JS, "div.exercise > .admonition-title")
        mask = re.fullmatch(r'url\("data:image/svg\+xml,(.+)"\)', icon["mask"])
        assert mask, f"{theme}: no icon shape: {icon}"
        assert svg_shape(unquote(mask[1])) == expected, f"{theme}: not the icon's shape"
        assert icon["width"] > 10 and icon["height"] > 10, f"{theme}: no room for the icon"
        assert icon["paint"] == icon["color"], f"{theme}: the icon lost its colour"
        paints.add(icon["paint"])
    assert len(paints) == 2, "the icon has the same colour in light and dark mode"


@pytest.mark.parametrize("size", SIZES)
def test_one_search_control_opens_the_search(browser, site, size):
    """One search field (a button on a phone), not a second one in a header bar."""
    with tab(browser, site, size) as page:
        page.goto(page_url(site, ALL_PAGES[1]), wait_until="networkidle")
        controls = [c for c in page.locator(".search-button__button").all() if c.is_visible()]
        assert len(controls) == 1
        controls[0].click()
        page.locator("dialog[open] input[name='q']").wait_for(state="visible", timeout=5000)


def test_search_finds_the_sigmoid_chapter(laptop, site):
    laptop.goto(f"{site}search.html?q=sigmoid", wait_until="load")
    results = laptop.locator("#search-results li a")
    results.first.wait_for(timeout=10_000)
    found = [link.get_attribute("href") for link in results.all()]
    assert any("03-sigmoid.html" in href for href in found), found


def test_code_blocks_keep_their_copy_buttons(laptop, site, page):
    """What the theme still loads is there for a reason: readers copy code."""
    name = first_page_with(page, "div.highlight pre")
    laptop.goto(page_url(site, name), wait_until="load")
    laptop.locator("button.copybtn").first.wait_for(state="attached", timeout=5000)
    assert laptop.locator("button.copybtn").count() >= 1


# The checks catch what they are meant to catch -----------------------------------

FAULTS = {
    "external script": '<script src="https://cdn.invalid/mathjax.js"></script>',
    "unrendered equation": '<span class="math notranslate">\\(x^2\\)</span>',
    "image without alt text": '<img src="../_static/file.png">',
    "serious axe violation": '<p style="color:#bbb;background:#fff">Barely visible text.</p>',
    "code wider than a laptop": f'<div class="highlight"><pre>print("{"wide " * 30}")</pre></div>',
    "table wider than a phone": (
        '<div class="pst-scrollable-table-container"><table class="table"><tr>'
        + f"<td>{'x' * 60}</td>"
        + "</tr></table></div>"
    ),
    "equation wider than a phone": (
        '<div class="math notranslate"><mjx-container class="MathJax" jax="SVG" display="true">'
        '<svg aria-label="a wide equation" width="120ex" height="2ex" role="img" '
        'viewBox="0 0 1000 20"><rect width="1000" height="20"/></svg></mjx-container></div>'
    ),
    # The theme's style sheet as the theme ships it draws an admonition's icon with the font.
    "icon font": (
        '<link rel="stylesheet" href="../_static/styles/pydata-sphinx-theme.css">'
        '<div class="admonition note"><p class="admonition-title">Note</p><p>A note.</p></div>'
    ),
    "wider than a phone": '<p style="width: 600px">A paragraph that does not wrap.</p>',
    "console error": "<script>console.error('a script of the page failed')</script>",
    "failed request": '<link rel="stylesheet" href="../_static/no-such-sheet.css">',
    # A PNG cut short after its signature: the browser cannot draw it.
    "image that does not load": '<img src="data:image/png;base64,iVBORw0KGgo=" alt="a figure">',
}
# Where each fault shows: wide code is only a fault where a laptop cannot show it.
FAULT_SIZE = {"code wider than a laptop": "laptop"}
# Where each fault goes: at the end of <main>, or of the chapter's text itself.
FAULT_BEFORE = {"wider than a phone": "</article>"}


def what_was_caught(seen):
    """Which of the faults above the visit `seen` shows, by name."""
    return {
        "external script": bool(seen.foreign_requests),
        "unrendered equation": bool(seen.math_problems)
        or seen.math_rendered != seen.math_in_source,
        "image without alt text": any("no alt text" in p for p in seen.image_problems),
        "serious axe violation": bool(seen.axe_serious),
        # On a phone, code may scroll sideways.
        "code wider than a laptop": seen.size == "laptop"
        and any(s.startswith("code") for s in seen.sideways),
        "equation wider than a phone": any(s.startswith("equation") for s in seen.sideways),
        "table wider than a phone": any(s.startswith("table") for s in seen.sideways),
        "icon font": bool(seen.fonts),
        "wider than a phone": bool(seen.overflow),
        "console error": bool(seen.console_errors),
        "failed request": bool(seen.failed_requests),
        "image that does not load": any("did not load" in p for p in seen.image_problems),
    }


@pytest.fixture(scope="module")
def broken_site(built_html, tmp_path_factory):
    """A copy of one built page per fault, each with that one fault added to its text.

    broken-none.html is the page as built, with no fault added.
    """
    import shutil

    root = tmp_path_factory.mktemp("broken")
    shutil.copytree(built_html / "_static", root / "_static")
    shutil.copy2(built_html / "searchindex.js", root)
    (root / "book").mkdir()
    page = (built_html / "book" / "intro.html").read_text()
    (root / "book" / "broken-none.html").write_text(page)
    for number, (name, fault) in enumerate(FAULTS.items()):
        anchor = FAULT_BEFORE.get(name, "</main>")
        broken = page.replace(anchor, f"{fault}{anchor}", 1)
        (root / "book" / f"broken-{number}.html").write_text(broken)
    with serve(root) as base:
        yield base


@pytest.mark.parametrize("size", SIZES)
def test_the_page_without_a_fault_trips_no_check(browser, broken_site, size):
    seen = visit(browser, broken_site, page_url(broken_site, "book/broken-none"), size)
    caught = what_was_caught(seen)
    assert not any(caught.values()), caught


def test_a_broken_page_fails_the_checks(browser, broken_site):
    for number, fault in enumerate(FAULTS):
        size = FAULT_SIZE.get(fault, "phone")
        seen = visit(browser, broken_site, page_url(broken_site, f"book/broken-{number}"), size)
        caught = what_was_caught(seen)
        # Each broken page trips the check for its own fault...
        assert caught[fault], f"{fault} went unnoticed: {seen}"
        # ...and the blocked external script also fails to load, as a console error.
        if fault == "external script":
            assert caught["console error"], f"no console error for the blocked script: {seen}"
