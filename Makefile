# brink: two commands for everyone.
#   make lab    set up .venv (first time only) and open the course in JupyterLab
#   make test   run every check: lint, data, answer keys, unit tests, and every notebook (nbval)

SHELL := /bin/bash
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.brink-installed  # the course alone ([lab]): what `make lab` installs
TEST_STAMP := $(VENV)/.brink-test-installed  # the course and the test tools ([lab,test]): what `make test` adds
CLASSROOM_STAMP := $(VENV)/.brink-classroom-installed  # and JupyterHub ([classroom]): what `make classroom-check` adds
# The first Python 3.11+ that runs; override with `make lab PYTHON=/path/to/python3.12`.
PYTHON ?= $(shell for p in python3 python3.13 python3.12 python3.11; do \
  $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 && { command -v $$p; break; }; done)
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: lab test lint data-check binder-check classroom-check golden drawings handouts site bench clean help
.DEFAULT_GOAL := help

help:
	@echo "make lab    - set up .venv (first time only) and open the course in JupyterLab"
	@echo "make test   - run every check"
	@echo "make handouts - printable student handouts and teacher editions in build/handouts/ (PAPER=a4|letter)"
	@echo "make site  - the course as a static website in build/site/ (offline; Jupyter Book 1)"
	@echo "make binder-check - install binder/requirements.txt in a throw-away venv and run pip check"
	@echo "make classroom-check - a class (STUDENTS=10) on a real JupyterHub on this machine, measured: build/classroom.json"
	@echo "make bench  - timings against the floor, written to build/bench.json"
	@echo "make drawings - redraw the charts shipped in the package (after changing data or drawing code)"

$(BIN)/python:
	@if [ -z "$(PYTHON)" ]; then \
	  echo "brink needs Python 3.11 or newer, and none was found on PATH." >&2; \
	  echo "Install one (python.org, or your package manager), or run: make lab PYTHON=/path/to/python3.11" >&2; \
	  exit 1; fi
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the package definition changes (or the venv is new). `make lab` installs what the course
# needs and nothing more; the test tools (pytest, playwright, ruff, ...) come with the first `make test`.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[lab]'
	@touch $(STAMP)

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[lab,test]'
	@touch $(STAMP) $(TEST_STAMP)

lab: $(STAMP)
	$(BIN)/jupyter lab $(ROOT_FLAG) notebooks/00-start-here.ipynb

lint: $(TEST_STAMP)
	$(BIN)/ruff check .

data-check: $(TEST_STAMP)
	$(BIN)/python -m brink check
	$(BIN)/python -m brink lessons --check

test: lint data-check
	$(BIN)/python -m pytest

binder-check:
	bash tools/binder_check.sh

$(CLASSROOM_STAMP): pyproject.toml $(TEST_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[lab,test,classroom]'
	@touch $(CLASSROOM_STAMP)

# A class on a real JupyterHub on this machine: the nbgitpuller link, answers, the teacher's release, the collect
# and the class report, measured (build/classroom.json). `make classroom-check STUDENTS=30` for the README's figures.
classroom-check: $(CLASSROOM_STAMP)
	$(BIN)/python tools/classroom/check.py --students $(or $(STUDENTS),10)

# Student handouts and teacher editions, HTML and PDF, in build/handouts/ (needs Chrome or Chromium for the PDFs);
# `make handouts PAPER=letter` (or a4) chooses the paper.
handouts: $(STAMP)
	$(BIN)/python -m brink handouts $(if $(PAPER),--paper $(PAPER),)

# The course as a website in build/site/ (Jupyter Book 1, offline); links the handout PDFs when build/handouts/ has them.
site: $(TEST_STAMP)
	$(BIN)/python tools/site.py

# How fast the course runs: notebooks against the kernel floor, widget response, import cost, Binder footprint.
bench: $(TEST_STAMP)
	$(BIN)/python benchmarks/bench.py

# Draw every chart of the package's own text once, into the package (after changing data or drawing code).
drawings: $(TEST_STAMP)
	$(BIN)/python tools/drawings.py

# Re-run the notebooks and keep outputs only in their golden (nbval-check-output) cells.
golden: $(TEST_STAMP)
	$(BIN)/python tools/golden.py notebooks/*.ipynb

clean:
	rm -rf $(VENV) build .pytest_cache .ruff_cache
