"""A chapter's workbook: its notebook, with the reader's answers to write and check.

A chapter declares a check beside each coding exercise and each "Predict"
checkpoint, in a hidden cell (tag `remove-cell`) that assigns a
`practice.Exercise` or `practice.Prediction` to a name starting `check_`:

- after the solution's code, `check_logit = Exercise(logit, cases=..., hint=...)`;
- after the cell that answers a Predict, `check_first_step = Prediction("b")`.

`reveal_checks` keeps those cells in the chapter's executed notebook (the
solution's source written into the Exercise, so it works without the
solution's cell); the notebook converter then makes the notebook the reader
reads, and `to_workbook` turns it into the workbook:

- each checked exercise gets, right after its text, the check (its code
  folded: it holds the book's solution), a starter cell (the solution's
  signature and docstring, the body left to the reader) and a cell that runs
  the check; the solution's code cells go (its prose stays, folded);
- each Predict gets a cell for the reader's prediction before the cell that
  answers it, and a cell that checks it after;
- a last cell lists what is still to do (in a chapter with checks).
"""

import ast
import os
import re
import time
import zipfile
from copy import deepcopy
from pathlib import Path

import nbformat
from cell_ids import derive_cell_ids
from notebook_export import FOLD as FOLDED_IN_JUPYTERLAB
from notebook_export import HIDDEN, page_notebook

CHECK, STARTER, PREDICTION, PROGRESS = "check", "starter", "prediction", "progress"
# A check's code folded in JupyterLab, and in Colab too (its form view).
FOLD = {**FOLDED_IN_JUPYTERLAB, "cellView": "form"}
CHECK_NAME = re.compile(r"check_\w+")


HOW_TO = (
    "*This is the chapter's workbook.* Run its cells from the top. Where the "
    "chapter asks you to predict, write your prediction in the cell before the "
    'answer (`prediction = "a"`); the cell after the answer checks it. Each '
    "coding exercise gives you a function to write, with its signature and "
    "docstring: replace `...` with your code, run the cell, then run the check "
    "below it, which tells you what is still wrong. `hint()` and `solution()` "
    "on a check tell you more when you ask. The last cell lists what is left."
)


class WorkbookError(ValueError):
    """A chapter's check declaration the workbook cannot use."""


def declaration(source):
    """(check name, "Exercise" or "Prediction", the call) for a declaring cell, or None."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Name)
            and node.value.func.id in ("Exercise", "Prediction")
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
        ):
            name = node.targets[0].id
            if not CHECK_NAME.fullmatch(name):
                raise WorkbookError(f"a check's name starts with check_, got {name}")
            return name, node.value.func.id, node.value
    return None


def definition(cells, name):
    """The source of the top-level def or class `name` in these code cells, and its cell.

    The cell's imports come first, then the functions of that cell that `name`
    uses (a helper the solution wrote beside it), then `name` itself, last.
    """
    for cell in cells:
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:
            continue
        defined = {
            node.name: node
            for node in tree.body
            if isinstance(node, ast.FunctionDef | ast.ClassDef)
        }
        if name not in defined:
            continue
        used = {node.id for node in ast.walk(defined[name]) if isinstance(node, ast.Name)}
        parts = [node for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)]
        parts += [node for other, node in defined.items() if other in used and other != name]
        parts.append(defined[name])
        sources = [ast.get_source_segment(cell.source, node, padded=True) for node in parts]
        return "\n\n\n".join(sources), cell
    raise WorkbookError(f"no def or class {name} in the chapter for its check")


def reveal_checks(executed):
    """A copy of the chapter's executed notebook whose check declarations are kept.

    Each Exercise's first argument, the solution's name, becomes the solution's
    source: the workbook holds no cell that defines it.
    """
    notebook = deepcopy(executed)
    for cell in notebook.cells:
        tags = cell.metadata.get("tags", [])
        if cell.cell_type != "code" or HIDDEN not in tags:
            continue
        found = declaration(cell.source)
        if found is None:
            continue
        _, kind, call = found
        cell.metadata.tags = [CHECK if tag == HIDDEN else tag for tag in tags]
        cell.outputs = []
        if kind == "Exercise":
            solution = call.args[0]
            if not isinstance(solution, ast.Name):
                raise WorkbookError("an Exercise's first argument names its solution")
            source, _ = definition(notebook.cells, solution.id)
            cell.source = replace_segment(cell.source, solution, as_literal(source))
    return notebook


def replace_segment(source, node, text):
    """`source` with the text of `node` replaced by `text`."""
    lines = source.splitlines(keepends=True)
    start = sum(len(line) for line in lines[: node.lineno - 1]) + node.col_offset
    end = sum(len(line) for line in lines[: node.end_lineno - 1]) + node.end_col_offset
    return source[:start] + text + source[end:]


def as_literal(source):
    """A triple-quoted string literal holding `source`."""
    body = source.strip("\n").replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return f'"""\n{body}\n"""'


def starter(source):
    """A starter from a solution: its imports, signatures and docstrings, bodies `...`."""
    tree = ast.parse(source)
    lines = source.splitlines()
    kept = []
    for node in tree.body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            kept.append(ast.get_source_segment(source, node))
        elif isinstance(node, ast.FunctionDef):
            kept.append(stub(node, lines))
        elif isinstance(node, ast.ClassDef):
            body_start = node.body[0].lineno - 1
            header = lines[node.lineno - 1 : body_start]
            parts = ["\n".join(header)]
            if docstring_of(node):
                parts.append("\n".join(lines[body_start : node.body[0].end_lineno]))
            for method in node.body:
                if isinstance(method, ast.FunctionDef):
                    parts.append("\n" + stub(method, lines))
            kept.append("\n".join(parts))
    return "\n\n\n".join(kept)


def stub(function, lines):
    """A function's signature and docstring, with `...` for its body."""
    first = function.body[0]
    header = lines[function.lineno - 1 : first.lineno - 1]
    indent = " " * first.col_offset
    docstring = lines[first.lineno - 1 : first.end_lineno] if docstring_of(function) else []
    return "\n".join([*header, *docstring, f"{indent}...  # your code here"])


def docstring_of(node):
    first = node.body[0]
    return (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and (isinstance(first.value.value, str))
    )


def code_cell(source, tag, folded=False):
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata.tags = [tag]
    if folded:
        cell.metadata.update(deepcopy(FOLD))
    return cell


def to_workbook(notebook):
    """The workbook, from the chapter's reader notebook made with its checks revealed."""
    workbook = deepcopy(notebook)
    cells = workbook.cells
    for check in [cell for cell in cells if CHECK in cell.metadata.get("tags", [])]:
        name, kind, call = declaration(check.source)
        if kind == "Exercise":
            add_exercise(cells, check, name, call)
        else:
            add_prediction(cells, check, name)
    if any(CHECK in cell.metadata.get("tags", []) for cell in cells):
        title = next(i for i, cell in enumerate(cells) if cell.cell_type == "markdown")
        cells.insert(title + 1, markdown(HOW_TO))
        cells.append(markdown("This cell lists the exercises and predictions still to do."))
        cells.append(code_cell("from practice import still_to_do\n\nstill_to_do()", PROGRESS))
    derive_cell_ids(workbook)  # the cells added here came with random ids
    return workbook


def add_exercise(cells, check, name, call):
    """Replace the solution's code by the check, a starter and the check's call."""
    label = solution_of(check)
    if label is None:
        raise WorkbookError(f"{name} is not inside an exercise's solution")
    solution_source = ast.literal_eval(call.args[0])
    function = [
        node.name
        for node in ast.parse(solution_source).body
        if isinstance(node, ast.FunctionDef | ast.ClassDef)
    ][-1]
    cells[:] = [
        cell
        for cell in cells
        if not (
            cell.cell_type == "code" and cell.metadata.get("book", {}).get("solution") == label
        )
    ]
    first_solution = next(
        index
        for index, cell in enumerate(cells)
        if cell.metadata.get("book", {}).get("solution") == label
    )
    declaring = code_cell(
        f"# @title The check of {function} (it holds the book's solution: "
        f"{name}.solution() shows it)\n{check.source}",
        CHECK,
        folded=True,
    )
    cells[first_solution:first_solution] = [
        declaring,
        markdown(
            f"Write the body of `{function}` in the next cell and run it; the cell "
            f"after it checks your answer. `{name}.hint()` gives a hint, "
            f"`{name}.solution()` shows the book's solution."
        ),
        code_cell(starter(solution_source), STARTER),
        code_cell(f"{name}.check({function})", CHECK),
    ]


def add_prediction(cells, check, name):
    """A cell for the prediction before the answering cell, its check after."""
    index = cells.index(check)
    answering = max(
        i
        for i in range(index)
        if cells[i].cell_type == "code" and CHECK not in cells[i].metadata.get("tags", [])
    )
    check.metadata.update(deepcopy(FOLD))
    check.source = f"# @title The answer the cell above computed\n{check.source}"
    cells.insert(index + 1, code_cell(f"{name}.check(prediction)", CHECK))
    cells[answering:answering] = [
        code_cell(
            "# Your prediction, before you run the next cell: an option's letter\n"
            '# in quotes, such as "a", or a number.\n'
            "prediction = ...",
            PREDICTION,
        )
    ]


def solution_of(cell):
    """The label of the exercise whose solution holds this cell (the converter's mark)."""
    return cell.metadata.get("book", {}).get("solution")


def markdown(text):
    return nbformat.v4.new_markdown_cell(text)


# The website: a workbook for every chapter, in its download menu; all in one archive.

WORKBOOKS = "notebooks"  # the site's folder for the notebooks readers run
ARCHIVE = "workbooks.zip"
WORKBOOK_SUFFIX = "-workbook"  # 03-sigmoid.ipynb's workbook is 03-sigmoid-workbook.ipynb


def workbook_name(pagename):
    """book/03-sigmoid -> 03-sigmoid-workbook.ipynb"""
    return f"{pagename.rpartition('/')[2]}{WORKBOOK_SUFFIX}.ipynb"


def is_chapter(pagename):
    """The numbered chapters: pages whose file name starts with two digits."""
    return pagename.rpartition("/")[2][:2].isdigit()


def write_workbook(app, pagename, templatename, context, doctree):
    if doctree is None or not is_chapter(pagename):
        return
    notebook = page_notebook(app, pagename, prepare=reveal_checks)
    if notebook is None:
        return
    path = Path(app.outdir) / WORKBOOKS / workbook_name(pagename)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(to_workbook(notebook), path)
    context["workbook_url"] = f"{context['pathto'](WORKBOOKS, 1)}/{path.name}"


def offer_workbook(app, pagename, templatename, context, doctree):
    """Put the workbook in the page's download menu, after the notebook."""
    if "workbook_url" not in context:
        return
    for group in context.get("header_buttons", []):
        if group.get("label") == "download-buttons":
            group["buttons"].insert(
                1,
                {
                    "type": "link",
                    "url": context["workbook_url"],
                    "text": "workbook",
                    "tooltip": "Download the chapter's workbook: its exercises with checks",
                    "icon": "fas fa-pencil",
                    "label": "download-workbook-button",
                },
            )


def pack_workbooks(app, exception):
    """All the workbooks as one archive at the site's root, for the preface's link."""
    if exception is not None or app.builder.format != "html":
        return
    folder = Path(app.outdir) / WORKBOOKS
    # Dated like the build (not by the files' times): same workbooks, same archive.
    date = archive_date()
    with zipfile.ZipFile(Path(app.outdir) / ARCHIVE, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.glob(f"*{WORKBOOK_SUFFIX}.ipynb")):
            entry = zipfile.ZipInfo(f"workbooks/{path.name}", date_time=date)
            entry.external_attr = 0o644 << 16  # -rw-r--r-- once unpacked
            archive.writestr(entry, path.read_bytes(), zipfile.ZIP_DEFLATED)


def archive_date():
    """SOURCE_DATE_EPOCH as a zip entry's date (zip's dates start in 1980)."""
    seconds = int(os.environ.get("SOURCE_DATE_EPOCH", 0))
    return max(time.gmtime(seconds)[:6], (1980, 1, 1, 0, 0, 0))


def setup(app):
    app.connect("html-page-context", write_workbook, priority=450)
    app.connect("html-page-context", offer_workbook, priority=510)  # after the theme's menu
    app.connect("build-finished", pack_workbooks)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
