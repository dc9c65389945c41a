# Everything a newcomer needs: `make run` and `make test`. `make help` lists the rest.
VENV ?= .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
STAMP := $(VENV)/.installed-$(shell cat requirements-dev.lock pyproject.toml | cksum | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install run serve mfa-code setup messages makemessages test coverage lint format migrate check bench audit clean

help: ## List the commands
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-13s %s\n", $$1, $$2}'

$(STAMP): requirements-dev.lock pyproject.toml
	@if [ ! -x $(PY) ]; then python=$$(scripts/find-python) && echo "Creating $(VENV) with $$python" && $$python -m venv $(VENV); fi
	@$(PY) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' || { echo "$(VENV) uses Python < 3.12: remove it and run make again"; exit 1; }
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	$(PY) -m pip check --quiet --disable-pip-version-check >/dev/null
	rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP) ## Create the virtual environment and install the pinned dependencies

messages: install ## Compile the translation catalogues (.po -> .mo)
	@$(PY) scripts/compile_messages.py

makemessages: install ## Refresh the .po catalogues from the code and templates
	$(MANAGE) makemessages --locale fr --locale en --ignore '.venv/*' --ignore 'tests/*' --no-obsolete

setup: install messages ## Migrate, load the demo content and create the staff account
	$(MANAGE) createcachetable
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) ensure_demo_admin

run: setup ## Set everything up, then serve the site and its task worker at http://127.0.0.1:8000
	@echo "Serving on http://$(HOST):$(PORT)/ (Ctrl-C stops the site and the worker)"
	@$(MANAGE) db_worker --queue-name default & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver $(HOST):$(PORT)

mfa-code: ## Print a current two-factor code: the demo administrator's, or EMAIL=<demo account>'s
	@$(MANAGE) demo_mfa_code $(if $(EMAIL),--email "$(EMAIL)")

serve: ## Serve without setting up again
	@$(MANAGE) db_worker --queue-name default & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver $(HOST):$(PORT)

# Two processes (pytest-xdist; one a core on the CI machine), each with its own test database;
# --dist loadfile keeps a module's tests, and the fixtures they share, in one process.
TEST_WORKERS ?= 2

test: install messages ## Run the whole test suite (PostgreSQL if DATABASE_URL points at one, else SQLite)
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

coverage: install messages ## Run the tests with a coverage report
	$(PY) -m pytest --cov --cov-report=term-missing:skip-covered $(PYTEST_ARGS)

lint: install ## ruff check + format check + import contracts (pyproject.toml)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install ## Format and autofix with ruff
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

migrate: install ## Apply migrations
	$(MANAGE) migrate --noinput

check: install ## Django system checks and missing-migration check
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run --noinput

bench: install messages ## Seed a large PostgreSQL database, load-test the site under gunicorn, print the table (BENCH_QUICK=1: fast check)
	$(PY) bench/run.py

audit: install messages ## Lighthouse and axe on the demo site under gunicorn, scores into docs/audit.md
	$(PY) bench/audit.py

clean: ## Remove the virtual environment, the SQLite database and generated files
	rm -rf $(VENV) db.sqlite3 staticfiles var media
