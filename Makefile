# ivsite: build/test plumbing.
#
# On a fresh clone the only prerequisites are python3 (with venv), npm, java and
# /usr/bin/chromium (.ci/run installs the last two on Debian). Then:
#
#   make serve   create .venv, install ivsite, build this repository's example
#                site and serve it on http://127.0.0.1:8000 (the address it
#                prints holds the preview's key)
#   make test    lint + type checks + every pytest test (unit, leak, browser,
#                outside checkers); exits non-zero on any failure

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

# Python keeps its compiled modules: an environment that says not to write them
# (PYTHONDONTWRITEBYTECODE) has every process of the suite, and every ivsite it
# starts, compile ivsite anew (about a second each on this machine).
unexport PYTHONDONTWRITEBYTECODE

PYTHON ?= python3
NPM ?= npm
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PYTEST_FLAGS ?= -q -n auto --dist worksteal --durations=15

# Stamp files: the venv is reinstalled when pyproject.toml changes, the node
# tools when tools/package.json or tools/package-lock.json change.
VENV_STAMP := $(VENV)/.ivsite-installed
NODE_STAMP := tools/node_modules/.ivsite-installed

export PIP_DISABLE_PIP_VERSION_CHECK := 1
export PIP_NO_INPUT := 1
export NPM_CONFIG_UPDATE_NOTIFIER := false

.PHONY: help .venv node_modules serve build lint test clean distclean highlight-css

help:
	@echo "make serve        build the example site (this repository) and serve it on http://127.0.0.1:$(PORT)"
	@echo "make test         lint, type checks and all tests (needs java and /usr/bin/chromium)"
	@echo "make build        ivsite build (public audience, into _site/)"
	@echo "make lint         ruff + mypy --strict"
	@echo "make .venv        create/refresh the virtualenv (pip install -e '.[test]')"
	@echo "make highlight-css write themes/default/static/highlight.css (Pygments colours)"
	@echo "make node_modules install vnu-jar and axe-core into tools/node_modules (npm ci)"
	@echo "make clean        remove build output and caches; 'make distclean' also removes .venv and tools/node_modules"

# --- environments -----------------------------------------------------------

.venv: $(VENV_STAMP)

$(VENV_STAMP): pyproject.toml
	@if ! $(BIN)/python -m pip --version >/dev/null 2>&1; then \
	  echo "+ $(PYTHON) -m venv --clear $(VENV)"; \
	  $(PYTHON) -m venv --clear $(VENV); \
	fi
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

node_modules: $(NODE_STAMP)

# --ignore-scripts: vnu-jar's postinstall would download a JDK; we use system Java.
$(NODE_STAMP): tools/package.json tools/package-lock.json
	cd tools && $(NPM) ci --ignore-scripts --no-audit --no-fund
	@test -f tools/node_modules/vnu-jar/build/dist/vnu.jar
	@test -f tools/node_modules/axe-core/axe.min.js
	@touch $@

# --- the site -----------------------------------------------------------------

serve: .venv
	$(BIN)/ivsite serve --port $(PORT)

build: .venv
	$(BIN)/ivsite build

# The code-colour stylesheet is made once from Pygments' styles and kept in the
# theme (tests/test_reading.py checks it is current).
highlight-css: .venv
	$(BIN)/python -c "from ivsite.markdown.codehighlight import stylesheet; print(stylesheet(), end='')" \
	  > themes/default/static/highlight.css

# --- checks -------------------------------------------------------------------

lint: .venv
	$(BIN)/ruff check ivsite tests bench
	$(BIN)/mypy --strict ivsite

# lint runs first (in the recipe, so the order holds under make -j too).
test: .venv node_modules
	@$(MAKE) --no-print-directory lint
	$(BIN)/pytest $(PYTEST_FLAGS)

# --- housekeeping -------------------------------------------------------------

# Keeps .ivsite/ (local state such as the share token) on purpose.
clean:
	rm -rf _site _site.* build dist *.egg-info test-results .pytest_cache .mypy_cache \
	  .ruff_cache .hypothesis
	find . \( -name .venv -o -name node_modules -o -name .git \) -prune -o \
	  -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) tools/node_modules
