# From a fresh clone: `make e2e` runs the browser suite, `make test` runs every test.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PYTEST := $(PY) -m pytest
STAMP  := $(VENV)/.installed
BROWSER_STAMP := $(VENV)/.browser
PORT   ?= 8000
FLAKE_RUNS ?= 20

# Recording a trace of every test costs about a fifth of the suite's time (see `make bench`),
# so the verdict comes from a run without traces. When tests fail, only those run once more with
# traces kept in test-results/rerun/, as evidence; the target fails whatever that second run does.
define pytest_then_trace_failures
	$(PYTEST) $(1) --tracing=off $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 1 ]; then \
	  echo "== Running the failed tests again to keep their traces in test-results/rerun/ (the run above decides) =="; \
	  $(PYTEST) $(1) --last-failed --tracing=retain-on-failure --output test-results/rerun $(PYTEST_ARGS); \
	fi; exit $$status
endef

.PHONY: help setup e2e test lint run serve attack flake-check bench docs clean

help:  ## list the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 14

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
	@$(call pytest_then_trace_failures,e2e -v)

test: setup  ## run every test
	@$(call pytest_then_trace_failures,)

run: $(STAMP)  ## serve the mock app at http://127.0.0.1:5000 for clicking through
	$(VENV)/bin/flask --app mock_app run --port 5000

serve: $(STAMP)  ## serve the mock app with waitress (12 threads; slow clients wait in its async front end) at http://127.0.0.1:8000 (PORT=...)
	$(PY) -m mock_app.serve --bind 127.0.0.1:$(PORT)

attack: $(STAMP)  ## 200 slow clients against the `make serve` server: the bounded test, then the figures
	$(PYTEST) tests/test_slow_clients.py --tracing=off $(PYTEST_ARGS)
	$(PY) -m benchmarks.slow_clients $(ATTACK_ARGS)

flake-check: setup  ## run the browser suite 20 times, then 20 more with both cores busy
	$(PY) -m e2e.flake_check --runs $(FLAKE_RUNS) $(PYTEST_ARGS)

$(VENV)/.lint: $(STAMP)
	$(PY) -m pip install --quiet --editable '.[test,lint]'
	touch $@

lint: $(VENV)/.lint  ## check the code with ruff (Flask's rule set) and its formatter
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

$(VENV)/.bench: $(STAMP)
	$(PY) -m pip install --quiet --editable '.[test,bench]'
	touch $@

bench: setup $(VENV)/.bench  ## time the suite against a bare-Playwright floor, `make e2e`, and the server under load
	$(PY) -m benchmarks $(BENCH_ARGS)

clean:  ## remove the virtualenv, test output and the local database
	rm -rf $(VENV) test-results instance .pytest_cache

# The walk creates docs/figures/ and its folders as it goes, so this also works after `rm -r docs/figures`.
# A figure is rewritten only when some pixel really changed; the guide then drops figures no step takes.
docs: setup  ## retake the how-to's figures at the product's 1470x1016 viewport into docs/figures and rebuild docs/regenerate-api-key.md
	$(PYTEST) e2e/docs_check/test_how_to.py -m docs --update-figures $(PYTEST_ARGS)
	$(PY) -m e2e.docs_check.guide
