"""Feedback for the reader's own answers, in the book's workbooks.

A chapter declares, beside each coding exercise, an `Exercise` check built
from the book's solution, and beside each "Predict" checkpoint a
`Prediction` check built from what the answering cell computed. In a
workbook the reader calls `check(...)`, and `hint()` or `solution()` when
they want more; the last cell, `still_to_do()`, lists what is left.
Nothing here is part of the neuron itself: `neuron` does not import this
package, and this package needs only NumPy.
"""

from practice.exercise import Exercise
from practice.prediction import Prediction
from practice.progress import still_to_do

__all__ = ["Exercise", "Prediction", "still_to_do"]
