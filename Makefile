# Dateline: `make run` serves the demo site, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint bench install clean-venv

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall only when the dependency list changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

# DATELINE_BASE_URL follows HOST and PORT unless set: setup prints it, emails link to it.
run: install
	DATELINE_BASE_URL=$${DATELINE_BASE_URL:-http://$(HOST):$(PORT)} $(BIN)/dateline setup
	DATELINE_BASE_URL=$${DATELINE_BASE_URL:-http://$(HOST):$(PORT)} \
	DATELINE_ALLOWED_HOSTS=$${DATELINE_ALLOWED_HOSTS:-$(HOST),localhost} \
		$(BIN)/dateline serve --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DATELINE_DEBUG=1 $(BIN)/dateline check --fail-level WARNING
	DATELINE_DEBUG=1 $(BIN)/dateline makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_ARGS)

bench: install
	bash bench/run
