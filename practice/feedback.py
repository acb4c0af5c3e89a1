"""What a check tells the reader: a status and a few lines of text."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Feedback:
    """text: what the reader reads; status: "right", "wrong", "todo" or "info"."""

    text: str
    status: str = "info"
    code: bool = False


def show(feedback):
    """Print the feedback: plain text reads the same in every notebook and terminal."""
    print(feedback.text)
