"""What a figure's axes show, read through matplotlib's public API."""


def grid_shown(ax):
    """True when the axes draw grid lines on both axes."""
    lines = ax.get_xgridlines() + ax.get_ygridlines()
    return bool(lines) and all(line.get_visible() for line in lines)
