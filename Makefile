# `make demo` and `make test` are the Quickstart: each creates .venv when it is
# missing and installs what it needs, so they work on a fresh clone.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check
PYTEST_ARGS ?=
BENCH_ARGS ?=

.PHONY: demo test bench train clean

demo: $(VENV)/.installed
	$(BIN)/exodus demo

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Rebuild the shipped extraction model from the gold sets of benchmarks/sets.json (deterministic).
train: $(VENV)/.installed-test
	$(BIN)/exodus train --sets benchmarks/sets.json --out src/exodus/data/extraction-model.json

bench: $(VENV)/.installed-bench
	$(BIN)/python benchmarks/extract_throughput.py $(BENCH_ARGS)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The stamps make a second run fast and reinstall when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e '.[web]'
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e '.[benchmark,web]'
	touch $@ $(VENV)/.installed

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .hypothesis
