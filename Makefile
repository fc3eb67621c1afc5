# Newsroom Factcheck. `make run` starts the app on the embedded default;
# `make test` runs the whole suite on PostgreSQL, Redis and Chromium.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# The embedded default: SQLite and kombu's filesystem broker under var/.
RUN_ENV := DEBUG=1

.PHONY: install run test lint bench-extraction bench-queue bench-pipeline bench-uploads bench-faults bench screenshots clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@python=$$(scripts/find-python) || exit 1; \
	  echo "Using $$python ($$($$python --version))"; \
	  [ -x $(PY) ] || $$python -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

run: install
	$(RUN_ENV) $(PY) manage.py migrate --noinput
	$(RUN_ENV) $(PY) manage.py loaddemo
	@echo "Starting a Celery worker and the dev server on http://$(HOST):$(PORT)/ (Ctrl-C stops both)"
	$(RUN_ENV) $(PY) manage.py rundev $(HOST):$(PORT)

test: install
	scripts/ensure-services
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check .
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run

bench-extraction: install
	$(PY) bench/extraction.py

bench-queue: install
	scripts/ensure-services
	$(PY) bench/reviewer_queue.py

bench-pipeline: install
	scripts/ensure-services
	$(PY) bench/pipeline.py

bench-uploads: install
	scripts/ensure-services
	$(PY) bench/uploads.py

# Outages injected into private PostgreSQL, Redis and worker processes (never the shared ones).
bench-faults: install
	$(PY) bench/faults.py

bench: bench-extraction bench-queue bench-pipeline bench-uploads bench-faults

screenshots: install
	scripts/ensure-services
	$(PY) -m pytest tests/browser/readme_screenshots.py -q

clean:
	rm -rf $(VENV) var test-artifacts .pytest_cache .ruff_cache
