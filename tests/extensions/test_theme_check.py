"""theme_check.py: a theme that is not the version the book was made for stops the build."""

from importlib import metadata

import pytest
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from theme_check import MADE_FOR, check_versions, font_awesome_problem, version_problems

MADE = {"a-theme": ("1.2.0", "its icon rules"), "an-extension": ("0.3.1", "its file names")}
LICENSE = "/*!\n * Font Awesome Free 6.5.2 by @fontawesome - https://fontawesome.com\n */"


def installed(versions):
    def version(package):
        if package not in versions:
            raise metadata.PackageNotFoundError(package)
        return versions[package]

    return version


def test_the_versions_made_for_pass():
    assert version_problems(installed({"a-theme": "1.2.0", "an-extension": "0.3.1"}), MADE) == []


def test_an_upgrade_names_the_package_both_versions_and_what_to_recheck():
    found = installed({"a-theme": "1.3.0", "an-extension": "0.3.1"})
    assert version_problems(found, MADE) == [
        "a-theme is 1.3.0, the book was made for 1.2.0: re-check its icon rules"
    ]


def test_a_missing_package_is_named():
    (problem,) = version_problems(installed({"a-theme": "1.2.0"}), MADE)
    assert problem.startswith("an-extension is not installed")


def test_font_awesome_matches_the_theme():
    assert font_awesome_problem(LICENSE, '{"version": "6.5.2"}') is None


@pytest.mark.parametrize(
    ("theme", "ours", "named"),
    [
        (LICENSE.replace("6.5.2", "6.6.0"), '{"version": "6.5.2"}', "Font Awesome 6.6.0"),
        (LICENSE, '{"version": "6.7.1"}', "fontawesome-free 6.7.1"),
        ("", '{"version": "6.5.2"}', "Font Awesome unknown"),
        (LICENSE, "", "fontawesome-free unknown"),
    ],
)
def test_a_font_awesome_difference_is_named(theme, ours, named):
    assert named in font_awesome_problem(theme, ours)


def test_this_environment_is_the_one_the_book_was_made_for():
    """requirements.txt pins what MADE_FOR says: a pin moved alone fails here first."""
    assert version_problems() == []
    check_versions(None, None)


def test_a_sphinx_build_with_another_theme_version_stops(monkeypatch, tmp_path):
    """A one-page Sphinx project using the extension, with the theme "upgraded"."""
    theme, (version, _) = next(iter(MADE_FOR.items()))
    real = metadata.version
    monkeypatch.setattr(metadata, "version", lambda name: "9.9.9" if name == theme else real(name))
    source = tmp_path / "source"
    source.mkdir()
    (source / "conf.py").write_text('extensions = ["theme_check"]\n')
    (source / "index.rst").write_text("Test\n====\n")
    with pytest.raises(ExtensionError, match=f"{theme} is 9.9.9, the book was made for {version}"):
        Sphinx(source, source, tmp_path / "out", tmp_path / "doctrees", "html", status=None)
