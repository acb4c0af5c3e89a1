"""The last cell of a workbook: what the reader has done and what is still to do."""

import sys

from practice.exercise import Exercise
from practice.feedback import Feedback, show
from practice.prediction import Prediction


def still_to_do():
    """Print, for every check in the notebook, whether its answer is right yet.

    An exercise is checked again against the function the notebook holds now;
    a prediction keeps the verdict of its last check.
    """
    namespace = sys._getframe(1).f_globals
    checks = {
        name: check
        for name, check in namespace.items()
        if name.startswith("check_") and isinstance(check, Exercise | Prediction)
    }
    show(summary(checks, namespace))


def summary(checks, namespace):
    """A Feedback listing what is done and what is not, from `checks` by name."""
    left = []
    for name, check in checks.items():
        if isinstance(check, Exercise):
            answer = namespace.get(check.name)
            status = check.feedback(answer).status if answer is not None else "todo"
            what = f"exercise {check.name} ({name}.check({check.name}))"
        else:
            status = check.status
            what = f"prediction {name.removeprefix('check_')}"
        if status != "right":
            left.append(f"- {what}: {VERDICTS[status]}")
    done = len(checks) - len(left)
    if not left:
        return Feedback(f"All {done} checks are right. Well done!", status="right")
    return Feedback(
        f"{done} of {len(checks)} checks right. Still to do:\n" + "\n".join(left),
        status="todo",
    )


VERDICTS = {
    "todo": "not attempted yet",
    "wrong": "not right yet",
    "unchecked": "not checked yet",
}
