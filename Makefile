# From a fresh clone: `make e2e` runs the browser suite, `make test` runs every test.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PYTEST := $(PY) -m pytest
STAMP  := $(VENV)/.installed
BROWSER_STAMP := $(VENV)/.browser
PORT   ?= 8000
FLAKE_RUNS ?= 20
BROWSER_SERVER_PORT ?= 3000
# WORKERS=N spreads the tests over N processes (pytest-xdist), each with its own app and database.
# BROWSER_SERVER=ws://host:port/ drives every browser through a Playwright browser server.
# BROWSER=firefox|webkit runs the browser tests in another of Playwright's browsers (Chromium by default).
# SHARD=K/N runs the K-th of N groups of the tests, split by the durations recorded in e2e/durations.json.
DURATIONS := e2e/durations.json
PARALLEL := $(if $(WORKERS),-n $(WORKERS))
REMOTE   := $(if $(BROWSER_SERVER),--browser-server $(BROWSER_SERVER))$(if $(BROWSER), --browser $(BROWSER))
SPLIT    := $(if $(SHARD),--splits $(lastword $(subst /, ,$(SHARD))) --group $(firstword $(subst /, ,$(SHARD))) \
              --splitting-algorithm least_duration --durations-path $(DURATIONS))

# Recording a trace of every test costs a quarter to a third of a test's time (see `make bench`),
# so the verdict comes from a run without traces. When tests fail, only those run once more with
# traces kept in test-results/rerun/, as evidence; the target fails whatever that second run does.
define pytest_then_trace_failures
	$(PYTEST) $(1) --tracing=off $(PARALLEL) $(REMOTE) $(SPLIT) $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 1 ]; then \
	  echo "== Running the failed tests again to keep their traces in test-results/rerun/ (the run above decides) =="; \
	  $(PYTEST) $(1) --last-failed --tracing=retain-on-failure --output test-results/rerun $(REMOTE) $(PYTEST_ARGS) \
	    --junitxml test-results/rerun/junit.xml --docs-report test-results/rerun/docs-report; \
	fi; exit $$status
endef

.PHONY: help setup e2e test test-app lint run serve attack attack-figures flake-check bench docs docs-check clean browser-server durations

help:  ## list the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 16

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --editable '.[test]'
	touch $@

$(BROWSER_STAMP): $(STAMP)
	$(PY) -m testkit.browser install
	$(PY) -m docs_check.figures.ocr install
	touch $@

setup: $(BROWSER_STAMP)  ## create .venv, install the project, get a Chromium and (where it can) Tesseract for figures

e2e: setup  ## run the browser suite against the embedded mock app (WORKERS=N, BROWSER_SERVER=ws://..., BROWSER=..., SHARD=K/N)
	@$(call pytest_then_trace_failures,e2e -v)

test: setup  ## run every test (WORKERS=N, BROWSER_SERVER=ws://...)
	@$(call pytest_then_trace_failures,)

test-app: $(STAMP)  ## run the tests that need no browser: the app, its server and the tooling
	$(PYTEST) tests --tracing=off $(PARALLEL) $(PYTEST_ARGS)

browser-server: setup  ## start Playwright's browser server here, on the Chromium `make setup` found (BROWSER_SERVER_PORT=3000)
	$(PY) -m testkit.browser_server --port $(BROWSER_SERVER_PORT) $(BROWSER_SERVER_ARGS)

durations: setup  ## record the browser tests' durations in e2e/durations.json, which CI splits its shards by
	$(PYTEST) e2e --tracing=off --store-durations --durations-path $(DURATIONS) $(PYTEST_ARGS)

run: $(STAMP)  ## serve the mock app at http://127.0.0.1:5000 for clicking through
	$(VENV)/bin/flask --app mock_app run --port 5000

serve: $(STAMP)  ## serve the mock app with waitress (12 threads; slow clients wait in its async front end) at http://127.0.0.1:8000 (PORT=...)
	$(PY) -m mock_app.serve --bind 127.0.0.1:$(PORT)

# The tests of the attacks on the front end and on parsing come first: the figures mean little if they fail.
ATTACK_TESTS := tests/app/test_slow_clients.py tests/app/test_front_end.py tests/app/test_worst_case_json.py tests/app/test_form_limits.py

# ATTACK_ARGS (and ATTACKS_ARGS, its older name) pass options to the figures: `python -m benchmarks.attacks --help`.
attack: $(STAMP)  ## slow clients, 1,000 sockets, worst-case bodies, form, login and API floods against `make serve`: the bounded tests, then the figures
	$(PYTEST) $(ATTACK_TESTS) --tracing=off $(PYTEST_ARGS)
	$(MAKE) --no-print-directory attack-figures

attack-figures: $(STAMP)  ## only the attack figures (CI runs them after `make test`, which ran their tests)
	$(PY) -m benchmarks.attacks $(ATTACK_ARGS) $(ATTACKS_ARGS)

flake-check: setup  ## run the browser suite 20 times, then 20 more with both cores busy
	$(PY) -m testkit.flake_check --runs $(FLAKE_RUNS) $(PYTEST_ARGS)

# mypy reads the benchmarks too, so it needs their libraries (locust) installed.
$(VENV)/.lint: $(STAMP)
	$(PY) -m pip install --quiet --editable '.[test,lint,bench]'
	touch $@

lint: $(VENV)/.lint  ## check the code with ruff (Flask's rule set), its formatter and mypy --strict
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

$(VENV)/.bench: $(STAMP)
	$(PY) -m pip install --quiet --editable '.[test,bench]'
	touch $@

# BENCH_ARGS passes options: `python -m benchmarks --help`; each table lands in benchmarks/results/NAME.md.
bench: setup $(VENV)/.bench  ## time the suite against a bare-Playwright floor, the suite's parts and parallel runs, and `make serve` under load
	$(PY) -m benchmarks $(BENCH_ARGS)

clean:  ## remove the virtualenv, test output and the local database
	rm -rf $(VENV) test-results instance .pytest_cache

# The only way anything writes into docs/: the check of docs/regenerate-api-key.md runs first (figures taken
# into test-results/docs-figures), and only when it passes are the figures copied into docs/figures (also after
# `rm -r docs/figures`), each only when some pixel really changed; figures no step takes are removed, then
# docs/figures/renderer.txt is written.
docs: setup  ## retake the figures of the project's how-to (docs/regenerate-api-key.md) at 1470x1016 into docs/figures
	$(PY) -m docs_check.figures.update e2e/docs_check/test_how_to.py -m docs $(PYTEST_ARGS)

# HOW_TO="a.mdx b.html" checks each document; DOCS_STRICT=1 fails on gaps too (names written otherwise, steps left out).
# HOW_TO_ASSETS=DIR (a docs site's root) finds the documents' own figures, shown in the report and judged.
docs-check: setup  ## check a how-to against the app: HOW_TO=PATH (MDX, Markdown, HTML or text; default: the project's own)
	$(PYTEST) e2e/docs_check/test_how_to.py -m docs --tracing=off $(PARALLEL) $(REMOTE) \
	  $(foreach doc,$(HOW_TO),--how-to $(doc)) $(if $(DOCS_STRICT),--docs-strict) \
	  $(if $(HOW_TO_ASSETS),--how-to-assets $(HOW_TO_ASSETS)) $(PYTEST_ARGS)
