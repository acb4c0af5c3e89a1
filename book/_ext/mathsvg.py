"""Math rendered to SVG when the book is built, so a page needs no script to show it.

Sphinx normally leaves TeX in the page for MathJax to typeset in the reader's
browser, which means loading MathJax (over a megabyte of script, from a CDN by
default) on every page with an equation. This extension runs MathJax once, at
build time, in Node (`tex2svg.js`, MathJax pinned in `package.json` and
installed by `npm ci`), and puts the finished SVG into the HTML. Each equation
is an `<svg role="img">` whose `aria-label` is the equation read aloud (MathJax's
speech-rule engine, ClearSpeak style), so screen readers announce it in words.

A TeX mistake (an unknown command, a missing brace) is a build warning, so the
strict build (`-W`) stops on it instead of printing red TeX in the page.

Use: `html_math_renderer = "mathsvg"` (set by `setup`).
"""

import hashlib
import html
import json
import shutil
import subprocess
import threading
from collections import deque
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.locale import _
from sphinx.util import logging
from sphinx.util.math import get_node_equation_number

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "tex2svg.js"
CSS_NAME = "mathsvg.css"
# Wide equations scroll inside their own box instead of widening a phone's page.
EXTRA_CSS = """
div.math mjx-container[jax="SVG"][display="true"] {
  overflow-x: auto;
  overflow-y: hidden;
  max-width: 100%;
  padding: 2px 0;
}
/* An equation in the run of text cannot wrap: one longer than a phone's line shrinks to
   fit the line instead of pushing the page sideways. */
mjx-container[jax="SVG"]:not([display="true"]) > svg {
  max-width: 100%;
  height: auto;
}
/* MathJax draws with currentColor: the equations follow the theme's light or dark text. */
"""


class Renderer:
    """One long-running Node process that turns TeX into SVG, one JSON line each way.

    `ask` sends a piece of TeX ahead without waiting for it: a thread reads
    the answers, in the order asked, as MathJax finishes them, so that MathJax
    works on another core while Sphinx goes on reading and writing pages.
    `render` waits only for the answer it needs.
    """

    def __init__(self):
        self.process = None
        self.css = ""
        self.answers = {}  # (tex, display) -> (svg, speech, error)
        self.waiting = deque()  # the keys sent and not yet answered, in order
        self.answered = threading.Condition()
        self.reader = None
        self.ended = False  # whether the process has stopped answering

    def start(self):
        node = shutil.which("node")
        if node is None or not (HERE / "node_modules" / "mathjax-full").is_dir():
            raise ExtensionError(
                "mathsvg needs Node.js and MathJax: install Node.js (Debian: apt-get install "
                "nodejs npm), then run `npm ci` in book/_ext (`make book` does this for you)."
            )
        self.process = subprocess.Popen(
            [node, str(SCRIPT)],
            cwd=HERE,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self.css = json.loads(self.process.stdout.readline())["css"]
        self.ended = False
        self.reader = threading.Thread(target=self.read_answers, daemon=True)
        self.reader.start()

    def read_answers(self):
        """Store each answer under the oldest key still waiting, until the process ends."""
        try:
            for line in self.process.stdout:
                answer = json.loads(line)
                with self.answered:
                    key = self.waiting.popleft()
                    self.answers[key] = (answer["svg"], answer["speech"], answer["error"])
                    self.answered.notify_all()
        finally:
            with self.answered:
                self.ended = True
                self.waiting.clear()  # never to be answered: asked again after a restart
                self.answered.notify_all()

    def ask(self, tex, display):
        """Send one piece of TeX to MathJax, unless it was sent already."""
        key = (tex, display)
        if self.process is None:
            self.start()
        with self.answered:
            if key in self.answers or key in self.waiting:
                return
            self.waiting.append(key)
        # Written outside the lock: while the pipe is full, the reader must still store answers.
        try:
            self.process.stdin.write(json.dumps({"tex": tex, "display": display}) + "\n")
            self.process.stdin.flush()
        except OSError as error:
            raise ExtensionError("mathsvg: the MathJax process stopped unexpectedly") from error

    def render(self, tex, display):
        """(svg, speech, error) for one piece of TeX."""
        key = (tex, display)
        self.ask(tex, display)
        with self.answered:
            while key not in self.answers:
                if self.ended:
                    raise ExtensionError("mathsvg: the MathJax process stopped unexpectedly")
                self.answered.wait()
            return self.answers[key]

    def stop(self):
        if self.process is not None:
            self.process.stdin.close()  # MathJax answers what it was sent, then ends
            self.process.wait(timeout=30)
            self.reader.join()
            self.process.stdout.close()
            self.process = None


def ask_ahead(app, doctree):
    """As each page is read, send its equations to MathJax, to be ready when it is written."""
    if getattr(app.builder, "math_renderer_name", None) != "mathsvg":
        return
    for node in doctree.findall(nodes.math):
        app.mathsvg_renderer.ask(node.astext(), display=False)
    for node in doctree.findall(nodes.math_block):
        app.mathsvg_renderer.ask(display_tex(node), display=True)


def svg_markup(translator, node, tex, display):
    """The container MathJax would have made in the browser, with an accessible name."""
    renderer = translator.builder.app.mathsvg_renderer
    svg, speech, error = renderer.render(tex, display)
    if error:
        logger.warning(
            "math could not be rendered (%s): %s", error, tex, location=node, type="mathsvg"
        )
    label = html.escape(speech or tex, quote=True)
    svg = svg.replace("<svg ", f'<svg aria-label="{label}" ', 1)
    # A displayed equation wider than a phone scrolls sideways in its own box; tabindex
    # lets a keyboard reach and scroll it (WCAG 2.1.1).
    display_attr = ' display="true" tabindex="0"' if display else ""
    return f'<mjx-container class="MathJax" jax="SVG"{display_attr}>{svg}</mjx-container>'


def visit_math(translator, node):
    translator.body.append(translator.starttag(node, "span", "", CLASS="math notranslate"))
    translator.body.append(svg_markup(translator, node, node.astext(), display=False))
    translator.body.append("</span>")
    raise nodes.SkipNode


def display_tex(node):
    """The TeX of a displayed equation, wrapped the way Sphinx's MathJax support wraps it."""
    if node["nowrap"]:
        return node.astext()
    parts = [part for part in node.astext().split("\n\n") if part.strip()]
    wrapped = [rf"\begin{{split}}{p}\end{{split}}" if r"\\" in p else p for p in parts]
    if len(wrapped) > 1:
        return r"\begin{align}\begin{aligned}" + r"\\".join(wrapped) + r"\end{aligned}\end{align}"
    return wrapped[0] if wrapped else ""


def visit_displaymath(translator, node):
    translator.body.append(translator.starttag(node, "div", CLASS="math notranslate"))
    if node["number"]:
        number = get_node_equation_number(translator, node)
        translator.body.append(f'<span class="eqno">({number})')
        translator.add_permalink_ref(node, _("Link to this equation"))
        translator.body.append("</span>")
    translator.body.append(svg_markup(translator, node, display_tex(node), display=True))
    translator.body.append("</div>\n")
    raise nodes.SkipNode


def write_css(app, exception):
    """Save MathJax's style sheet for SVG output (and ours) into the site's _static."""
    renderer = app.mathsvg_renderer
    if exception is None and app.builder.format == "html":
        if renderer.process is None:
            renderer.start()
        static = Path(app.outdir) / "_static"
        static.mkdir(parents=True, exist_ok=True)
        (static / CSS_NAME).write_text(renderer.css.strip() + "\n" + EXTRA_CSS)
    renderer.stop()


def fingerprint():
    """A digest of this renderer's code and of the pinned MathJax."""
    digest = hashlib.sha256()
    for path in (Path(__file__), SCRIPT, HERE / "package-lock.json"):
        digest.update(path.read_bytes() if path.is_file() else b"")
    return digest.hexdigest()[:16]


def setup(app: Sphinx):
    # Sphinx rewrites every page when a config value changes; this one changes with the code.
    app.add_config_value("mathsvg_fingerprint", fingerprint(), "html")
    app.mathsvg_renderer = Renderer()
    app.add_html_math_renderer(
        "mathsvg", inline_renderers=(visit_math, None), block_renderers=(visit_displaymath, None)
    )
    app.add_css_file(CSS_NAME)
    app.connect("doctree-read", ask_ahead)
    app.connect("build-finished", write_css)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": False}
