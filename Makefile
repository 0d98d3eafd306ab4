# Two commands do everything on a fresh machine with Python 3.11:
#   make run    install, migrate, load the demo content, create an admin, serve on PORT
#   make test   install and run the whole test suite
# The Dockerfile runs the same install, compilemessages and collectstatic steps.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
LIGHTHOUSE_PORT ?= 8123
HOST ?= 127.0.0.1
MANAGE := $(BIN)/python manage.py

.PHONY: install run serve demo test lint format messages clean bench load lighthouse screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the lock file changes.
$(VENV)/.installed: requirements-dev.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.lock
	touch $@

# The Nu HTML checker (vnu.jar) for the browser tests, pinned in package-lock.json. Its
# install script (which would download a Java runtime) is not run: Java comes from apt.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the HTML validity test will be skipped (apt-get install npm)"; fi

install: $(VENV)/.installed node_modules/.installed

messages: install
	$(MANAGE) compilemessages --ignore=.venv -v 0

demo: install messages
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) configure_site --hostname $(HOST) --port $(PORT)
	$(MANAGE) load_demo
	$(MANAGE) ensure_admin --port $(PORT)

run: demo
	$(MANAGE) runserver $(HOST):$(PORT)

test: install messages
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Production settings under gunicorn with PostgreSQL and a private Redis: 60 s at 50 users,
# a Redis outage, two instances seeing one publish (scripts/loadtest.py; needs wrk).
load: install
	$(BIN)/python scripts/loadtest.py

# PNGs of the main pages in every edition, desktop and phone, into docs/screenshots/.
screenshots: install messages
	$(BIN)/python scripts/screenshots.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run -v 0

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Lighthouse (mobile) on the demo served as in production; needs npm and Chromium. Not CI.
lighthouse: install
	PORT=$(LIGHTHOUSE_PORT) bash scripts/lighthouse.sh

clean:
	rm -rf $(VENV) staticfiles .test-media

# Performance: production settings under gunicorn with PostgreSQL and Redis on this machine,
# every page type against a static file (scripts/bench.py; needs wrk). SIZE=50000 adds the
# scale run.
SIZE ?= 1000
bench: install
	$(BIN)/python scripts/bench.py --size $(SIZE)
