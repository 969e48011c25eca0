"""
The worker's jobs survive their worker (issue 21, point 4): a job whose worker died is seen as
stopped, nothing of it is written, and it can be started again by a new worker.
"""

import datetime
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.utils import timezone, translation
from django.utils.translation import gettext

from cooperation.models import Region
from editorial.models import SpreadsheetImport
from editorial.tasks import report_progress, rows_done, worker_stopped
from tests.conftest import staff_browser
from tests.factories import OblastFactory
from tests.imports import run_worker, upload_file

STOPPED = (
    "The background worker stopped while working on this file; nothing was imported. "
    "Start the work again, or cancel the import."
)
LONG_AGO = timezone.now() - datetime.timedelta(hours=1)


def job_in(state):
    return SpreadsheetImport.objects.create(
        content_type=ContentType.objects.get_for_model(Region),
        resource="cooperation.resources.RegionResource",
        file_name="regions.csv",
        file_format="csv",
        data=b"slug\n",
        row_count=1,
        language="bg",
        state=state,
    )


def last_changed_long_ago(job):
    SpreadsheetImport.objects.filter(pk=job.pk).update(updated_at=LONG_AGO)
    job.refresh_from_db()


@pytest.mark.django_db
def test_a_job_is_stopped_when_its_worker_has_not_reported_for_the_timeout():
    importing = job_in(SpreadsheetImport.State.IMPORTING)
    assert not worker_stopped(importing)
    last_changed_long_ago(importing)
    assert worker_stopped(importing)
    report_progress(importing.pk, 300)
    assert not worker_stopped(importing) and rows_done(importing.pk) == 300
    for state in (SpreadsheetImport.State.IMPORT_WAITING, SpreadsheetImport.State.FAILED):
        waiting = job_in(state)
        last_changed_long_ago(waiting)
        assert not worker_stopped(waiting)


@pytest.mark.django_db
def test_two_workers_never_run_one_job_and_a_job_taken_back_keeps_nothing_of_its_worker():
    job = job_in(SpreadsheetImport.State.IMPORT_WAITING)
    second_worker = SpreadsheetImport.objects.get(pk=job.pk)
    assert job.claim()
    assert not second_worker.claim()
    staff_view = SpreadsheetImport.objects.get(pk=job.pk)
    assert staff_view.take_from_worker(SpreadsheetImport.State.CANCELLED)
    assert not job.move_to(SpreadsheetImport.State.IMPORTED)
    assert SpreadsheetImport.objects.get(pk=job.pk).state == SpreadsheetImport.State.CANCELLED


def worker(environment, *options):
    command = [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"]
    return subprocess.Popen(
        [*command, *options], cwd=settings.BASE_DIR, env=environment, stderr=subprocess.DEVNULL
    )


@pytest.fixture
def database_file(tmp_path, django_db_blocker, settings):
    """A migrated SQLite file that this test and the worker it starts share, with the cache."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "embassy.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_CACHE_URL": f"file://{tmp_path / 'cache'}",
        "DJANGO_LOG_LEVEL": "CRITICAL",
    }
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }
    name = connection.settings_dict["NAME"]
    with django_db_blocker.unblock():
        # The test run's in-memory database lives on while this keeps it open.
        keeper = sqlite3.connect(name, uri=True) if connection.is_in_memory_db() else None
        connection.settings_dict["NAME"] = str(tmp_path / "db.sqlite3")
        connection.close()
        try:
            call_command("migrate", verbosity=0)
            yield environment
        finally:
            connection.close()
            connection.settings_dict["NAME"] = name
            if keeper:
                keeper.close()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the worker shares a SQLite file")
def test_an_import_whose_worker_is_killed_writes_nothing_and_can_be_started_again(
    database_file, settings
):
    OblastFactory(slug="brest-oblast", name_bg="Брестска област")
    client = staff_browser(get_user_model().objects.create_superuser("staff", "s@example.org"))
    rows = "".join(f"t-village-{n},BY,village,brest-oblast,Село {n}\n" for n in range(3000))
    uploaded = upload_file(client, Region, f"slug,country,kind,parent,name_bg\n{rows}".encode())
    job_url = uploaded["Location"]
    run_worker()
    client.post(job_url, {"confirm": "1"})

    running = worker(database_file)
    job = SpreadsheetImport.objects.get()
    assert job.state == job.State.IMPORT_WAITING, job.message
    deadline = time.monotonic() + 60
    while rows_done(job.pk) < 100 or job.state != job.State.IMPORTING:
        assert time.monotonic() < deadline and running.poll() is None, job.state
        time.sleep(0.05)
        job.refresh_from_db()
    running.send_signal(signal.SIGKILL)
    running.wait()

    assert Region.objects.count() == 1
    settings.IMPORT_WORKER_TIMEOUT = 0
    page = client.get(job_url).content.decode()
    with translation.override("bg"):
        assert STOPPED and gettext(STOPPED) in page
        assert gettext("Start again") in page and gettext("Cancel the import") in page

    client.post(job_url, {"start-again": "1"})
    worker(database_file, "--batch").wait(timeout=60)
    job.refresh_from_db()
    assert job.state == job.State.IMPORTED and Region.objects.count() == 3001
