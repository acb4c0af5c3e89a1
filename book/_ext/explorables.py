"""Explorable figures on the website: a slider over frames the chapter computed.

A chapter cell that shows a `neuron.plots.explorable.Explorable` leaves in the
notebook one output with three forms: the first frame as a PNG (which the PDF
prints, with the cell's caption), a sentence saying what it shows, and HTML that
carries the first frame, a slider and every frame inline, so that it also shows
in a notebook. On the website this extension lifts the frames out of the page:

- each frame becomes a file of the site (`_images/explorables/<digest>.png`),
  and the frames' descriptions one small JSON file beside them, which the page
  fetches only when the figure comes near the screen;
- the first frame stays in the page as an ordinary image, with its description
  as alt text: what a reader without JavaScript sees (loaded lazily when
  lean_assets.py marks the figure so, as it does every figure after a page's first);
- pages with an explorable load `explorable.js` (deferred), which shows the
  slider and switches frames. Every frame and every number in the descriptions
  was computed by the package when the book was built; the script only displays.
"""

import base64
import hashlib
import json
import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

STATIC = Path(__file__).parent / "explorables"
FOLDER = "_images/explorables"
# The parts of an Explorable's HTML (neuron/plots/explorable.py) that are lifted out.
DATA = re.compile(
    r'<script type="application/json" class="explorable-data">(?P<json>.*?)</script>', re.S
)
FIRST_FRAME = re.compile(r'src="data:image/png;base64,(?P<png>[^"]+)"')
OPENING = '<div class="explorable" '


def write_file(outdir, data, suffix):
    """Write `data` under its digest; return the file's name."""
    name = f"{hashlib.sha256(data).hexdigest()[:16]}{suffix}"
    path = Path(outdir) / FOLDER / name
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return name


def is_explorable(node):
    """Whether a doctree node is an Explorable's output: HTML that carries its frames."""
    if not isinstance(node, nodes.raw) or "html" not in node.get("format", "").split():
        return False
    return DATA.search(node.astext()) is not None


def lifted(html, outdir, folder_uri, loading=None):
    """An Explorable's HTML with its frames and descriptions moved to files.

    `loading`: the first frame's `loading` attribute ("lazy"), if any.
    """
    data = json.loads(DATA.search(html).group("json"))
    frames = [write_file(outdir, base64.b64decode(png), ".png") for png in data["frames"]]
    manifest = {"frames": frames, "descriptions": data["descriptions"]}
    manifest_name = write_file(outdir, json.dumps(manifest).encode(), ".json")
    first = write_file(outdir, base64.b64decode(FIRST_FRAME.search(html).group("png")), ".png")
    html = DATA.sub("", html)
    image = f'src="{folder_uri}/{first}"' + (f' loading="{loading}"' if loading else "")
    html = FIRST_FRAME.sub(image, html)
    return html.replace(OPENING, f'{OPENING}data-frames="{folder_uri}/{manifest_name}" ', 1)


def lift_frames(app, doctree, docname):
    """Replace each explorable's inline frames by files of the site."""
    if app.builder.format != "html":
        return
    folder_uri = relative_uri(app.builder.get_target_uri(docname), FOLDER)
    for node in list(doctree.findall(is_explorable)):
        new = lifted(node.astext(), app.outdir, folder_uri, node.get("loading"))
        # A class of its own, for explorable.css to undo the theme's light box around
        # HTML outputs in dark mode.
        node.replace_self(
            nodes.raw("", new, format="html", classes=["output", "explorable-output"])
        )


def add_script(app, pagename, templatename, context, doctree):
    """The slider's script, on the pages that have an explorable."""
    if 'class="explorable"' in context.get("body", ""):
        app.add_js_file("explorable.js", loading_method="defer")


def add_static_path(app, config):
    config.html_static_path.append(str(STATIC))


def setup(app: Sphinx):
    # Sphinx rewrites every page when a config value changes; this one changes with
    # this file, so that a page never keeps an explorable lifted the old way.
    digest = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    app.add_config_value("explorables_fingerprint", digest, "html")
    app.connect("config-inited", add_static_path)
    # Every page: a few hundred bytes, in the one style sheet lean_assets makes.
    app.add_css_file("explorable.css")
    app.connect("doctree-resolved", lift_frames)
    app.connect("html-page-context", add_script)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
