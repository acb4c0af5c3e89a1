"""A cell's printed text shown as Python printed it, in one block.

The kernel sends what a cell prints in pieces, split wherever its output
buffer happened to be flushed: `print("targets:", row)` can arrive as
"targets:" and " [0. 1. 0. 1.]\\n". myst-nb shows each piece as a block of
its own, so the page would break that line in two, and differently from one
build to the next. Here consecutive pieces of the same stream (stdout or
stderr) become one block holding their text joined exactly. (myst-nb's own
`nb_merge_streams` strips each piece's whitespace and adds a newline, which
breaks the same line.)
"""

from docutils import nodes


def is_stream(node):
    return isinstance(node, nodes.literal_block) and "stream" in node["classes"]


def join_printed_pieces(app, doctree):
    for output in doctree.findall(nodes.container):
        if "cell_output" not in output["classes"]:
            continue
        previous = None
        for child in list(output.children):
            same_stream = is_stream(previous) and previous["classes"] == child["classes"]
            if is_stream(child) and same_stream:
                text = previous.astext() + child.astext()
                previous.rawsource = text
                previous.children = [nodes.Text(text)]
                output.remove(child)
            else:
                previous = child


def setup(app):
    app.connect("doctree-read", join_printed_pieces)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
