"""The chapters' figure helpers, the only code that imports matplotlib.

The style every figure shares lives in `neuron.plots.style`; each other
module holds the figures of one topic (`neuron.plots.timing`, ...),
imported from there.
"""

from neuron.plots.style import COLORS, CYCLE, new_figure

__all__ = ["COLORS", "CYCLE", "new_figure"]
