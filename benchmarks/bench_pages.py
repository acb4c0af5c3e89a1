"""Page weight and Lighthouse scores of the built book, beside Jupyter Book's stock template.

    make book && .venv/bin/python benchmarks/bench_pages.py [--runs 3]

1. Builds the stock template that `jupyter-book create` makes (once, into
   `_build/benchmarks/stock`), with the same Jupyter Book as the book.
2. Serves both sites on 127.0.0.1 the way GitHub Pages serves them (text files
   gzip-compressed when the browser asks for it), and opens every page of each in
   Chromium with an empty cache, adding up the bytes sent over the wire.
3. Runs Lighthouse (npm lighthouse, pinned in benchmarks/package.json; `npm ci`
   in benchmarks/ first) with its mobile and desktop presets on each site's first
   page and its heaviest content page (`--every-page`: and its mobile preset on
   every page of the book), and reports the median of `--runs` runs.

Every request for another host fails at once (Chromium's host resolver is told
so): the book loads nothing from elsewhere, and the stock template's MathJax from
a CDN is counted as what it is offline, a failed request. Nothing here is a
pass/fail test; `benchmarks/README.md` records what it printed.
"""

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "book"))
from browser import CHROMIUM_ARGS, SIZES, QuietHandler, chromium_path, serve  # noqa: E402
from toc import toc_files  # noqa: E402

BIN = Path(sys.executable).parent
WORK = ROOT / "_build" / "benchmarks"
LIGHTHOUSE = ROOT / "benchmarks" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# Any host but ours fails at once, without a DNS query leaving the machine.
OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
COMPRESSIBLE = (".html", ".css", ".js", ".svg", ".json", ".txt", ".map", ".xml")


class PagesLikeHandler(QuietHandler):
    """Static files, gzip-compressed when asked and over kept-alive connections, as
    GitHub Pages serves them (it speaks HTTP/2; HTTP/1.1 is the nearest the standard
    library offers)."""

    protocol_version = "HTTP/1.1"

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def build_stock():
    """The template `jupyter-book create` makes, built once with the book's Jupyter Book."""
    source = WORK / "stock"
    html = source / "_build" / "html"
    if not (html / "index.html").is_file():
        shutil.rmtree(source, ignore_errors=True)
        WORK.mkdir(parents=True, exist_ok=True)
        subprocess.run([BIN / "jupyter-book", "create", str(source)], check=True)
        subprocess.run([BIN / "jupyter-book", "build", str(source)], check=True)
    return source, html


def page_weights(browser, base, pages):
    """{page: bytes sent over the wire on a first visit (empty cache), headers included}."""
    weights = {}
    for page_name in pages:
        context = browser.new_context(**SIZES["phone"])
        page = context.new_page()
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        received = []
        session.on(
            "Network.loadingFinished", lambda e, r=received: r.append(e["encodedDataLength"])
        )
        page.goto(f"{base}{page_name}.html", wait_until="load")
        page.wait_for_load_state("networkidle")
        weights[page_name] = sum(received)
        context.close()
    return weights


def lighthouse(url, preset, runs, name):
    """Median category scores (0-100) of `runs` Lighthouse runs on one page."""
    scores = {category: [] for category in CATEGORIES}
    env = os.environ | {"CHROME_PATH": chromium_path(None)}
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS, f'"{OFFLINE}"'])
    for run in range(runs):
        report = WORK / "lighthouse" / f"{name}-{preset}-{run}-{os.getpid()}.json"
        report.parent.mkdir(parents=True, exist_ok=True)
        command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}"]
        command += [f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"]
        if preset == "desktop":
            command.append("--preset=desktop")
        subprocess.run(command, check=True, env=env)
        result = json.loads(report.read_text())
        for category in CATEGORIES:
            scores[category].append(round(100 * result["categories"][category]["score"]))
    return {category: statistics.median(values) for category, values in scores.items()}


def kib(n):
    return f"{n / 1024:,.0f} KiB"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page and preset")
    parser.add_argument(
        "--every-page", action="store_true", help="Lighthouse on every page of the book too"
    )
    parser.add_argument("--html", type=Path, default=ROOT / "_build" / "html", help="built book")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: run `npm ci` in benchmarks/")
    book_html = args.html
    if not (book_html / "index.html").is_file():
        sys.exit("no built book: run `make book` first")
    stock_source, stock_html = build_stock()
    sites = {"this book": (ROOT, book_html), "stock template": (stock_source, stock_html)}

    from playwright.sync_api import sync_playwright

    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(playwright), args=[*CHROMIUM_ARGS, OFFLINE]
        )
        for site, (project, html) in sites.items():
            # The pages this build has (an older build may lack a page added since).
            pages = [page for page in toc_files(project) if (html / f"{page}.html").is_file()]
            with serve(html, PagesLikeHandler) as base:
                weights = page_weights(browser, base, pages)
                content = [page for page in pages[1:] if page in weights]
                heaviest = max(content, key=weights.get)
                scores = {}
                measured = pages if args.every_page and site == "this book" else pages[:1]
                for page in dict.fromkeys([pages[0], heaviest, *measured]):
                    both = page in (pages[0], heaviest)
                    for preset in ("mobile", "desktop") if both else ("mobile",):
                        label = f"{site.replace(' ', '-')}-{Path(page).name}"
                        url = f"{base}{page}.html"
                        scores[(page, preset)] = lighthouse(url, preset, args.runs, label)
            results[site] = {"weights": weights, "scores": scores}
        browser.close()

    print("\n## Page weight: bytes transferred on a first visit (gzip, as GitHub Pages serves)\n")
    print("| site | pages | median | smallest | largest (page) |")
    print("| --- | ---: | ---: | ---: | --- |")
    for site, result in results.items():
        weights = result["weights"]
        largest = max(weights, key=weights.get)
        print(
            f"| {site} | {len(weights)} | {kib(statistics.median(weights.values()))} | "
            f"{kib(min(weights.values()))} | {kib(weights[largest])} ({largest}) |"
        )
    print("\n| page | bytes |\n| --- | ---: |")
    for site, result in results.items():
        for page, weight in result["weights"].items():
            print(f"| {site}: {page} | {kib(weight)} |")
    runs = f"{args.runs} run" + ("s" if args.runs > 1 else "")
    print(f"\n## Lighthouse 12.2.3 (median of {runs})\n")
    print("| site | page | preset | " + " | ".join(CATEGORIES) + " |")
    print("| --- | --- | --- | " + " | ".join("---:" for _ in CATEGORIES) + " |")
    for site, result in results.items():
        for (page, preset), scores in result["scores"].items():
            cells = " | ".join(f"{scores[c]:g}" for c in CATEGORIES)
            print(f"| {site} | {page} | {preset} | {cells} |")


if __name__ == "__main__":
    main()
