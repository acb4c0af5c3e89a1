# The project's front door: `make book` builds the site, `make test` checks everything.

PYTHON ?= python3
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

.PHONY: book test lint serve screenshots clean

$(INSTALLED): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

# MathJax, run by book/_ext/mathsvg.py at build time to turn equations into SVG.
MATHJAX := book/_ext/node_modules/.package-lock.json

$(MATHJAX): book/_ext/package.json book/_ext/package-lock.json
	@command -v npm >/dev/null || { echo "make book needs Node.js and npm (Debian: apt-get install nodejs npm)"; exit 1; }
	npm ci --prefix book/_ext --no-audit --no-fund --loglevel=error
	touch $@

## book: build the HTML site into _build/html (re-running only changed chapters)
book: $(INSTALLED) $(MATHJAX)
	@mkdir -p $(BUILD)
	@if [ "$$(cat $(CACHE_KEY_FILE) 2>/dev/null)" != "$(CACHE_KEY)" ]; then \
		echo "neuron/ or requirements.txt changed: clearing the execution cache"; \
		rm -rf $(CACHE) $(BUILD)/.doctrees; echo "$(CACHE_KEY)" > $(CACHE_KEY_FILE); fi
	$(BIN)/jupyter-book build . --builder html $(BOOK_FLAGS)

## lint: ruff's checks and formatting
lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## test: lint, the package tests, then build the book (once) and test what it built
test: lint
	$(BIN)/python -m pytest

## serve: the built site on http://127.0.0.1:8000
serve:
	$(PYTHON) -m http.server 8000 --bind 127.0.0.1 --directory $(BUILD)/html

## screenshots: a PNG of every page, at a laptop's and a phone's size, in _build/screenshots
screenshots: book
	$(BIN)/python tests/book/browser.py

## clean: remove everything built (the virtual environment stays)
clean:
	rm -rf $(BUILD)
