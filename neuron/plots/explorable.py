"""Explorable figures: one figure per setting of a control.

An `Explorable` holds, for each setting of one control (an iteration, a
weight, a learning rate), the figure drawn at that setting, the setting in
words and a sentence saying what the figure shows. Every frame is drawn
when the chapter runs, from numbers the package computed; nothing is
computed where it is shown.

In a notebook it shows as the figure at its starting setting, with that
sentence. The book's website (book/_ext/explorables.py) adds a slider that
switches between the frames; its PDF prints the starting frame.
"""

import base64
import html
import io
import json
import re

import matplotlib.pyplot as plt
from PIL import Image

# A frame is a PNG at the resolution of the book's other figures, in 128
# colours: a third of the bytes, and on the book's flat-coloured figures no
# pixel moves by more than a few levels of 255.
FRAME_DPI = 100
FRAME_COLORS = 128
NAME = re.compile(r"[a-z][a-z0-9-]*")
DATA_CLASS = "explorable-data"


def figure_png(figure):
    """The figure as PNG bytes, at a fixed size; the figure is closed."""
    drawn = io.BytesIO()
    figure.savefig(drawn, format="png", dpi=FRAME_DPI)
    plt.close(figure)
    image = (
        Image.open(drawn)
        .convert("RGB")
        .quantize(
            FRAME_COLORS,
            method=Image.Quantize.MEDIANCUT,
            dither=Image.Dither.NONE,
        )
    )
    frame = io.BytesIO()
    image.save(frame, format="png", optimize=True, dpi=(FRAME_DPI, FRAME_DPI))
    return frame.getvalue()


class Explorable:
    """Figures at a range of settings, for a reader to move through.

    name: a short id for the page, lowercase words joined by hyphens;
    label: what the control sets, shown beside it ("Iteration");
    settings: each setting in words ("iteration 100"), in order;
    descriptions: for each setting, what its figure shows, in words;
    frames: for each setting, its figure as PNG bytes;
    start: the index of the setting shown first (and printed).
    """

    def __init__(self, name, label, settings, descriptions, frames, start=0):
        if not isinstance(name, str) or not NAME.fullmatch(name):
            raise ValueError(f"name must be lowercase words joined by hyphens, got {name!r}")
        if not label or not isinstance(label, str):
            raise ValueError(f"label must be a non-empty string: {label!r}")
        if len(settings) < 2:
            raise ValueError(f"give at least two settings, got {len(settings)}")
        if not len(settings) == len(descriptions) == len(frames):
            raise ValueError(
                "give one description and one frame per setting: "
                f"{len(settings)} settings, {len(descriptions)} "
                f"descriptions, {len(frames)} frames"
            )
        if not 0 <= start < len(settings):
            raise ValueError(f"start must index a setting (0 to {len(settings) - 1}), got {start}")
        self.name, self.label, self.start = name, label, start
        self.settings = [str(setting) for setting in settings]
        self.descriptions = [str(text) for text in descriptions]
        self.frames = list(frames)

    @classmethod
    def from_figures(cls, name, label, settings, draw, describe, start=0):
        """Draw one frame per setting: draw(i) returns the i-th figure and
        describe(i) its description."""
        indices = range(len(settings))
        return cls(
            name,
            label,
            settings,
            [describe(i) for i in indices],
            [figure_png(draw(i)) for i in indices],
            start,
        )

    def html(self):
        """The figure at its start, a slider (shown by the site's script)
        and, for that script, every frame and description."""
        start = self.start
        data = {
            "descriptions": self.descriptions,
            "frames": [_base64(frame) for frame in self.frames],
        }
        control = f"explorable-{self.name}"
        text = html.escape(self.descriptions[start])
        return (
            f'<div class="explorable" id="{control}-figure">'
            f'<img class="explorable-frame" alt="{text}" '
            f'src="data:image/png;base64,{_base64(self.frames[start])}">'
            f'<div class="explorable-control" hidden>'
            f'<label for="{control}">{html.escape(self.label)}</label>'
            f'<input type="range" id="{control}" min="0" '
            f'max="{len(self.settings) - 1}" step="1" value="{start}" '
            f'aria-valuetext="{html.escape(self.settings[start])}" '
            f"data-settings='{html.escape(json.dumps(self.settings))}'>"
            f'<output for="{control}">'
            f"{html.escape(self.settings[start])}</output></div>"
            f'<p class="explorable-description" aria-hidden="true">'
            f"{text}</p>"
            f'<script type="application/json" class="{DATA_CLASS}">'
            f"{_script_safe(json.dumps(data))}</script></div>"
        )

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {
            "text/html": self.html(),
            "image/png": _base64(self.frames[self.start]),
            "text/plain": self.descriptions[self.start],
        }


def _script_safe(text):
    """Text that cannot end the <script> element holding it."""
    return text.replace("</", "<\\/")


def _base64(png):
    return base64.b64encode(png).decode("ascii")
