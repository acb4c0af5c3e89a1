"""The check of a coding exercise: the reader's function against the book's.

A chapter declares it once, beside the exercise, from the book's solution
and a few test inputs:

    check_logit = Exercise(logit, cases=[0.5, [0.1, 0.9]], hint="...")

In a workbook the solution is given as its source code instead, so that it
stays out of sight until the reader asks for it with `solution()`.
`check(answer)` runs the reader's function on every test input and prints
what is wrong in the reader's terms; it never raises on a wrong answer.
"""

import ast
import copy
import dis
import inspect
import re
import sys
import warnings

import numpy as np

from practice.feedback import Feedback, show

# What a body of `...`, `pass` or only a docstring compiles to.
EMPTY_BODY = {"RESUME", "NOP", "LOAD_CONST", "RETURN_VALUE", "RETURN_CONST"}


class Exercise:
    """Check the reader's answer to one coding exercise.

    solution: the book's function (or class), or its source code as a
        string, which is run in the namespace of the caller (the notebook).
    cases: the test inputs; a tuple is the positional arguments of one
        call, a dict its keyword arguments, anything else its one argument.
    call: how to get an answer from a solution, `call(solution, *args)`;
        by default the solution is called with the arguments.
    hint: a sentence that helps without giving the answer away.
    rtol, atol: how close an answer must be (as in np.allclose).
    """

    def __init__(self, solution, cases, *, call=None, hint="", rtol=1e-5, atol=1e-8):
        if isinstance(solution, str):
            self._source = solution.strip() + "\n"
            solution = define(self._source, sys._getframe(1).f_globals)
        else:
            self._source = None
        if not cases:
            raise ValueError("an Exercise needs at least one test input in cases")
        self.name = solution.__name__
        self._solution = solution
        self._cases = [as_arguments(case) for case in cases]
        self._call = call
        self._hint = hint
        self._tolerance = {"rtol": rtol, "atol": atol}
        self._parameters = parameter_names(call or solution, skip=1 if call else 0)

    def check(self, answer):
        """Print whether `answer` (the reader's function) is right, and if not, why."""
        show(self.feedback(answer, called=name_in(sys._getframe(1).f_globals, self)))

    def hint(self):
        """Print the exercise's hint."""
        show(Feedback(self._hint or "No hint for this one: try solution()."))

    def solution(self):
        """Print the book's solution."""
        source = self._source or inspect.getsource(self._solution)
        show(Feedback(source.rstrip(), code=True))

    def feedback(self, answer, called="this check"):
        """What `check` prints about `answer`, as a Feedback.

        called: the check's name in the notebook, for the closing advice.
        """
        if not_attempted(answer):
            return Feedback(
                f"{self.name}: not attempted yet. Write your code in the cell "
                "above, run that cell, then run this check again.",
                status="todo",
            )
        problems = {}  # the first problem of each kind, and how often it came up
        for args, kwargs in self._cases:
            for kind, text in self._problems(answer, args, kwargs):
                first, count = problems.get(kind, (text, 0))
                problems[kind] = first, count + 1
        if not problems:
            count = len(self._cases)
            inputs = "the test input" if count == 1 else f"all {count} test inputs"
            return Feedback(
                f"{self.name} is right: it gives the expected answer for {inputs}.",
                status="right",
            )
        lines = "\n".join(
            f"- {text}"
            + (f" (and {count - 1} more test inputs)" if count > 1 and text[:4] == "for " else "")
            for text, count in problems.values()
        )
        return Feedback(
            f"{self.name} is not right yet:\n{lines}\n"
            f"Change it, run its cell again, then this check. {called}.hint() "
            f"gives a hint, {called}.solution() the book's answer.",
            status="wrong",
        )

    def _run(self, function, args, kwargs):
        if self._call is not None:
            return self._call(function, *args, **kwargs)
        return function(*args, **kwargs)

    def _problems(self, answer, args, kwargs):
        """(kind, message) for each problem of `answer` on one test input."""
        where = self._describe(args, kwargs)
        with warnings.catch_warnings(record=True) as expected_warnings:
            warnings.simplefilter("always")
            expected = self._run(self._solution, *fresh(args, kwargs))
        given_args, given_kwargs = fresh(args, kwargs)
        random_state = np.random.get_state()  # noqa: NPY002 (the legacy state is what we guard)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                got = self._run(answer, given_args, given_kwargs)
            except Exception as error:  # the reader's error is what we report
                return [("raised", f"{where}: raised {type(error).__name__}: {error}")]
            finally:
                random_touched = not same_random_state(
                    random_state,
                    np.random.get_state(),  # noqa: NPY002
                )
                np.random.set_state(random_state)  # noqa: NPY002 (undo the reader's change)
        problems = compare(expected, got, where, self._tolerance)
        problems += changed_inputs(args, kwargs, given_args, given_kwargs, self._parameters)
        if random_touched:
            problems.append(
                (
                    "random",
                    "it changed NumPy's global random state (np.random.seed, "
                    "np.random.rand ...): make a generator of your own with "
                    "np.random.default_rng(seed) instead",
                )
            )
        for warning in caught[: 0 if expected_warnings else 1]:
            problems.append(
                (
                    "warned",
                    f"{where}: it warned {warning.category.__name__}: {warning.message}",
                )
            )
        return problems

    def _describe(self, args, kwargs):
        """'for p = 0.5' (the test input, named as in the function's signature)."""
        names = list(self._parameters) + [f"argument {i + 1}" for i in range(len(args))]
        pairs = [*zip(names, args, strict=False), *kwargs.items()]
        return "for " + ", ".join(f"{name} = {short(value)}" for name, value in pairs)


def name_in(namespace, value, default="this check"):
    """The name `value` has in `namespace` (a notebook's globals), for messages."""
    return next((k for k, v in namespace.items() if v is value and k[0] != "_"), default)


def define(source, namespace):
    """Run `source` in a copy of `namespace`; return the last function or class it defines.

    Helpers the solution needs come before it in `source`.
    """
    tree = ast.parse(source)
    names = [node.name for node in tree.body if isinstance(node, ast.FunctionDef | ast.ClassDef)]
    if not names:
        raise ValueError("the solution must define a function or a class")
    scope = dict(namespace)
    exec(compile(tree, f"<solution {names[-1]}>", "exec"), scope)
    return scope[names[-1]]


def as_arguments(case):
    """A test input as (positional arguments, keyword arguments)."""
    if isinstance(case, dict):
        return (), case
    if isinstance(case, tuple):
        return case, {}
    return (case,), {}


def fresh(args, kwargs):
    """Copies of the arguments, so that no call sees what another did to them."""
    return copy.deepcopy(args), copy.deepcopy(kwargs)


def parameter_names(function, skip=0):
    """The names of `function`'s parameters, for the messages."""
    try:
        return list(inspect.signature(function).parameters)[skip:]
    except (TypeError, ValueError):
        return []


def not_attempted(answer):
    """True when every function in `answer` has an empty body (the starter's)."""
    if inspect.isclass(answer):
        functions = [f for f in vars(answer).values() if inspect.isfunction(f)]
    else:
        functions = [answer]
    codes = [getattr(f, "__code__", None) for f in functions]
    if not codes or None in codes:
        return False
    return all(
        i.opname in EMPTY_BODY and (i.opname == "RESUME" or i.argval is None)
        for code in codes
        for i in dis.get_instructions(code)
    )


def same_random_state(before, after):
    return (
        before[0] == after[0] and np.array_equal(before[1], after[1]) and (before[2:] == after[2:])
    )


def compare(expected, got, where, tolerance):
    """The ways `got` differs from `expected` (an empty list if it does not)."""
    if got is None and expected is not None:
        return [("none", f"{where}: it returned None; does the function end with `return ...`?")]
    expected_shape, got_shape = np.shape(expected), shape_of(got)
    if got_shape is None:
        return [
            (
                "type",
                f"{where}: expected a number or an array of numbers, "
                f"got {type(got).__name__} {short(got)}",
            )
        ]
    if expected_shape != got_shape:
        return [("shape", f"{where}: expected shape {expected_shape}, got shape {got_shape}")]
    if not np.allclose(got, expected, equal_nan=True, **tolerance):
        shown_expected, shown_got = distinct(expected, got)
        return [("value", f"{where}: expected {shown_expected}, got {shown_got}")]
    return []


def shape_of(value):
    """The shape of `value` if it is a number or an array of numbers, else None."""
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        return None
    return array.shape


def changed_inputs(args, kwargs, given_args, given_kwargs, parameters):
    """Messages for the inputs the reader's function wrote into."""
    names = list(parameters) + [f"argument {i + 1}" for i in range(len(args))]
    pairs = [*zip(names, args, given_args, strict=False)]
    pairs += [(name, kwargs[name], given_kwargs[name]) for name in kwargs]
    return [
        (
            f"changed {name}",
            f"it changed its input {name} (the caller's): compute into a new "
            "array (or work on a copy of it, np.copy) instead",
        )
        for name, before, after in pairs
        if not same_value(before, after)
    ]


def same_value(a, b):
    """Whether two inputs hold the same values (an object: the same attributes)."""
    if hasattr(a, "__dict__") and not callable(a) and type(a) is type(b):
        attributes = vars(a)
        return attributes.keys() == vars(b).keys() and all(
            same_value(value, vars(b)[name]) for name, value in attributes.items()
        )
    try:
        return bool(np.array_equal(np.asarray(a), np.asarray(b), equal_nan=True))
    except (TypeError, ValueError):
        return a == b


def short(value, precision=4):
    """A short text for a number or an array (lists shown like arrays)."""
    if isinstance(value, float | np.floating | int) and not isinstance(value, bool):
        return format(value, f".{precision}g")
    if isinstance(value, np.ndarray | list | tuple | float | np.floating | int):
        try:
            text = np.array2string(
                np.asarray(value),
                precision=precision,
                floatmode="maxprec",
                separator=", ",
                threshold=12,
            )
            text = " ".join(text.split())  # one line
            return re.sub(r"\[ +| +(?=[,\]])", lambda m: m[0].strip(), text)  # no padding
        except (TypeError, ValueError):
            pass
    if callable(value) and hasattr(value, "__name__"):
        return value.__name__
    text = repr(value)
    if " at 0x" in text:  # an object without a repr of its own: its kind
        return f"a {type(value).__name__}"
    return text if len(text) <= 60 else text[:57] + "..."


def distinct(expected, got):
    """Texts for two numbers (or arrays) with enough digits to tell them apart."""
    for precision in (4, 6, 8, 12, 16):
        shown = short(expected, precision), short(got, precision)
        if shown[0] != shown[1]:
            return shown
    return shown
