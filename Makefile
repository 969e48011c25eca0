# `make run` and `make test` set everything up on a fresh machine: the virtual environment,
# the Python packages, the database and the initial content.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# The browser tests drive Debian's Chromium; Playwright never downloads a browser of its own.
CHROMIUM ?= /usr/bin/chromium

.PHONY: run serve test test-fast test-postgres chromium lint format migrate load static clean translations messages

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

# The interface's translations (locale/*/LC_MESSAGES/django.po), compiled for Django; GNU
# gettext's msgfmt does it, installed from Debian's packages when it is missing.
translations: $(INSTALLED)
	@command -v msgfmt >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; } || \
	  { echo "Install GNU gettext (apt-get install gettext) to compile the translations." >&2; exit 1; }
	$(BIN)/python manage.py compilemessages --ignore=.venv -v0

# After changing interface strings: update the catalogues, then translate the new entries.
messages: $(INSTALLED)
	$(BIN)/python manage.py makemessages -l bg -l ru -l be -l en --no-obsolete \
	  --ignore=.venv --ignore=bench --ignore=tests --ignore=staticfiles --ignore=media

migrate: translations
	$(BIN)/python manage.py migrate --noinput

# make_renditions reports a photo whose original is missing; that does not stop the site.
load: migrate
	$(BIN)/python manage.py load_initial_data
	-$(BIN)/python manage.py make_renditions

run: load
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

static: $(INSTALLED)
	$(BIN)/python manage.py collectstatic --noinput

# Production: gunicorn behind a reverse proxy that terminates TLS (see README.md, "Production").
WORKERS ?= 2
serve: migrate static
	$(BIN)/gunicorn embassy.wsgi --bind $(HOST):$(PORT) --workers $(WORKERS) --access-logfile -

test: translations chromium
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest

# Everything but the browser tests.
test-fast: translations
	$(BIN)/pytest -m "not browser"

# Debian's Chromium (and a font with Cyrillic letters for the screenshots), installed as root,
# without the packages it only recommends (a desktop's: systemd, avahi, upower, ...), which a
# headless browser does not use.
CHROMIUM_PACKAGES := chromium fonts-dejavu-core
chromium:
	@if [ -x "$(CHROMIUM)" ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get -o DPkg::Lock::Timeout=600 update && \
		DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y \
		  --no-install-recommends $(CHROMIUM_PACKAGES); \
	else \
		echo "The browser tests need Debian's Chromium at $(CHROMIUM)."; \
		echo "Install it as root: sudo apt-get install -y --no-install-recommends $(CHROMIUM_PACKAGES)"; \
		echo "Until then they are skipped (and fail under CI=true)."; \
	fi

# The test suite on PostgreSQL: DATABASE_URL=postgres://user:password@host:port/db make test-postgres
# (the user needs CREATEDB for the test database). `.ci/with-postgres make test-postgres` starts
# a throwaway server for it.
# The browser tests, which test no database feature, run in `make test` only.
test-postgres: translations
	@case "$$DATABASE_URL" in postgres://*|postgresql://*) ;; \
	  *) echo "test-postgres needs DATABASE_URL=postgres://..." >&2; exit 2 ;; esac
	$(BIN)/pytest -m "not browser"

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles
