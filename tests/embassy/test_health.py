"""/healthz: each dependency's state; a 503 only when the database is out of reach."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

from editorial.tasks import run_spreadsheet_import

pytestmark = pytest.mark.django_db


def test_a_healthy_site_reports_each_dependency(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content.decode() == "database: ok\ncache: ok\nworker: no task waiting\n"


def test_tasks_left_waiting_are_reported_with_the_oldest_ones_time(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = run_spreadsheet_import.enqueue(0)
        run_spreadsheet_import.enqueue(0)
    text = client.get("/healthz").content.decode()
    assert f"worker: 2 tasks waiting, the oldest since {first.enqueued_at.isoformat()}\n" in text


def test_a_database_out_of_reach_is_a_503(tmp_path):
    """The one fault that stops every page: a load balancer should take the server out."""
    script = (
        "import django; django.setup(); from django.test import Client; "
        "response = Client().get('/healthz', headers={'host': 'localhost'}); "
        "print(response.status_code, response.content.decode(), sep='\\n', end='')"
    )
    environment = {name: value for name, value in os.environ.items() if "DJANGO" not in name}
    environment.update(
        DJANGO_SETTINGS_MODULE="embassy.settings.test",
        DATABASE_URL=f"sqlite:///{tmp_path}/no-such-folder/db.sqlite3",
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout == "503\ndatabase: unreachable\ncache: ok\nworker: unknown\n"
