"""The book's figure style, shared by every chapter's figures.

Every figure has an opaque white background (so it stays readable in a dark
theme), labelled axes and colours from the Okabe-Ito palette, which readers
with colour-vision deficiencies can tell apart. Its text stays legible on a
phone: no text is smaller than `SMALLEST_TEXT_PT` when the figure is drawn.
"""

import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.text import Text

# Okabe & Ito's colour-blind-safe palette.
COLORS = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermilion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}
CYCLE = [
    COLORS[name]
    for name in ("blue", "orange", "green", "vermilion", "purple", "sky")
]


# No text in a figure is smaller than this, in points. Drawn at most about
# 6.2 inches wide and shown on a phone at its page's width (342 CSS px on a
# 390 px screen), a figure's smallest text is then at least 9 CSS px high
# there; the browser tests measure it on the built pages.
SMALLEST_TEXT_PT = 12


class LegibleFigure(Figure):
    """A figure that raises small text to `SMALLEST_TEXT_PT` when drawn."""

    def draw(self, renderer):
        smallest = SMALLEST_TEXT_PT
        for ax in self.axes:
            for axis in (ax.xaxis, ax.yaxis):
                labels = axis.get_ticklabels(which="both")
                if any(label.get_fontsize() < smallest for label in labels):
                    axis.set_tick_params(which="both", labelsize=smallest)
        for text in self.findobj(Text):
            if text.get_fontsize() < smallest:
                text.set_fontsize(smallest)
        super().draw(renderer)


def new_figure(ncols=1, width=6.0, height=3.6, nrows=1, **subplot_kw):
    """Return (figure, axes) styled: opaque background, one colour cycle."""
    figure, axes = plt.subplots(
        nrows,
        ncols,
        figsize=(width, height),
        FigureClass=LegibleFigure,
        facecolor="white",
        layout="constrained",
        **subplot_kw,
    )
    for ax in figure.axes:
        ax.set_facecolor("white")
        ax.set_prop_cycle(color=CYCLE)
        ax.grid(True, color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
    return figure, axes
