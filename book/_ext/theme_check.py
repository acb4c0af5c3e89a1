"""Stop the build when a package the site's look relies on is not the version it was made for.

lean_assets.py trims what the theme loads (by file name, by copies of three of
its templates; lean_icons.py by the theme's icon rules), and its style fixes assume
the theme's markup; the browser tests check the result. An upgraded
theme can change any of these without an error of its own. So the build
compares the installed versions with the ones the book was made for, and on a
difference stops with what to re-check before moving the pin here.
"""

import re
from importlib import metadata
from pathlib import Path

from sphinx.errors import ExtensionError

HERE = Path(__file__).resolve().parent
# Each package the site relies on: the version the book was made for, and what
# to re-check when it changes.
MADE_FOR = {
    "pydata-sphinx-theme": (
        "0.17.1",
        "the templates book/_ext/lean_assets/templates copies from the theme "
        "(layout.html's extrahead, search.html's scripts, static/webpack-macros.html, "
        "with its digests), the icon rules lean_icons.py prunes from the theme's style "
        "sheet; the Font Awesome version in book/_ext/package.json",
    ),
    "sphinx-book-theme": (
        "1.3.0",
        "the scripts and style sheets it adds to each page (lean_assets.DEFERRABLE) "
        "and the header and sidebar the browser tests click",
    ),
    "sphinx-exercise": ("1.2.1", "the icon its exercise.css draws (lean_icons masks it)"),
    "sphinx-design": ("0.8.0", "the file names lean_assets drops where it is unused"),
    "sphinx-thebe": (
        "0.3.1",
        "the file names lean_assets drops while thebe is off, and the settings it "
        "writes into each page (lean_assets.THEBE_RAW)",
    ),
}
# Where the theme names the Font Awesome it carries (in its package), and where npm
# installs ours (`npm ci --prefix book/_ext`, which `make book` runs).
THEME_FONT_AWESOME = "theme/pydata_sphinx_theme/static/scripts/fontawesome.js.LICENSE.txt"
OUR_FONT_AWESOME = HERE / "node_modules" / "@fortawesome" / "fontawesome-free" / "package.json"


def version_problems(installed=None, made_for=MADE_FOR):
    """One line per package whose installed version is not the one the book was made for.

    installed(package) -> its version (default: what importlib.metadata finds).
    """
    installed = installed or metadata.version
    problems = []
    for package, (version, recheck) in made_for.items():
        try:
            found = installed(package)
        except metadata.PackageNotFoundError:
            found = "not installed"
        if found != version:
            problems.append(
                f"{package} is {found}, the book was made for {version}: re-check {recheck}"
            )
    return problems


def font_awesome_problem(theme_license, our_package):
    """A line when the theme's Font Awesome and the pinned npm one differ, else None."""
    theme = re.search(r"Font Awesome Free (\d+\.\d+\.\d+)", theme_license)
    ours = re.search(r'"version":\s*"([^"]+)"', our_package)
    theme_version = theme[1] if theme else "unknown"
    our_version = ours[1] if ours else "unknown"
    if theme_version != our_version or theme is None:
        return (
            f"the theme carries Font Awesome {theme_version}, book/_ext/package.json pins "
            f"@fortawesome/fontawesome-free {our_version}: pin the theme's version"
        )
    return None


def read(path):
    return path.read_text() if path.is_file() else ""


def check_versions(app, config):
    import pydata_sphinx_theme

    problems = version_problems()
    theme_license = Path(pydata_sphinx_theme.__file__).parent / THEME_FONT_AWESOME
    problem = font_awesome_problem(read(theme_license), read(OUR_FONT_AWESOME))
    if problem:
        problems.append(problem)
    if problems:
        raise ExtensionError(
            "The site was made for other versions of the packages below. Re-check what "
            "each line says, then update MADE_FOR in book/_ext/theme_check.py:\n- "
            + "\n- ".join(problems)
        )


def setup(app):
    app.connect("config-inited", check_versions)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
