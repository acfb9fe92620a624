# Two entry points: `make site` builds the course, `make test` runs every test.
# Both set up a virtual environment in .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve serve-instructor test clean chromium node instructor bench site-zensical serve-zensical

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-zensical: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install -q -e '.[zensical]'
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install -q -e '.[test]'
	touch $@

site: $(VENV)/.installed
	$(BIN)/mkdocs build --strict

# The instructor edition (notes, timings, answer keys, facilitation guides) into site-instructor/.
instructor: $(VENV)/.installed
	$(BIN)/mkdocs build --strict -f mkdocs-instructor.yml

# Not strict while previewing: a teaching warning is printed but the page still updates. --dirty:
# a save rebuilds only the pages it changed (the course plugin tells MkDocs which; every page when a
# title or the order changes, as every sidebar shows them).
serve: $(VENV)/.installed
	$(BIN)/mkdocs serve --dirty --no-strict --dev-addr 127.0.0.1:8000

# The same course built by Zensical (Material's successor) into site-zensical/; the project it
# builds (generated pages and config) is in build/zensical/.
site-zensical: $(VENV)/.installed-zensical
	$(BIN)/course zensical build

# Zensical's preview: every saved YAML file regenerates its pages and `zensical serve` reloads.
serve-zensical: $(VENV)/.installed-zensical
	$(BIN)/course zensical serve --dev-addr 127.0.0.1:8000

# The instructor edition at its own site_url (mkdocs-instructor.yml), beside `make serve`.
serve-instructor: $(VENV)/.installed
	$(BIN)/mkdocs serve --no-strict -f mkdocs-instructor.yml --dev-addr 127.0.0.1:8001

test: $(VENV)/.installed-test chromium tests/node_modules/.installed
	$(BIN)/pytest

# Browser tests drive Debian's Chromium; Playwright cannot download its own browser here.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

# npm packages for the tests (tests/package.json), e.g. scorm-again, the SCORM runtime the LMS
# package tests run in. A fresh machine has no node: Debian's nodejs and npm are installed first.
node:
	@command -v npm >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nodejs npm; }

tests/node_modules/.installed: tests/package.json tests/package-lock.json | node
	cd tests && npm ci --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf site site-instructor site-zensical build tests/node_modules $(VENV)

# Speed and memory on synthetic courses of 100 to 5,000 lessons, full builds against plain MkDocs,
# and the preview in Chromium (about 30 minutes on 2 cores); updates the measured part of
# benchmarks/RESULTS.md. `benchmarks/run.py --quick` is a smoke test.
bench: $(VENV)/.installed-test chromium
	$(BIN)/python benchmarks/run.py
