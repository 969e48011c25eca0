"""
Import benchmark: regions from CSV and Excel files of 1,000 and 20,000 rows, checked (the
preview's dry run) and imported, in-process and through the background worker, as staff do.

    .venv/bin/python bench/imports.py [--rows 1000 20000] [--formats csv xlsx]

It builds a database of its own under bench/.data/imports.sqlite3 (migrated, with the initial
content) and, for each size and format, a file of new villages under Brest oblast, then times:

- in-process: reading the file (editorial.imports.read_spreadsheet), the dry run, the import
  (one transaction, one revision);
- the task path: the upload request (django.test.Client against the admin), the worker's
  check (`manage.py db_worker --batch`, a process of its own), the confirmation request and the
  worker's import.

The upload and confirmation requests are what a gunicorn worker has to answer within its
30 s timeout; the worker's times have no limit. Results are printed as a Markdown table.
"""

import argparse
import io
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / ".data"
DATABASE = DATA / "imports.sqlite3"
HEADERS = ["slug", "country", "kind", "parent", "name_bg", "name_en", "latitude", "longitude"]


def environment():
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "embassy.settings",
        "DATABASE_URL": f"sqlite:///{DATABASE}",
        "MEDIA_ROOT": str(DATA / "imports-media"),
        "DJANGO_ALLOWED_HOSTS": "testserver,localhost",
        "DJANGO_LOG_LEVEL": "ERROR",
        "COOPERATION_IMPORT_MAX_ROWS": "50000",
    }


def manage(*args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=environment(), check=True)


def rows(prefix, count):
    for number in range(count):
        yield [
            f"{prefix}-{number}",
            "BY",
            "village",
            "brest-oblast",
            f"Село {prefix} {number}",
            f"Village {prefix} {number}",
            round(51 + (number % 1000) / 1000, 6),
            round(23 + (number % 997) / 500, 6),
        ]


def spreadsheet(file_format, prefix, count):
    if file_format == "csv":
        import csv

        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerow(HEADERS)
        writer.writerows(rows(prefix, count))
        return text.getvalue().encode()
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(HEADERS)
    for row in rows(prefix, count):
        sheet.append(row)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def in_process(data, file_format):
    import reversion
    from django.db import transaction

    from cooperation.resources import RegionResource
    from editorial.imports import read_spreadsheet

    (dataset, _encoding), reading = timed(read_spreadsheet, data, file_format, RegionResource())
    options = {"use_transactions": True, "rollback_on_validation_errors": True}
    result, checking = timed(RegionResource().import_data, dataset, dry_run=True, **options)
    assert result.totals["new"] == len(dataset), result.totals

    def apply():
        with transaction.atomic(), reversion.create_revision():
            return RegionResource().import_data(dataset, dry_run=False, **options)

    result, importing = timed(apply)
    assert result.totals["new"] == len(dataset), result.totals
    return {"read": reading, "check": checking, "import": importing}


def upload(client, data, file_format, name):
    """The upload request, all that a web worker does with a file: its URL and its time."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    format_choice = {"csv": "0", "xlsx": "1"}[file_format]
    response, uploading = timed(
        client.post,
        "/admin/cooperation/region/import/",
        {"resource": "0", "format": format_choice, "import_file": SimpleUploadedFile(name, data)},
    )
    assert response.status_code == 302, response.content[:2000]
    return response["Location"], uploading


def through_the_worker(client, data, file_format, name):
    from editorial.models import SpreadsheetImport

    job_url, uploading = upload(client, data, file_format, name)
    worker = [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"]
    _done, checking = timed(
        subprocess.run, [*worker, "--no-reload"], cwd=ROOT, env=environment(), check=True
    )
    page, showing = timed(client.get, job_url)
    assert page.context["job"].can_be_confirmed, page.context["job"].summary
    _response, confirming = timed(client.post, job_url, {"confirm": "1"})
    _done, importing = timed(
        subprocess.run, [*worker, "--no-reload"], cwd=ROOT, env=environment(), check=True
    )
    job = SpreadsheetImport.objects.get(pk=page.context["job"].pk)
    assert job.state == job.State.IMPORTED, (job.state, job.message)
    return {
        "upload request": uploading,
        "worker: check": checking,
        "preview page": showing,
        "confirm request": confirming,
        "worker: import": importing,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[1000, 20000])
    parser.add_argument("--formats", nargs="+", default=["csv", "xlsx"])
    parser.add_argument(
        "--paths", nargs="+", default=["in-process", "worker"], help="and/or: upload"
    )
    options = parser.parse_args()

    DATA.mkdir(parents=True, exist_ok=True)
    DATABASE.unlink(missing_ok=True)
    manage("migrate", "-v0")
    manage("load_initial_data")
    os.environ.update(environment())
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the client then records each page's context

    user = get_user_model().objects.create_superuser("bench", "bench@example.org", "bench")
    client = Client()
    client.force_login(user)

    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("| rows | format | file | step | seconds |")
    print("|---:|---|---:|---|---:|")
    for count in options.rows:
        for file_format in options.formats:
            steps = {}
            if "in-process" in options.paths:
                data = spreadsheet(file_format, f"b-{file_format}-{count}-direct", count)
                for step, seconds in in_process(data, file_format).items():
                    steps[f"in-process: {step}"] = seconds
            if "upload" in options.paths:
                data = spreadsheet(file_format, f"b-{file_format}-{count}-upload", count)
                name = f"regions-{count}.{file_format}"
                steps["upload request only"] = upload(client, data, file_format, name)[1]
            if "worker" in options.paths:
                data = spreadsheet(file_format, f"b-{file_format}-{count}-task", count)
                name = f"regions-{count}.{file_format}"
                steps.update(through_the_worker(client, data, file_format, name))
            size = f"{len(data) / 1024:,.0f} KB"
            for step, seconds in steps.items():
                print(f"| {count:,} | {file_format} | {size} | {step} | {seconds:.1f} |")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
