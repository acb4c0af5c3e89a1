"""Every page of the built book in a real browser (Chromium), at a laptop's and a phone's size.

Each page is opened once per size, served from 127.0.0.1 with every request for
another host blocked; the tests below then check what that visit recorded. A
second group follows the book as a reader does: next links, solution toggles,
dark mode, search. The last test breaks a page on purpose, eight ways, and checks
that each fault is caught.
"""

import re
from contextlib import contextmanager

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
from toc import toc_files

ALL_PAGES = toc_files()
CASES = [(name, size) for size in SIZES for name in ALL_PAGES]
IDS = [f"{name.split('/')[-1]}-{size}" for name, size in CASES]


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


@pytest.mark.parametrize(("name", "size"), CASES, ids=IDS)
def test_page_loads_without_errors(visits, name, size):
    seen = visits(name, size)
    assert not seen.page_errors, seen.page_errors
    assert not seen.console_errors, seen.console_errors
    assert not seen.failed_requests, seen.failed_requests


@pytest.mark.parametrize(("name", "size"), CASES, ids=IDS)
def test_page_asks_no_other_host(visits, name, size):
    assert visits(name, size).foreign_requests == []


@pytest.mark.parametrize(("name", "size"), CASES, ids=IDS)
def test_every_equation_is_rendered(visits, name, size):
    seen = visits(name, size)
    assert not seen.math_problems, seen.math_problems
    assert seen.math_rendered == seen.math_in_source


@pytest.mark.parametrize(("name", "size"), CASES, ids=IDS)
def test_every_image_loaded_and_has_alt_text(visits, name, size):
    assert visits(name, size).image_problems == []


@pytest.mark.parametrize("name", ALL_PAGES, ids=[n.split("/")[-1] for n in ALL_PAGES])
def test_nothing_overflows_a_phone_screen(visits, name):
    assert visits(name, "phone").overflow == []


@pytest.mark.parametrize("name", ALL_PAGES, ids=[n.split("/")[-1] for n in ALL_PAGES])
def test_code_tables_and_equations_fit_a_laptop_screen(visits, name):
    """At 1280 px nothing needs scrolling sideways: no line of code is cut off."""
    assert visits(name, "laptop").sideways == []


@pytest.mark.parametrize("name", ALL_PAGES, ids=[n.split("/")[-1] for n in ALL_PAGES])
def test_every_equation_fits_a_phone_screen(visits, name):
    """Code and tables may scroll on a phone; an equation's hidden end is easily missed."""
    sideways = visits(name, "phone").sideways
    assert [line for line in sideways if line.startswith("equation")] == []


@pytest.mark.parametrize("name", ["book/intro", "book/01-the-neuron"])
def test_the_puzzle_table_fits_a_phone_screen(visits, name):
    """Wide tables may scroll on a phone; the puzzle the book opens with need not."""
    sideways = visits(name, "phone").sideways
    assert [line for line in sideways if line.startswith("table")] == []


@pytest.mark.parametrize(("name", "size"), CASES, ids=IDS)
def test_no_serious_accessibility_violation(visits, name, size):
    seen = visits(name, size)
    for line in seen.axe_other:
        print(f"axe, minor or moderate, {name} at {size}: {line}")
    assert not seen.axe_serious, "\n".join(seen.axe_serious)


@pytest.mark.parametrize(("name", "size"), CASES, ids=IDS)
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


def test_an_exercise_keeps_its_icon_in_both_themes(browser, site, page):
    """Without the icon font, the exercise's pencil is a mask in the title's icon colour."""
    name = first_page_with(page, "div.exercise")
    paints = set()
    for theme in ("light", "dark"):
        with tab(browser, site, theme=theme) as page_in_theme:
            page_in_theme.goto(page_url(site, name), wait_until="load")
            icon = page_in_theme.evaluate(ICON_JS, "div.exercise > .admonition-title")
        assert "data:image/svg+xml" in icon["mask"], f"{theme}: no icon shape: {icon}"
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
}
# Where each fault shows: wide code is only a fault where a laptop cannot show it.
FAULT_SIZE = {"code wider than a laptop": "laptop"}


@pytest.fixture(scope="module")
def broken_site(built_html, tmp_path_factory):
    """A copy of one built page per fault, each with that one fault added to its text."""
    import shutil

    root = tmp_path_factory.mktemp("broken")
    shutil.copytree(built_html / "_static", root / "_static")
    (root / "book").mkdir()
    page = (built_html / "book" / "intro.html").read_text()
    for number, fault in enumerate(FAULTS.values()):
        broken = page.replace("</main>", f"{fault}</main>", 1)
        (root / "book" / f"broken-{number}.html").write_text(broken)
    with serve(root) as base:
        yield base


def test_a_broken_page_fails_the_checks(browser, broken_site):
    caught = {}
    for number, fault in enumerate(FAULTS):
        size = FAULT_SIZE.get(fault, "phone")
        seen = visit(browser, broken_site, page_url(broken_site, f"book/broken-{number}"), size)
        caught[fault] = {
            "external script": bool(seen.foreign_requests),
            "unrendered equation": bool(seen.math_problems)
            or seen.math_rendered != seen.math_in_source,
            "image without alt text": any("no alt text" in p for p in seen.image_problems),
            "serious axe violation": bool(seen.axe_serious),
            "code wider than a laptop": any(s.startswith("code") for s in seen.sideways),
            "equation wider than a phone": any(s.startswith("equation") for s in seen.sideways),
            "table wider than a phone": any(s.startswith("table") for s in seen.sideways),
            "icon font": bool(seen.fonts),
        }
        # Each broken page trips the check for its own fault...
        assert caught[fault][fault], f"{fault} went unnoticed: {seen}"
    # ...and the external script also shows as a console error of the page that asked for it.
    print(caught)
