"""Printed output as one block per stream, however the kernel sent it.

A kernel sends what a cell prints in pieces, whenever its buffer is flushed
(every 0.2 s while the cell runs, and at its end). The same text therefore
arrives as one stream output in one run and as two in another, and myst-nb
renders each piece as a block of its own. Here consecutive pieces of the same
stream (stdout, stderr) are joined, exactly, so what a page and a notebook show
depends only on what was printed.

- `merge_streams(notebook)` does it to a notebook's outputs (the downloads).
- `MergeStreamBlocks` does it to the page's output blocks (HTML and LaTeX).

myst-nb's own `nb_merge_streams` is not used: it strips each piece's trailing
whitespace and adds a newline, so its result still depends on where the
pieces were cut, and it moves text printed after a figure to before it.
"""

from docutils import nodes
from sphinx.transforms import SphinxTransform

# The class myst-nb gives, besides "output", to a block of stdout and of stderr.
STREAM_CLASSES = ("stream", "stderr")


def merge_streams(notebook):
    """In each code cell, make each run of consecutive same-name streams one."""
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = merged_outputs(cell.outputs)


def merged_outputs(outputs):
    """`outputs`, each run of one stream joined into its first output."""
    merged = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (
            output.output_type == "stream"
            and previous is not None
            and previous.output_type == "stream"
            and previous.name == output.name
        ):
            previous.text += output.text
        else:
            merged.append(output)
    return merged


def stream_of(node):
    """The stream an output block shows ("stream" or "stderr"), or None."""
    if not isinstance(node, nodes.literal_block) or "output" not in node["classes"]:
        return None
    return next((name for name in STREAM_CLASSES if name in node["classes"]), None)


class MergeStreamBlocks(SphinxTransform):
    """Join consecutive output blocks of one stream into one block."""

    default_priority = 700  # after parsing, before the page is written

    def apply(self, **kwargs):
        for block in list(self.document.findall(nodes.literal_block)):
            stream = stream_of(block)
            if stream is None:
                continue
            following = block.next_node(descend=False, siblings=True)
            if stream_of(following) != stream:
                continue
            text = block.astext() + following.astext()
            following.rawsource = text  # highlighted as one block
            following.children = []
            following += nodes.Text(text)
            block.parent.remove(block)


def setup(app):
    app.add_transform(MergeStreamBlocks)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
