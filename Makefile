# `make run` and `make test` set everything up on a fresh machine: the virtual environment,
# the Python packages, the database and the initial content.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format migrate load clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

migrate: $(INSTALLED)
	$(BIN)/python manage.py migrate --noinput

# make_renditions reports a photo whose original is missing; that does not stop the site.
load: migrate
	$(BIN)/python manage.py load_initial_data
	-$(BIN)/python manage.py make_renditions

run: load
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles
