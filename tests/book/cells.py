"""A chapter's notebook as its page shows it: without the hidden cells."""

from myst_nb.core.read import read_myst_markdown_notebook

# Cells with this tag glue computed numbers into the prose; the page leaves them out.
HIDDEN = "remove-cell"


def shown_notebook(text):
    """The MyST Markdown notebook `text`, without its hidden cells."""
    notebook = read_myst_markdown_notebook(text)
    notebook.cells = [
        cell for cell in notebook.cells if HIDDEN not in cell.metadata.get("tags", [])
    ]
    return notebook
