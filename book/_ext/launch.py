"""Colab and Binder launch buttons for every chapter and its workbook.

The buttons need the repository the book is built from. The Pages workflow
gives it to the build from its own context, in the environment:
BOOK_REPOSITORY (owner/name), BOOK_BRANCH and BOOK_COMMIT. A build without
them (a local one) shows no launch button; with them, the repository also
becomes the theme's `repository_url` and `repository_branch`.

Neither Colab nor Binder opens a MyST Markdown chapter, and Colab opens
notebooks only from GitHub. So the site keeps every notebook a reader runs
in one folder, `notebooks/` (each chapter's notebook and its workbook), and
the workflow publishes that folder on the branch `notebooks` of the same
repository, beside the repository's own files at the commit it was built
from: Binder builds its environment from those files
(`.binder/requirements.txt`) and both services open the notebooks there.
"""

import os
import re
import shutil
from pathlib import Path
from urllib.parse import quote

from sphinx.errors import ConfigError

BRANCH = "notebooks"  # the branch the workflow publishes the notebooks on
FOLDER = "notebooks"  # their folder, in the site and on that branch
SETTINGS = ("BOOK_REPOSITORY", "BOOK_BRANCH", "BOOK_COMMIT")
OWNER_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+")
THEME_LAUNCH_KEYS = ("binderhub_url", "jupyterhub_url", "colab_url", "deepnote_url")


def repository_from_environment(environ=os.environ):
    """{"repository", "branch", "commit"} from the workflow's settings, or None when unset."""
    values = {name: environ.get(name, "").strip() for name in SETTINGS}
    if not any(values.values()):
        return None
    missing = [name for name, value in values.items() if not value]
    if missing:
        raise ConfigError(f"{', '.join(missing)} must be set with {', '.join(SETTINGS)}")
    if not OWNER_NAME.fullmatch(values["BOOK_REPOSITORY"]):
        raise ConfigError(f"BOOK_REPOSITORY must be owner/name, got {values['BOOK_REPOSITORY']!r}")
    return {
        "repository": values["BOOK_REPOSITORY"],
        "branch": values["BOOK_BRANCH"],
        "commit": values["BOOK_COMMIT"],
    }


def launch_links(repository, filename, binderhub_url, colab_url):
    """{"Colab": url, "Binder": url} opening notebooks/`filename` on the notebooks branch."""
    path = f"{FOLDER}/{quote(filename)}"
    return {
        "Colab": f"{colab_url.rstrip('/')}/github/{repository}/blob/{BRANCH}/{path}",
        "Binder": f"{binderhub_url.rstrip('/')}/v2/gh/{repository}/{BRANCH}"
        f"?urlpath=lab/tree/{path}",
    }


def take_launch_settings(app, config):
    """Read the repository; keep the launch services' addresses for our buttons only.

    The theme's own buttons would open the chapter's Markdown on the source
    branch, which Colab cannot open: they stay off.
    """
    options = config.html_theme_options
    launch = dict(options.get("launch_buttons") or {})
    app.launch_services = {key: launch.pop(key, "") for key in THEME_LAUNCH_KEYS}
    launch["thebe"] = False
    options["launch_buttons"] = launch
    app.book_repository = repository_from_environment()
    if app.book_repository:
        options["repository_url"] = f"https://github.com/{app.book_repository['repository']}"
        options["repository_branch"] = app.book_repository["branch"]


def publish_chapter_notebook(app, pagename, templatename, context, doctree):
    """Put the chapter's notebook (the download) in notebooks/, beside its workbook."""
    if "workbook_url" not in context or not context.get("ipynb_source"):
        return
    download = Path(app.outdir) / "_sources" / context["ipynb_source"]
    folder = Path(app.outdir) / FOLDER
    folder.mkdir(exist_ok=True)
    shutil.copy2(download, folder / Path(context["ipynb_source"]).name)


def add_launch_buttons(app, pagename, templatename, context, doctree):
    """A launch menu on every chapter: its notebook and its workbook, in Colab and Binder."""
    if app.book_repository is None or "workbook_url" not in context:
        return
    services = app.launch_services
    buttons = []
    for what, filename in (
        ("chapter", Path(context["ipynb_source"]).name),
        ("workbook", context["workbook_url"].rpartition("/")[2]),
    ):
        links = launch_links(
            app.book_repository["repository"],
            filename,
            services["binderhub_url"],
            services["colab_url"],
        )
        for service, url in links.items():
            buttons.append(
                {
                    "type": "link",
                    "text": f"{service}: {what}",
                    "tooltip": f"Run the {what} in {service}",
                    "icon": f"_static/images/logo_{service.lower()}."
                    + ("png" if service == "Colab" else "svg"),
                    "url": url,
                    "label": f"launch-{service.lower()}-{what}",
                }
            )
    context["header_buttons"].append(
        {
            "type": "group",
            "tooltip": "Run this chapter or its workbook online",
            "icon": "fas fa-rocket",
            "buttons": buttons,
            "label": "launch-buttons",
        }
    )


def setup(app):
    app.connect("config-inited", take_launch_settings)
    app.connect("html-page-context", publish_chapter_notebook, priority=460)
    app.connect("html-page-context", add_launch_buttons, priority=510)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
