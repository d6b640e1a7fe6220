# migdex — the README's commands. `make help` lists them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000
EXTRAS ?= spark,dev

.DEFAULT_GOAL := help
.PHONY: help install sysdeps demo test test-postgres lint format bench clean

help: ## Show this help
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-15s %s\n", $$1, $$2}'

# System packages: Debian's Chromium for browser tests (no browser download), poppler for
# checking PDF reports as images, Pango and DejaVu fonts for WeasyPrint (Cyrillic included).
SYSTEM_PACKAGES := chromium chromium-driver poppler-utils libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
sysdeps: ## Install the Debian packages the tests need (Chromium, poppler, Pango, fonts)
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing system packages: $$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Missing system packages (run as root: apt-get install $$missing); browser and PDF tests will say they cannot run."; \
	  fi; \
	fi

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@# pip's notes about this machine's optional local package folders are noise: filter them
	set -o pipefail; $(BIN)/pip install --quiet --upgrade pip 2>&1 | { grep -v '^WARNING: Location' || true; }
	set -o pipefail; $(BIN)/pip install --quiet -c constraints.txt -e '.[$(EXTRAS)]' 2>&1 | { grep -v '^WARNING: Location' || true; }
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install migdex with pinned dependencies

demo: $(STAMP) ## Install, migrate, load the published figures and the synthetic demo, serve on http://127.0.0.1:8000
	$(BIN)/migdex demo --port $(PORT)

# The Django-backed tests (web apps), run a second time on PostgreSQL.
DJANGO_TESTS ?= tests/web
PG_URL ?= postgres://postgres@127.0.0.1:5432/test

test: sysdeps lint ## Run the whole test suite (lint included) on SQLite, then the web tests on PostgreSQL if it answers
	$(BIN)/python -m pytest -n 2 --dist loadgroup
	@if $(BIN)/python -c "import socket; socket.create_connection(('127.0.0.1', 5432), 2).close()" 2>/dev/null; then \
	  echo "PostgreSQL answers on 127.0.0.1:5432: running $(DJANGO_TESTS) on it"; \
	  DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(BIN)/python -m pytest -n 2 --dist loadgroup $(DJANGO_TESTS); \
	elif [ -n "$$REQUIRE_POSTGRES" ]; then \
	  echo "PostgreSQL not reachable on 127.0.0.1:5432, and REQUIRE_POSTGRES is set"; exit 1; \
	else \
	  echo "PostgreSQL not reachable: skipping the PostgreSQL run"; \
	fi

test-postgres: sysdeps $(STAMP) ## Run the web tests against PostgreSQL (DATABASE_URL, default 127.0.0.1:5432/test)
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(BIN)/python -m pytest -n 2 --dist loadgroup $(DJANGO_TESTS)

lint: $(STAMP) ## ruff check and format check, mypy on the libraries
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

format: $(STAMP) ## Reformat the code with ruff
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

bench: $(STAMP) ## Run the benchmarks under bench/ (results as ratios against baselines)
	$(BIN)/python -m bench.run

clean: ## Remove the virtualenv and caches
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info src/*.egg-info
