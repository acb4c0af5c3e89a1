"""A chapter as a Jupyter notebook that reads like its page.

One converter for every notebook a reader gets: the chapter downloads, the
workbooks and the launched notebooks. `to_notebook` takes a chapter's executed
notebook (its MyST source read by myst-nb, with the outputs of a run merged in)
and returns the notebook a reader opens:

- the hidden cells (tag `remove-cell`, which glue numbers into the prose) are
  left out, and each glued number is written into the text as the page shows it;
- `{math}` blocks become `$$ ... $$` (a labelled one keeps its number as
  `\\tag`), `{literalinclude}` listings become the code they show;
- admonitions, "Predict" boxes and exercises become block quotes with a bold
  title; a dropdown (the reasoning under a Predict) and each exercise's
  solution are folded, with JupyterLab's `jupyter.source_hidden` metadata;
- roles become the text the page shows: `{ref}` a section's title, `{numref}`
  "Fig. 3.1", `{eq}` "(3.2)", `{cite}` "[Spencer-Harper, 2015]", `{term}` the
  term; the page's labels `(name)=` are dropped;
- a cell the page folds (tag `hide-input`) is folded; a figure's caption follows
  the cell that draws it;
- a first cell installs the book's package where it is missing (`setup_cell`):
  from the repository when the build knows it, else from the copy of the book
  it was built in, or says in one sentence how to install it;
- every cell's id is derived from its source (`cell_ids.py`) and printed output
  is joined per stream (`streams.py`), so the same chapter
  gives the same notebook on every build.

Cells carry what they are in `metadata.book` (`exercise`, `solution`, `predict`,
with the label), for the workbooks to find them. Cross-references are resolved
by a function given by the caller (`sphinx_resolver` does it as the page does);
`page_notebook(app, pagename)` does it all for a page in a Sphinx build.
A directive or role the converter does not know is an error that names it.
"""

import json
import re
import textwrap
from copy import deepcopy
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import nbformat
from cell_ids import derive_cell_ids
from myst_nb.core.variables import format_plain_text
from myst_nb.ext.glue import extract_glue_data_cell
from streams import merge_streams

HIDDEN = "remove-cell"  # cells the page leaves out: they glue numbers into the prose
FOLDED = "hide-input"  # cells whose code the page folds away
FOLD = {"jupyter": {"source_hidden": True}}
ADMONITIONS = {
    "admonition", "attention", "caution", "danger", "error", "hint", "important",
    "note", "seealso", "tip", "warning",
}  # fmt: skip
ROLES = {  # MyST role -> (Sphinx domain, reference type)
    "ref": ("std", "ref"),
    "numref": ("std", "numref"),
    "term": ("std", "term"),
    "doc": ("std", "doc"),
    "eq": ("math", "eq"),
    "cite": ("cite", "p"),
    "cite:p": ("cite", "p"),
    "cite:t": ("cite", "t"),
}
HOW_TO_INSTALL = (
    "This notebook needs neuron, the book's package: in a copy of the book's "
    "repository, run `python -m pip install -r requirements-reader.txt` "
    "and restart the kernel (the book's preface says more)."
)
DIRECTIVE = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|:{3,})\{(?P<name>[\w:-]+)\} *(?P<arg>.*)$")
CODE_FENCE = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})")
OPTION = re.compile(r"^ *:(?P<key>[\w-]+):(?: +(?P<value>.*))?$")
LABEL = re.compile(r"^\((?P<label>[\w:-]+)\)=\s*$")
COMMENT = re.compile(r"^%")
# A role with its content, or a code span (left as it is: it shows code).
INLINE = re.compile(
    r"\{(?P<role>[\w:+-]+)\}`(?P<content>[^`]+)`|(?P<ticks>`+)(?:(?!(?P=ticks)).)+?(?P=ticks)",
    re.DOTALL,
)


class ConversionError(ValueError):
    """The chapter holds MyST the converter cannot turn into notebook Markdown."""


@dataclass
class Piece:
    """A stretch of notebook Markdown, folded or not, and what it is in the book."""

    text: str
    folded: bool = False
    book: dict = field(default_factory=dict)


def glued_values(executed):
    """Each glued name -> the text the page writes for it, before formatting."""
    values = {}
    for cell in executed.cells:
        if cell.cell_type == "code":
            for name, output in extract_glue_data_cell(deepcopy(cell)):
                values[name] = output.data.get("text/plain")
    return values


def to_notebook(executed, resolve, folder, install=None):
    """The notebook a reader opens, from a chapter's executed notebook.

    `resolve(role, target)` returns the page's text for a cross-reference
    (role "ref", "numref", "eq", "term", "cite" ...); `folder` is where the
    chapter lives, from which `{literalinclude}` paths are read. With an
    `install` source, the notebook opens with `setup_cell(install)`.
    """
    context = SimpleNamespace(glue=glued_values(executed), resolve=resolve, folder=Path(folder))
    cells, solution = [] if install is None else [setup_cell(install)], None
    for cell in executed.cells:
        tags = cell.metadata.get("tags", [])
        if HIDDEN in tags:
            continue
        if cell.cell_type == "code":
            code = nbformat.v4.new_code_cell(
                cell.source,
                outputs=cell.get("outputs", []),
                execution_count=cell.get("execution_count"),
            )
            if tags:
                code.metadata.tags = list(tags)
            if FOLDED in tags or solution:
                code.metadata.update(deepcopy(FOLD))
            if solution:
                code.metadata.book = {"solution": solution}
            cells.append(code)
            caption = figure_caption(cell, context)
            if caption:
                cells.append(markdown_cell(Piece(caption, folded=bool(solution))))
            continue
        for piece in markdown_pieces(cell.source, context):
            if "solution-start" in piece.book:
                solution = piece.book["solution-start"]
                piece.book = {"solution": solution}
            elif "solution-end" in piece.book:
                solution = None
                continue
            elif solution:
                piece.folded, piece.book = True, {"solution": solution}
            cells.append(markdown_cell(piece))
    metadata = deepcopy(executed.metadata)
    metadata.pop("jupytext", None)  # the notebook is no longer paired with the MyST source
    notebook = nbformat.v4.new_notebook(cells=cells, metadata=metadata)
    merge_streams(notebook)
    derive_cell_ids(notebook)
    return notebook


def setup_cell(source):
    """The first cell of a reader's notebook: it installs `neuron` where it is missing.

    `source` is where pip gets the package: the book's repository as a pip URL
    ("git+https://github.com/owner/name@commit"), or the folder of a copy of
    the book (a Path). Where that folder is not there, the cell says in one
    sentence how to install the package, and stops.
    """
    imports = ["import importlib.util", "import subprocess", "import sys"]
    if isinstance(source, Path):
        imports.append("from pathlib import Path")
        origin = "the copy of the book it was made from"
        how = textwrap.wrap(HOW_TO_INSTALL, 56, drop_whitespace=False)
        find = [
            f"BOOK = Path({quoted(str(source))})",
            "if not BOOK.is_dir():",
            "    raise ModuleNotFoundError(",
            *(f"        {quoted(line)}" for line in how),
            "    )",
            'REQUIREMENT = f"neuron[plots] @ {BOOK.as_uri()}"',
        ]
    else:
        origin = "the book's repository (this needs a connection)"
        find = [f"REQUIREMENT = {quoted(f'neuron[plots] @ {source}')}"]
    comment = (
        "This notebook imports `neuron`, the book's package. Where Python cannot "
        f"find it, this cell installs it from {origin}."
    )
    code = [
        *(f"# {line}" for line in textwrap.wrap(comment, 72)),
        *imports,
        "",
        'if importlib.util.find_spec("neuron") is None:',
        *(f"    {line}" for line in find),
        """    print(f"Installing the book's package: pip install '{REQUIREMENT}'")""",
        '    pip = [sys.executable, "-m", "pip", "install", "--quiet", REQUIREMENT]',
        "    subprocess.run(pip, check=True)",
        "    importlib.invalidate_caches()",
    ]
    cell = nbformat.v4.new_code_cell("\n".join(code))
    cell.metadata.book = {"setup": True}
    return cell


def quoted(text):
    """`text` as a Python string literal in double quotes."""
    return json.dumps(text, ensure_ascii=False)


def markdown_cell(piece):
    cell = nbformat.v4.new_markdown_cell(piece.text)
    if piece.folded:
        cell.metadata.update(deepcopy(FOLD))
    if piece.book:
        cell.metadata.book = piece.book
    return cell


def figure_caption(cell, context):
    """The caption the page shows under the figure this cell draws, or None."""
    figure = cell.metadata.get("mystnb", {}).get("figure", {})
    if "caption" not in figure:
        return None
    caption = inline(" ".join(figure["caption"].split()), context)
    number = context.resolve("numref", figure["name"]) if "name" in figure else ""
    return f"*{number}* {caption}".strip() if number else f"*{caption}*"


# Markdown: directives, then the text between them.


def markdown_pieces(source, context, depth=0):
    """A Markdown cell's MyST source as Markdown pieces: text, boxes, folded parts."""
    pieces, text = [], []

    def flush():
        joined = "\n".join(text).strip("\n")
        if joined.strip():
            pieces.append(Piece(inline_outside_code(joined, context)))
        text.clear()

    lines = source.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        directive, code = DIRECTIVE.match(line), CODE_FENCE.match(line)
        if directive:
            end = closing_line(lines, index, directive["indent"], directive["fence"])
            name, argument = directive["name"], directive["arg"].strip()
            body = [strip_indent(body, directive["indent"]) for body in lines[index + 1 : end]]
            options, body = split_options(body)
            rendered = render_directive(name, argument, options, body, context, depth)
            if len(rendered) == 1 and not rendered[0].folded and not rendered[0].book:
                text.append(rendered[0].text)  # inline in the text: math, a listing
            else:
                flush()
                pieces.extend(rendered)
            index = end + 1
        elif code:
            end = closing_line(lines, index, code["indent"], code["fence"])
            text.extend(lines[index : end + 1])
            index = end + 1
        else:
            if not (LABEL.match(line) or COMMENT.match(line)):
                text.append(line)
            index += 1
    flush()
    return pieces


def closing_fence(fence, indent):
    """The pattern of the line that closes `fence` (as long or longer, same character)."""
    return re.compile(rf"^ {{0,{len(indent) + 3}}}{re.escape(fence[0])}{{{len(fence)},}} *$")


def closing_line(lines, start, indent, fence):
    """The index of the line that closes the fence opened at `start`."""
    closing = closing_fence(fence, indent)
    for index in range(start + 1, len(lines)):
        if closing.match(lines[index]):
            return index
    raise ConversionError(f"unclosed fence: {lines[start].strip()!r}")


def strip_indent(line, indent):
    return line[len(indent) :] if line.startswith(indent) else line.lstrip(" ")


def split_options(body):
    options = {}
    while body and (option := OPTION.match(body[0])):
        options[option["key"]] = (option["value"] or "").strip()
        body = body[1:]
    return options, body


def render_directive(name, argument, options, body, context, depth):
    """One directive as Markdown pieces."""
    if name == "math":
        return [Piece(display_math("\n".join(body), options.get("label"), context, depth))]
    if name == "literalinclude":
        return [Piece(listing(argument, options, context))]
    if name == "solution-start":
        title = f"**Solution to {context.resolve('numref', argument)}**"
        return [Piece(title, book={name: argument})]
    if name == "solution-end":
        return [Piece("", book={name: True})]
    if name == "exercise":
        label = options.get("label")
        number = context.resolve("numref", label) if label else "Exercise"
        title = f"{number} ({argument})" if argument else number
        return boxed(title, body, context, depth, book={"exercise": label})
    if name in ADMONITIONS:
        title = argument or name.capitalize()
        classes = options.get("class", "").split()
        book = {"predict": options.get("name", "")} if "predict" in classes else {}
        pieces = boxed(title, body, context, depth, book=book)
        if "dropdown" in classes:
            for piece in pieces:
                piece.folded = True
        return pieces
    raise ConversionError(f"no notebook form for the directive {{{name}}} {argument}".strip())


def boxed(title, body, context, depth, book):
    """A titled box as a block quote; the folded parts inside it follow it, folded."""
    inner = markdown_pieces("\n".join(body), context, depth + 1)
    title = inline(title, context)
    shown = "\n\n".join(piece.text for piece in inner if not piece.folded)
    text = f"**{title}**\n\n{shown}" if shown else f"**{title}**"
    quoted = "\n".join(f"> {line}".rstrip() for line in text.splitlines())
    folded = [
        Piece(piece.text, folded=True, book=piece.book or book) for piece in inner if piece.folded
    ]
    return [Piece(quoted, book=book), *folded]


def display_math(body, label, context, depth):
    """`$$ ... $$`, numbered as on the page; on one line inside a box."""
    lines = [line for line in body.strip().splitlines() if line.strip()]
    if label:
        lines.append(rf"\tag{{{context.resolve('eq', label).strip('()')}}}")
    if depth:
        return "$$" + " ".join(line.strip() for line in lines) + "$$"
    return "$$\n" + "\n".join(lines) + "\n$$"


def listing(argument, options, context):
    """The code a `{literalinclude}` shows, as a fenced code block."""
    # Sphinx reads what it shows, with the options read as its directive reads them.
    from sphinx.directives.code import LiteralInclude, LiteralIncludeReader

    path = (context.folder / argument).resolve()
    if not path.is_file():
        raise ConversionError(f"{{literalinclude}} {argument}: no such file")
    read_options = {}
    for key, value in options.items():
        if key not in LiteralInclude.option_spec:
            raise ConversionError(f"{{literalinclude}} {argument}: no option :{key}:")
        try:  # (docutils gives an option written without a value as None)
            read_options[key] = LiteralInclude.option_spec[key](value or None)
        except ValueError as wrong:
            raise ConversionError(f"{{literalinclude}} {argument}: :{key}: {wrong}") from wrong
    reader = LiteralIncludeReader(
        str(path), read_options, SimpleNamespace(source_encoding="utf-8")
    )
    code, _ = reader.read()
    language = read_options.get("language", "python" if path.suffix == ".py" else "")
    return f"```{language}\n{code.rstrip()}\n```"


# Inline: roles, glued numbers, inline math.


def inline_outside_code(text, context):
    """Convert the roles in `text`, leaving its fenced code blocks as they are."""
    out, prose, fence = [], [], None
    for line in text.splitlines():
        if fence is None and (code := CODE_FENCE.match(line)):
            if prose:
                out.append(inline("\n".join(prose), context))
            prose, fence = [], closing_fence(code["fence"], "")
            out.append(line)
        elif fence is not None:
            out.append(line)
            fence = None if fence.match(line) else fence
        else:
            prose.append(line)
    if prose:
        out.append(inline("\n".join(prose), context))
    return "\n".join(out)


def inline(text, context):
    """The roles in one stretch of Markdown, replaced by the page's text."""

    def replace(match):
        if match["role"] is None:
            return match[0]  # a code span
        role, content = match["role"], " ".join(match["content"].split())
        if role == "math":
            return f"${content}$"
        if role == "glue:text":
            name, _, spec = content.rpartition(":") if ":" in content else (content, "", "")
            if name not in context.glue:
                raise ConversionError(f"{{glue:text}}`{content}`: nothing glued as {name!r}")
            return format_plain_text(context.glue[name], spec)
        if role in ROLES:
            return context.resolve(role, content)
        raise ConversionError(f"no notebook form for the role {{{role}}}`{content}`")

    return INLINE.sub(replace, text)


# In a Sphinx build: the page's notebook, its cross-references as the page shows them.


def page_notebook(app, pagename, prepare=None):
    """The reader's notebook of an executed page, or None for a page that is not a notebook.

    The outputs come from myst-nb's execution cache: the copy myst-nb leaves in
    `jupyter_execute/` has none when they were cached. `prepare`, if given, changes
    the executed notebook before it is converted (the workbooks keep their checks).
    """
    from jupyter_cache import get_cache
    from myst_nb.core.read import read_myst_markdown_notebook

    if not (Path(app.outdir).parent / "jupyter_execute" / f"{pagename}.ipynb").is_file():
        return None
    source = Path(app.env.doc2path(pagename))
    notebook = read_myst_markdown_notebook(source.read_text(encoding="utf-8"))
    cache = get_cache(app.env.mystnb_config.execution_cache_path)
    try:
        _, notebook = cache.merge_match_into_notebook(notebook)
    except KeyError as missing:
        raise ConversionError(f"{pagename}: no cached run, so no outputs") from missing
    if prepare is not None:
        notebook = prepare(notebook)
    return to_notebook(
        notebook, sphinx_resolver(app, pagename), source.parent, install_source(app)
    )


def install_source(app):
    """Where a reader's notebook installs `neuron` from: the repository at the
    commit the book was built from, if the build knows it (the Pages workflow
    tells it: launch.py), or else the copy of the book being built."""
    known = getattr(app, "book_repository", None)
    if known:
        return f"git+https://github.com/{known['repository']}@{known['commit']}"
    return Path(app.confdir)


def sphinx_resolver(app, docname):
    """A `resolve(role, target)` that gives the text the page shows, from Sphinx's domains.

    Its answers last the build (in `app.notebook_references`): a page's notebook
    and its workbook ask the same questions, and to number a reference Sphinx
    unpickles the whole doctree of the page it points to.
    """
    from docutils import nodes
    from sphinx import addnodes

    if not hasattr(app, "notebook_references"):
        app.notebook_references = {}
    answers = app.notebook_references

    def resolve(role, content):
        if (docname, role, content) not in answers:
            answers[docname, role, content] = resolve_anew(role, content)
        return answers[docname, role, content]

    def resolve_anew(role, content):
        explicit = re.fullmatch(r"(?P<title>.+?)\s*<(?P<target>[^<>]+)>", content, re.DOTALL)
        title, target = (explicit["title"], explicit["target"]) if explicit else (content, content)
        domain, kind = ROLES[role]
        if kind in ("ref", "term", "numref"):
            target = target.lower()
        pending = addnodes.pending_xref(
            "", refdomain=domain, reftype=kind, reftarget=target,
            refexplicit=bool(explicit), refdoc=docname, refwarn=True,
        )  # fmt: skip
        contnode = nodes.inline(title, title)
        pending += contnode
        found = app.env.get_domain(domain).resolve_xref(
            app.env, docname, app.builder, kind, target, pending, contnode
        )
        if found is None:
            raise ConversionError(f"{docname}: {{{role}}}`{content}` names nothing")
        return found.astext()

    return resolve
