"""A reader who runs only the code a chapter shows gets a working chapter.

The pages hide some cells (tagged remove-cell): they glue computed numbers into
the prose. No visible cell may depend on them, or a reader copying the code, or
running the downloaded notebook without them, would meet a NameError.
"""

import pytest
from cells import shown_notebook
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from toc import ROOT, chapter_files


def run_visible_cells(text, directory=ROOT / "book"):
    """Execute a MyST notebook's cells, leaving out the hidden ones."""
    client = NotebookClient(
        shown_notebook(text),
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(directory)}},
    )
    client.execute()


@pytest.mark.parametrize("name", chapter_files())
def test_visible_cells_run_without_the_hidden_ones(name):
    run_visible_cells((ROOT / f"{name}.md").read_text())


def test_a_visible_cell_that_needs_a_hidden_one_fails():
    text = """---
kernelspec:
  name: python3
  display_name: Python 3
---

```{code-cell} ipython3
:tags: [remove-cell]
answer = 42
```

```{code-cell} ipython3
print(answer)
```
"""
    with pytest.raises(CellExecutionError, match="NameError"):
        run_visible_cells(text)
