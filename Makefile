# The project's front door: `make book` builds the site, `make test` checks everything.

PYTHON ?= python3
# bash, so that a pipe fails when its first command does (the book's build log).
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
BUILD := _build
CACHE := $(BUILD)/.jupyter_cache
# The execution cache is keyed on each chapter's code cells; the chapters'
# outputs also depend on the package and the pinned versions, so a change to
# either clears the cache (and Sphinx's saved doctrees, so that every page is
# read again) and every chapter runs again.
CACHE_KEY_FILE := $(BUILD)/.cache-key
CACHE_KEY = $(shell find neuron -name '*.py' | sort | xargs cat requirements.txt | sha256sum | cut -c1-16)
BOOK_FLAGS := -W -n --keep-going
# What the last build printed; a line with a warning in it fails the build, even
# one from outside Sphinx (-W covers only Sphinx's own), such as a kernel's.
BOOK_LOG := $(BUILD)/book.log
# (Case matters: Sphinx and the kernel write WARNING, Python's warnings SomethingWarning.)
NO_WARNINGS = ! grep -E "WARNING|Warning" $(BOOK_LOG) || { echo "The build printed a warning (above): fix it." >&2; exit 1; }
# The Debian packages `make pdf` needs (Sphinx's LaTeX class through XeLaTeX).
TEX_PACKAGES := texlive-xetex texlive-latex-extra texlive-fonts-recommended fonts-freefont-otf latexmk
PDF := $(BUILD)/latex/book.pdf
WORKFLOWS := $(wildcard .github/workflows/*.yml)
# Dates in the site and the PDF: the last commit's, unless SOURCE_DATE_EPOCH is
# set already, so the same commit gives the same files. Sphinx writes the PDF's
# date from it, xdvipdfmx its /CreationDate and /ID; FORCE_SOURCE_DATE makes
# TeX's own \today follow it too (the book does not use it today).
ifeq ($(origin SOURCE_DATE_EPOCH),undefined)
SOURCE_DATE_EPOCH := $(shell git log -1 --format=%ct 2>/dev/null)
endif
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
export FORCE_SOURCE_DATE := 1
endif

# pip itself, pinned like everything in requirements.txt.
PIP_VERSION := 26.3

.PHONY: help book pdf test lint mutation serve screenshots reproducible clean fresh-cache check-tex tex-packages

## help: list these targets and what each does
help:
	@sed -n 's/^## //p' $(MAKEFILE_LIST)

$(INSTALLED): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet pip==$(PIP_VERSION)
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

# MathJax, run by book/_ext/mathsvg.py at build time to turn equations into SVG.
MATHJAX := book/_ext/node_modules/.package-lock.json

$(MATHJAX): book/_ext/package.json book/_ext/package-lock.json
	@command -v npm >/dev/null || { echo "make book needs Node.js and npm (Debian: apt-get install nodejs npm)"; exit 1; }
	npm ci --prefix book/_ext --no-audit --no-fund --loglevel=error
	touch $@

# axe-core, injected into every page by the browser tests (tests/book/browser.py).
AXE := tests/node_modules/.package-lock.json

$(AXE): tests/package.json tests/package-lock.json
	@command -v npm >/dev/null || { echo "make test needs Node.js and npm (Debian: apt-get install nodejs npm)"; exit 1; }
	npm ci --prefix tests --no-audit --no-fund --loglevel=error
	touch $@

## book: build the HTML site into _build/html (re-running only changed chapters;
##       after `make pdf` the site carries the PDF and the preface links to it)
book: $(INSTALLED) $(MATHJAX) fresh-cache
	$(BIN)/jupyter-book build . --builder html $(BOOK_FLAGS) 2>&1 | tee $(BOOK_LOG)
	@$(NO_WARNINGS)

## pdf: build the book as a PDF, _build/latex/book.pdf (needs TeX: see README)
pdf: check-tex $(INSTALLED) fresh-cache
	$(BIN)/jupyter-book build . --builder latex $(BOOK_FLAGS) 2>&1 | tee $(BOOK_LOG)
	@$(NO_WARNINGS)
	$(MAKE) -C $(BUILD)/latex all-pdf LATEXMKOPTS="-quiet -halt-on-error" \
		LATEXOPTS="-interaction=nonstopmode -file-line-error"
	@echo "The PDF is in $(PDF); run 'make book' to put it on the website."

# Stop with a clear message, not a LaTeX stack trace, when TeX is missing.
check-tex:
	@missing=""; \
	for tool in xelatex latexmk kpsewhich fc-list; do \
		command -v $$tool >/dev/null 2>&1 || missing="$$missing $$tool"; done; \
	if [ -z "$$missing" ]; then \
		kpsewhich titlesec.sty >/dev/null || missing="$$missing titlesec.sty"; \
		fc-list FreeSerif | grep -q . || missing="$$missing FreeSerif"; fi; \
	if [ -n "$$missing" ]; then \
		echo "make pdf needs TeX, which is missing here (no$$missing)." >&2; \
		echo "On Debian or Ubuntu, install it with:" >&2; \
		echo "    sudo apt-get install $(TEX_PACKAGES)" >&2; \
		exit 1; fi

# The list above, for .ci/run and the workflows to install: one list to keep.
tex-packages:
	@echo $(TEX_PACKAGES)

# The HTML and PDF builds share the execution cache: clear it when the package
# or the pinned versions changed.
fresh-cache:
	@mkdir -p $(BUILD)
	@if [ "$$(cat $(CACHE_KEY_FILE) 2>/dev/null)" != "$(CACHE_KEY)" ]; then \
		echo "neuron/ or requirements.txt changed: clearing the execution cache"; \
		rm -rf $(CACHE) $(BUILD)/.doctrees; echo "$(CACHE_KEY)" > $(CACHE_KEY_FILE); fi

## lint: ruff's checks and formatting; the GitHub workflows' schema and security audit
lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows $(WORKFLOWS)
	$(BIN)/zizmor --offline --no-progress .github/workflows

## test: lint, the package tests, then build the book (once) and test what it built;
##       the tests run in parallel, one process per core (pytest-xdist)
test: lint $(AXE)
	$(BIN)/python -m pytest -n auto --dist loadgroup

## mutation: mutation testing of the package's core (mutmut; slow, not part of `test`)
mutation: $(INSTALLED)
	$(BIN)/python -m pip install --quiet -r benchmarks/mutation-requirements.txt
	$(BIN)/mutmut run
	$(BIN)/mutmut results

## serve: the built site on http://127.0.0.1:8000
serve:
	$(PYTHON) -m http.server 8000 --bind 127.0.0.1 --directory $(BUILD)/html

## screenshots: a PNG of every page, at a laptop's and a phone's size, in _build/screenshots
screenshots: book
	$(BIN)/python tests/book/browser.py

## reproducible: build the site and the PDF twice from the last commit, each time
##       in a fresh clone with every chapter executed, and compare every file
##       (not part of `make test`: it costs two cold builds)
reproducible: $(INSTALLED) $(MATHJAX)
	$(BIN)/python tests/book/reproducible.py

## clean: remove everything built (the virtual environment stays)
clean:
	rm -rf $(BUILD)
