"""The check of a "Predict" checkpoint: the reader's guess against the cell's answer.

A chapter declares it in a hidden cell right after the cell that answers the
question, from the value that cell computed:

    check_first_step = Prediction("b")            # one of the options (a), (b) ...
    check_final_loss = Prediction(final_loss, rtol=0.25)   # a number

In a workbook the reader writes `prediction = "b"` (or a number) before the
answering cell runs, and `check_first_step.check(prediction)` after it.
"""

import numbers

from practice.feedback import Feedback, show


class Prediction:
    """Compare a prediction with the answer a cell computed.

    answer: an option's letter ("a", "b" ...) or a number.
    rtol: for a number, how far (relative) a prediction may be and still count.
    """

    def __init__(self, answer, *, rtol=0.1):
        if isinstance(answer, str):
            self.answer = option(answer)
            if self.answer is None:
                raise ValueError(f"an option is a single letter such as 'b', got {answer!r}")
        elif isinstance(answer, numbers.Real) and not isinstance(answer, bool):
            self.answer = float(answer)
        else:
            raise TypeError(f"answer must be an option's letter or a number, got {answer!r}")
        self.rtol = rtol
        self.status = "unchecked"  # the verdict of the last check

    def check(self, prediction):
        """Print whether `prediction` matches what the cell computed."""
        feedback = self.feedback(prediction)
        self.status = feedback.status
        show(feedback)

    def feedback(self, prediction):
        """What `check` prints about `prediction`, as a Feedback."""
        if prediction is ... or prediction is None:
            return Feedback(
                "Not predicted yet: write your prediction in the cell before the "
                "answering cell (prediction = ...), then run both and this check.",
                status="todo",
            )
        if isinstance(self.answer, str):
            return self._choice(prediction)
        return self._number(prediction)

    def _choice(self, prediction):
        given = option(prediction) if isinstance(prediction, str) else None
        if given is None:
            return Feedback(
                f'Write one option\'s letter, such as prediction = "a"; got {prediction!r}.',
                status="wrong",
            )
        if given == self.answer:
            return Feedback(f"Right: ({given}), as the cell computed.", status="right")
        return Feedback(
            f"Not this time: you predicted ({given}), the cell computed ({self.answer}). "
            'The "Why" note under the question explains what decides it.',
            status="wrong",
        )

    def _number(self, prediction):
        if not isinstance(prediction, numbers.Real) or isinstance(prediction, bool):
            return Feedback(
                f"Write a number, such as prediction = 0.5; got {prediction!r}.",
                status="wrong",
            )
        close = abs(prediction - self.answer) <= self.rtol * abs(self.answer)
        within = f"within {self.rtol:.0%}"
        if close:
            return Feedback(
                f"Right: you predicted {prediction:.4g}, the cell computed "
                f"{self.answer:.4g} ({within}).",
                status="right",
            )
        return Feedback(
            f"Not this time: you predicted {prediction:.4g}, the cell computed "
            f"{self.answer:.4g} (a prediction {within} counts). "
            'The "Why" note under the question explains it.',
            status="wrong",
        )


def option(text):
    """'b', '(b)', 'B' or ' b) ' -> 'b'; None if `text` is not one letter."""
    letter = text.strip().strip("()").strip().lower()
    return letter if len(letter) == 1 and letter.isalpha() else None
