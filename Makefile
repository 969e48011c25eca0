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

.PHONY: redis run serve test test-fast test-postgres chromium lint format migrate load static clean translations messages bench bench-quick

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

# Each partnership's last exchange is kept up to date as content changes; working it out again
# after migrating catches what was written otherwise (a restored backup): about a third of a
# second per thousand agreements.
migrate: translations
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py refresh_activity

# make_renditions reports a photo whose original is missing; that does not stop the site.
load: migrate
	$(BIN)/python manage.py load_initial_data
	-$(BIN)/python manage.py make_renditions

# The background worker (imports) runs beside the server, and stops with it. Both share a cache
# in a folder (unless DJANGO_CACHE_URL says otherwise), so that the pages the worker's imports
# make stale are stale for the server too, and the import's progress shows.
SHARED_CACHE = $${DJANGO_CACHE_URL:-file://$(CURDIR)/.cache/django}
WORKER = DJANGO_CACHE_URL=$(SHARED_CACHE) $(BIN)/python manage.py db_worker --no-reload

run: load
	$(WORKER) & trap 'kill $$!' EXIT; \
	DJANGO_CACHE_URL=$(SHARED_CACHE) $(BIN)/python manage.py runserver $(HOST):$(PORT)

static: $(INSTALLED)
	$(BIN)/python manage.py collectstatic --noinput

# Production: gunicorn behind a reverse proxy that terminates TLS (see README.md, "Production").
WORKERS ?= 2
serve: migrate static
	$(WORKER) & trap 'kill $$!' EXIT; \
	DJANGO_CACHE_URL=$(SHARED_CACHE) $(BIN)/gunicorn embassy.wsgi --bind $(HOST):$(PORT) \
	  --workers $(WORKERS) --access-logfile -

test: translations chromium redis
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

# The fault tests stop and start a real Redis server (tests/embassy/test_redis_cache.py):
# Debian's, installed as root when missing.
redis:
	@command -v redis-server >/dev/null || { [ "$$(id -u)" = 0 ] && \
	  apt-get -o DPkg::Lock::Timeout=600 update -qq && DEBIAN_FRONTEND=noninteractive \
	  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends redis-server \
	  >/dev/null; } || echo "Install redis-server for the cache's fault tests (skipped until then)."

# The test suite on PostgreSQL: DATABASE_URL=postgres://user:password@host:port/db make test-postgres
# (the user needs CREATEDB for the test database). `.ci/with-postgres make test-postgres` starts
# a throwaway server for it.
# The browser tests, which test no database feature, run in `make test` only.
test-postgres: translations
	@case "$$DATABASE_URL" in postgres://*|postgresql://*) ;; \
	  *) echo "test-postgres needs DATABASE_URL=postgres://..." >&2; exit 2 ;; esac
	$(BIN)/pytest -m "not browser"

# The benchmark (bench/README.md): both data sizes, SQLite and PostgreSQL with Redis, Chromium
# and Lighthouse, written to bench/RESULTS.md. It installs wrk, redis-server and PostgreSQL from
# Debian's packages, and Lighthouse under bench/ from npm, when they are missing.
bench: translations chromium
	$(BIN)/python -m bench.run

# A short try of the same: the initial content on SQLite, 3 s runs, written to bench/.data/.
bench-quick: translations chromium
	$(BIN)/python -m bench.run --quick --databases sqlite

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles
