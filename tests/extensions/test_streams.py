"""streams.py: the pieces of a cell's printed text become one block, joined exactly."""

from docutils import nodes
from streams import join_printed_pieces


def cell_output(*pieces):
    """A cell's output container holding (classes, text) pieces, in a document."""
    output = nodes.container(classes=["cell_output"])
    for classes, text in pieces:
        output += nodes.literal_block(text, text, classes=classes)
    document = nodes.section()
    document += output
    return document, output


STDOUT, STDERR = ["output", "stream"], ["output", "stream", "stderr"]


def blocks(output):
    return [(child["classes"], child.astext(), child.rawsource) for child in output.children]


def test_pieces_of_one_line_are_joined_exactly():
    document, output = cell_output((STDOUT, "targets:"), (STDOUT, " [0. 1.]\n"), (STDOUT, "ok\n"))
    join_printed_pieces(None, document)
    text = "targets: [0. 1.]\nok\n"
    assert blocks(output) == [(STDOUT, text, text)]


def test_stdout_and_stderr_stay_apart_and_in_order():
    document, output = cell_output(
        (STDOUT, "a\n"), (STDERR, "warning\n"), (STDERR, "more\n"), (STDOUT, "b\n")
    )
    join_printed_pieces(None, document)
    assert [text for _, text, _ in blocks(output)] == ["a\n", "warning\nmore\n", "b\n"]


def test_a_figure_between_two_prints_keeps_them_apart():
    document, output = cell_output((STDOUT, "before\n"))
    output += nodes.image(uri="figure.png")
    output += nodes.literal_block("after\n", "after\n", classes=STDOUT)
    join_printed_pieces(None, document)
    assert [type(child) for child in output.children] == [
        nodes.literal_block,
        nodes.image,
        nodes.literal_block,
    ]


def test_code_outside_a_cell_output_is_left_alone():
    document = nodes.section()
    for text in ["x = 1", "y = 2"]:
        document += nodes.literal_block(text, text, classes=STDOUT)
    join_printed_pieces(None, document)
    assert [child.astext() for child in document.children] == ["x = 1", "y = 2"]
