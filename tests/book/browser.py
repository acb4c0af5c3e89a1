"""The built site in a real browser: a local server, Chromium, and what a reader would see.

Used by `test_browser.py`, by `make screenshots` (run this file) and by the
page-weight benchmark. The site is served on 127.0.0.1, as `make serve` does,
and every request for another host is blocked and recorded: the book promises
to read the same offline.
"""

import functools
import http.server
import os
import shutil
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from toc import HTML, toc_files

# A laptop and a phone (an iPhone 12-15-sized screen), in CSS pixels.
SIZES = {
    "laptop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "device_scale_factor": 2,
        "is_mobile": True,
        "has_touch": True,
    },
}
# Flags that keep Chromium from calling home: no updates, no sync, no background fetches.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--no-first-run",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
]
HOW_TO_INSTALL = (
    "no Chromium found for the browser tests: install Debian's (apt-get install chromium), "
    "or Playwright's own (.venv/bin/playwright install chromium), or point CHROMIUM_PATH at one"
)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SERIOUS = {"serious", "critical"}
# axe-core, pinned in tests/package.json and installed by `make test` (npm ci --prefix tests).
AXE_SCRIPT = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"


def chromium_path(playwright):
    """A Chromium to drive: CHROMIUM_PATH, Debian's, or Playwright's own; None if none."""
    candidates = [os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium"]
    candidates += [shutil.which("chromium"), shutil.which("chromium-browser")]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    try:
        own = playwright.chromium.executable_path
    except Exception:  # noqa: BLE001 - Playwright raises when its browser is not installed
        return None
    return own if own and os.access(own, os.X_OK) else None


def launch(playwright):
    """Chromium, or None when there is none on this machine."""
    path = chromium_path(playwright)
    if path is None:
        return None
    return playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the standard library's name
        pass


@contextmanager
def serve(directory=HTML, handler_class=QuietHandler):
    """Serve `directory` on 127.0.0.1 (on a free port) inside the block; yields its URL."""
    handler = functools.partial(handler_class, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def page_url(base, name):
    return f"{base}{name}.html"


@dataclass
class Visit:
    """What one page showed in the browser, at one size."""

    url: str
    size: str
    console_errors: list = field(default_factory=list)
    page_errors: list = field(default_factory=list)
    foreign_requests: list = field(default_factory=list)
    failed_requests: list = field(default_factory=list)
    fonts: list = field(default_factory=list)
    math_in_source: int = 0
    math_rendered: int = 0
    math_problems: list = field(default_factory=list)
    image_problems: list = field(default_factory=list)
    figures: list = field(default_factory=list)
    overflow: list = field(default_factory=list)
    sideways: list = field(default_factory=list)
    axe_serious: list = field(default_factory=list)
    axe_other: list = field(default_factory=list)


def block_other_hosts(page, base, record):
    """Let the page fetch from the local server only; record and abort everything else."""
    own = urlsplit(base).netloc

    def route(route):
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != own:
            record.append(url)
            route.abort("blockedbyclient")
        else:
            route.continue_()

    page.route("**/*", route)


def new_page(browser, base, size, record, **options):
    context = browser.new_context(**SIZES[size], **options)
    page = context.new_page()
    block_other_hosts(page, base, record)
    return context, page


# Every equation in the page: the source's math elements (Sphinx marks each one with
# class "math"), and those that hold a finished, error-free rendering.
MATH_JS = """() => {
  const all = [...document.querySelectorAll('.math')];
  const problems = [];
  let rendered = 0;
  for (const el of all) {
    const svg = el.querySelector('svg');
    const katex = el.querySelector('.katex');
    const error = el.querySelector('[data-mjx-error], .merror, mjx-merror, .katex-error');
    const text = el.textContent;
    const raw = /\\\\\\(|\\\\\\[|\\$\\$/.test(text) || (!svg && !katex);
    const visible = el.offsetParent !== null;
    const box = (svg || katex || el).getBoundingClientRect();
    if (error || raw || (visible && box.width === 0)) {
      problems.push((el.getAttribute('id') || '') + ' ' + text.slice(0, 80));
    } else {
      rendered += 1;
    }
  }
  return {rendered, problems};
}"""

IMAGES_JS = """async () => {
  const images = [...document.querySelectorAll('img')];
  images.forEach((img) => { img.loading = 'eager'; });
  await Promise.all(images.map((img) => img.complete ? null : new Promise((done) => {
    img.addEventListener('load', done); img.addEventListener('error', done);
    setTimeout(done, 5000);
  })));
  const problems = [];
  for (const img of images) {
    const src = img.getAttribute('src');
    if (!img.complete || img.naturalWidth === 0) problems.push(`${src}: did not load`);
    if (!(img.getAttribute('alt') || '').trim()) problems.push(`${src}: no alt text`);
  }
  return problems;
}"""

# Each image the page shows: its address, its width in pixels and the width it is shown at.
FIGURES_JS = """() => [...document.querySelectorAll('main img')]
  .map((img) => ({src: img.currentSrc, natural: img.naturalWidth,
                  shown: img.getBoundingClientRect().width}))
  .filter((img) => img.shown > 0)"""

# Elements that stick out past the right edge of the screen and are not inside a box
# of their own that scrolls sideways (as code blocks, wide tables and equations are).
OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const x = getComputedStyle(a).overflowX;
      if ((x === 'auto' || x === 'scroll') && a.getBoundingClientRect().right <= width + 1) {
        return true;
      }
    }
    return false;
  };
  const out = [];
  if (document.documentElement.scrollWidth > width + 1) {
    out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px > ${width}px`);
  }
  for (const el of document.querySelectorAll('main article *, main footer *')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 1 || el.offsetParent === null) continue;
    if (scrolls(el)) continue;
    const name = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
      ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
    const labelled = el.matches('[aria-label]') ? el : el.querySelector('[aria-label]');
    const label = labelled && labelled.getAttribute('aria-label');
    const what = label || el.textContent.trim();
    out.push(`${name} reaches ${Math.round(box.right)}px: ${what.slice(0, 60)}`);
    if (out.length > 10) break;
  }
  return out;
}"""

# The boxes that scroll sideways because what they hold is wider than they are:
# a reader sees only the start of that code, table or equation until they scroll.
SIDEWAYS_JS = """() => {
  const out = [];
  for (const el of document.querySelectorAll('main *')) {
    const x = getComputedStyle(el).overflowX;
    if (!(x === 'auto' || x === 'scroll') || el.scrollWidth <= el.clientWidth + 1) continue;
    if (el.offsetParent === null) continue;
    const kind = el.matches('table') || el.querySelector('table') ? 'table'
      : el.matches('mjx-container') || el.querySelector('mjx-container[display]')
        ? 'equation' : 'code';
    const labelled = el.matches('[aria-label]') ? el : el.querySelector('[aria-label]');
    const what = (kind === 'equation' && labelled)
      ? labelled.getAttribute('aria-label') : el.textContent.trim();
    out.push(`${kind}, ${el.scrollWidth}px in ${el.clientWidth}px: ${what.slice(0, 60)}`);
  }
  return out;
}"""


@contextmanager
def tab(browser, site, size="laptop", theme=None, **options):
    """A page at `size` (in the "light" or "dark" theme) for the block, then closed.

    Other options go to the browser context (java_script_enabled=False...). It
    fails the test if the page asked another host for anything.
    """
    blocked = []
    options |= {"color_scheme": theme} if theme else {}
    context, page = new_page(browser, site, size, blocked, **options)
    if theme:
        page.add_init_script(f"localStorage.setItem('mode', '{theme}')")
    try:
        yield page
    finally:
        context.close()
    assert blocked == []


def count_math_in_source(html):
    """The equations in the HTML as served, before any script runs."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    return len(soup.select(".math"))


@functools.cache
def axe_source():
    if not AXE_SCRIPT.is_file():
        raise FileNotFoundError(f"{AXE_SCRIPT} is missing: run `npm ci --prefix tests`")
    return AXE_SCRIPT.read_text(encoding="utf8")


def run_axe(page, context="html"):
    """axe-core's serious or critical violations in `context` (a CSS selector, the
    whole page by default), and its other ones."""
    page.evaluate(axe_source())
    results = page.evaluate(
        "([context, options]) => axe.run(document.querySelector(context), options)",
        [context, {"runOnly": {"type": "tag", "values": AXE_TAGS}}],
    )
    serious, other = [], []
    for violation in results["violations"]:
        targets = [", ".join(node["target"]) for node in violation["nodes"]][:5]
        line = f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}"
        (serious if violation["impact"] in SERIOUS else other).append(line)
    return serious, other


def visit(browser, base, url, size, axe=True):
    """Open one page at one size and record everything the tests check."""
    result = Visit(url=url, size=size)
    context, page = new_page(browser, base, size, result.foreign_requests)
    try:
        page.on(
            "console",
            lambda message: (
                result.console_errors.append(message.text) if message.type == "error" else None
            ),
        )
        page.on("pageerror", lambda error: result.page_errors.append(str(error)))
        page.on(
            "requestfailed",
            lambda request: result.failed_requests.append(f"{request.url} {request.failure}"),
        )
        page.on(
            "request",
            lambda request: (
                result.fonts.append(request.url) if request.resource_type == "font" else None
            ),
        )
        page.on(
            "response",
            lambda response: (
                result.failed_requests.append(f"{response.url}: HTTP {response.status}")
                if response.status >= 400
                else None
            ),
        )
        response = page.goto(url, wait_until="load")
        if response is None or not response.ok:
            result.page_errors.append(f"{url}: HTTP {response.status if response else '?'}")
            return result
        page.wait_for_load_state("networkidle")
        result.math_in_source = count_math_in_source(response.text())
        math = page.evaluate(MATH_JS)
        result.math_rendered, result.math_problems = math["rendered"], math["problems"]
        result.image_problems = page.evaluate(IMAGES_JS)
        result.figures = page.evaluate(FIGURES_JS)
        if size == "phone":
            result.overflow = page.evaluate(OVERFLOW_JS)
        result.sideways = page.evaluate(SIDEWAYS_JS)
        if axe:
            # axe-core fetches the page's imported style sheets itself (resolving them
            # against the page, not the sheet: a 404 the reader never causes), so what
            # happens while it runs is not the page's doing.
            before = [list(result.console_errors), list(result.failed_requests)]
            result.axe_serious, result.axe_other = run_axe(page)
            result.console_errors, result.failed_requests = before
    finally:
        context.close()
    return result


def screenshots(out=HTML.parent / "screenshots"):
    """Save a PNG of every page of the book, at both sizes, for a person to look at."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright, serve() as base:
        browser = launch(playwright)
        if browser is None:
            sys.exit(HOW_TO_INSTALL)
        for size in SIZES:
            for name in toc_files():
                blocked = []
                context, page = new_page(browser, base, size, blocked)
                page.goto(page_url(base, name), wait_until="networkidle")
                page.evaluate(IMAGES_JS)  # load the lazy figures too
                path = out / f"{name.replace('/', '-')}-{size}.png"
                page.screenshot(path=path, full_page=True)
                paths = [path, *explorable_screenshots(page, path)]
                context.close()
                note = f" (blocked: {blocked})" if blocked else ""
                for path in paths:
                    print(f"{path.relative_to(HTML.parent.parent)}{note}")
        browser.close()


def explorable_screenshots(page, page_path):
    """Each explorable figure of the page at its first and last settings (the page's
    own screenshot shows where it starts); returns the PNGs' paths."""
    paths = []
    for figure in page.locator(".explorable[data-frames]").all():
        slider = figure.locator("input[type=range]")
        for key, setting in [("Home", "first"), ("End", "last")]:
            before = slider.input_value()
            slider.press(key)
            if slider.input_value() != before:  # wait for the script to show the frame
                figure.evaluate(
                    """(figure) => new Promise((done) => {
                      const check = () => figure.dataset.shown === figure.querySelector('input')
                        .value && figure.querySelector('img').complete ? done()
                        : setTimeout(check, 50);
                      check();
                    })"""
                )
            name = figure.get_attribute("id").removesuffix("-figure")
            path = page_path.with_name(f"{page_path.stem}-{name}-{setting}.png")
            figure.locator("xpath=..").screenshot(path=path)
            paths.append(path)
    return paths


def print_chromium_path():
    """Print the Chromium the browser tests will drive (for CI to pass on)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        path = chromium_path(playwright)
    if path is None:
        sys.exit(HOW_TO_INSTALL)
    print(path)


if __name__ == "__main__":
    if sys.argv[1:] == ["--chromium-path"]:
        print_chromium_path()
        sys.exit()
    if not (Path(HTML) / "index.html").is_file():
        sys.exit("no built site: run `make book` first")
    screenshots()
