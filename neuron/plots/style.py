"""The book's figure style, shared by every chapter's figures.

Every figure has an opaque white background (so it stays readable in a dark
theme), labelled axes and colours from the Okabe-Ito palette, which readers
with colour-vision deficiencies can tell apart.
"""

import matplotlib.pyplot as plt

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


def new_figure(ncols=1, width=6.0, height=3.6, **subplot_kw):
    """Return (figure, axes) styled: opaque background, one colour cycle."""
    figure, axes = plt.subplots(
        1,
        ncols,
        figsize=(width, height),
        facecolor="white",
        layout="constrained",
        **subplot_kw,
    )
    for ax in axes if ncols > 1 else [axes]:
        ax.set_facecolor("white")
        ax.set_prop_cycle(color=CYCLE)
        ax.grid(True, color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
    return figure, axes
