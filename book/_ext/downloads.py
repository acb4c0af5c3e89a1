"""What a reader can take away from the website (HTML builder only).

- Every notebook page offers its executed notebook (`.ipynb`) in the download
  menu, beside its Markdown source. The theme does this only when a launch
  button is configured; here it is done for every notebook page, and the
  notebook reads like the page (book/_ext/notebook_export.py).
- The preface says where to get the book's files: the repository, when
  the build knows it (launch.py), or plainly that this build does not know it.
- When `make pdf` has built the book's PDF, the site carries a copy at its root
  and the Sphinx tag `pdf` is set, so `{only} html and pdf` blocks (the
  preface's download link) appear. Without a PDF those blocks are left out,
  and the site still builds without a warning.
"""

import shutil
from pathlib import Path

import nbformat
from notebook_export import ConversionError, page_notebook
from sphinx.util import logging

logger = logging.getLogger(__name__)


def pdf_path(app):
    """Where `make pdf` leaves the book: _build/latex/book.pdf."""
    return Path(app.outdir).parent / "latex" / app.config.downloads_pdf_name


def name_the_repository(app, config):
    """The preface's `{{ book_repository }}`: where a reader gets the book's files."""
    url = config.html_theme_options.get("repository_url")
    if url:
        where = (
            f"download them from the book's repository, <{url}> (its **Code** button, "
            f"**Download ZIP**, then unzip), or clone it with `git clone {url}`."
        )
    else:
        where = (
            "this copy of the book was built without the address of its repository "
            "(the Pages workflow gives it), so ask whoever published it for the "
            "repository, or for its files as a folder: the commands below run in it."
        )
    config.myst_substitutions = {**config.myst_substitutions, "book_repository": where}


def tag_pdf(app):
    if app.builder.format == "html" and pdf_path(app).is_file():
        app.tags.add("pdf")


def reread_root_when_pdf_appears(app, env, added, changed, removed):
    """The root page shows the PDF link or not: rewrite it when that changes."""
    if app.builder.format != "html":
        return []
    present = pdf_path(app).is_file()
    if getattr(env, "downloads_pdf_present", None) == present:
        return []
    env.downloads_pdf_present = present
    return [app.config.root_doc]


def offer_notebook(app, pagename, templatename, context, doctree):
    """Offer the chapter as a notebook that reads like the page (notebook_export)."""
    if doctree is None:
        return
    try:
        notebook = page_notebook(app, pagename)
    except ConversionError as error:
        logger.warning(f"{pagename}: its notebook download: {error}")
        return
    if notebook is None:
        return  # not a notebook page
    copy = Path(app.outdir) / "_sources" / f"{pagename}.ipynb"
    copy.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, copy)
    context["ipynb_source"] = f"{pagename}.ipynb"


def copy_pdf(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    source, copy = pdf_path(app), Path(app.outdir) / pdf_path(app).name
    if source.is_file():
        shutil.copy2(source, copy)
    else:
        copy.unlink(missing_ok=True)


def setup(app):
    # The name `make pdf` gives the PDF (latex.latex_documents.targetname in _config.yml).
    app.add_config_value("downloads_pdf_name", "book.pdf", "html")
    app.connect("config-inited", name_the_repository, priority=600)  # after launch.py
    app.connect("builder-inited", tag_pdf)
    app.connect("env-get-outdated", reread_root_when_pdf_appears)
    app.connect("html-page-context", offer_notebook, priority=400)
    app.connect("build-finished", copy_pdf)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
