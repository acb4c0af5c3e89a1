"""Notebook cell ids derived from the cells, so one source gives one notebook.

nbformat gives each new cell a random id, so every build would write a
different notebook for the same chapter. Here a cell's id is the start of the
SHA-256 of its type and source; a cell that repeats an earlier one in the same
notebook gets `-2`, `-3` ... after it, because ids must be unique.
"""

import hashlib

ID_LENGTH = 16  # hex digits: 64 bits, far from any collision in a book


def derive_cell_ids(notebook):
    """Set the id of every cell of `notebook` from its type and source."""
    seen = {}
    for cell in notebook.cells:
        text = f"{cell.cell_type}\n{cell.source}".encode()
        digest = hashlib.sha256(text).hexdigest()[:ID_LENGTH]
        seen[digest] = seen.get(digest, 0) + 1
        cell.id = digest if seen[digest] == 1 else f"{digest}-{seen[digest]}"
