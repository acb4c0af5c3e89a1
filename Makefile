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

.PHONY: book test lint serve clean

$(INSTALLED): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

## book: build the HTML site into _build/html (re-running only changed chapters)
book: $(INSTALLED)
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

## clean: remove everything built (the virtual environment stays)
clean:
	rm -rf $(BUILD)
