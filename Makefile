# From a fresh clone: `make e2e` runs the browser suite, `make test` runs every test.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PYTEST := $(PY) -m pytest
STAMP  := $(VENV)/.installed
BROWSER_STAMP := $(VENV)/.browser

.PHONY: help setup browser e2e test run clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 14

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --editable '.[test]'
	touch $@

$(BROWSER_STAMP): $(STAMP)
	$(PY) -m e2e.browser install
	touch $@

setup: $(BROWSER_STAMP)  ## create .venv, install the project and get a Chromium

e2e: setup  ## run the browser suite against the embedded mock app
	$(PYTEST) e2e -v $(PYTEST_ARGS)

test: setup  ## run every test
	$(PYTEST) $(PYTEST_ARGS)

run: $(STAMP)  ## serve the mock app at http://127.0.0.1:5000 for clicking through
	$(VENV)/bin/flask --app mock_app run --port 5000

clean:  ## remove the virtualenv, test output and the local database
	rm -rf $(VENV) test-results instance .pytest_cache
