"""
Import benchmark: regions and agreements from CSV and Excel files of 1,000 and 20,000 rows,
checked (the preview's dry run) and imported, in-process and through the background worker, as
staff do.

    .venv/bin/python bench/imports.py [--rows 1000 20000] [--models regions agreements]
                                      [--formats csv xlsx] [--paths in-process worker upload]

It builds a database of its own under bench/.data/imports.sqlite3 (migrated, with the initial
content) and, for each model, size and format, a file of new rows: villages under Brest oblast
(eight columns), or agreements between villages of both countries (seven columns; the villages,
a hundred or so on each side, are made first and not timed). Then it times:

- in-process: reading the file (editorial.spreadsheets.read_spreadsheet), the check and the import
  as the worker runs them (editorial.tasks.check_import, apply_import: the file read again,
  the dry run, the summary; the import in one transaction and one revision, the admin's log);
- the task path: the upload request (django.test.Client against the admin), the worker's
  check (`manage.py db_worker --batch`, a process of its own), the preview page, the
  confirmation request and the worker's import.

The upload and confirmation requests are what a gunicorn worker has to answer within its
30 s timeout; the worker's times have no limit. The processes share a cache in a folder, as
under `make run`. Results are printed as a Markdown table: the wall-clock seconds, the
processor seconds (of this process and of the worker it started; on a machine shared with other
work they say more than the wall clock), and the load average before each model and format.
"""

import argparse
import io
import math
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / ".data"
DATABASE = DATA / "imports.sqlite3"


def environment():
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "embassy.settings",
        "DATABASE_URL": f"sqlite:///{DATABASE}",
        "DJANGO_CACHE_URL": f"file://{DATA / 'imports-cache'}",
        "MEDIA_ROOT": str(DATA / "imports-media"),
        "DJANGO_ALLOWED_HOSTS": "testserver,localhost",
        "DJANGO_LOG_LEVEL": "ERROR",
        "COOPERATION_IMPORT_MAX_ROWS": "50000",
    }


def manage(*args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=environment(), check=True)


class Regions:
    """New villages under Brest oblast."""

    name = "regions"
    headers = ["slug", "country", "kind", "parent", "name_bg", "name_en", "latitude", "longitude"]

    @staticmethod
    def model():
        from cooperation.models import Region

        return Region

    @staticmethod
    def resource():
        from cooperation.resources import RegionResource

        return RegionResource

    def rows(self, prefix, count):
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


class Agreements:
    """New agreements, of both kinds, between villages of each country made for the purpose."""

    name = "agreements"
    headers = ["mission_region", "host_region", "kind", "year", "signed_on", "status", "notes_en"]
    kinds = ["twinning", "cooperation"]

    @staticmethod
    def model():
        from cooperation.models import TwinningAgreement

        return TwinningAgreement

    @staticmethod
    def resource():
        from cooperation.resources import TwinningAgreementResource

        return TwinningAgreementResource

    def parties(self, prefix, count):
        """Enough villages on each side for `count` agreements, saved (not timed)."""
        from cooperation.models import Region

        side = math.ceil(math.sqrt(count / len(self.kinds)))
        parents = {"BY": Region.objects.get(slug="brest-oblast")}
        parents["BG"] = Region.objects.get(slug="burgas-oblast")
        slugs = {}
        for country, parent in parents.items():
            slugs[country] = [f"{prefix}-{country.lower()}-{n}" for n in range(side)]
            for slug in slugs[country]:
                Region(slug=slug, country=country, kind="village", parent=parent, name=slug).save()
        return slugs["BY"], slugs["BG"]

    def rows(self, prefix, count):
        missions, hosts = self.parties(prefix, count)
        pairs = (
            (mission, host, kind) for mission in missions for host in hosts for kind in self.kinds
        )
        for number, (mission, host, kind) in zip(range(count), pairs, strict=False):
            year = 1990 + number % 30
            yield [mission, host, kind, year, f"{year}-05-{1 + number % 28:02}", "active", "Trade"]


MODELS = {model.name: model for model in (Regions(), Agreements())}


def spreadsheet(kind, file_format, prefix, count):
    if file_format == "csv":
        import csv

        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerow(kind.headers)
        writer.writerows(kind.rows(prefix, count))
        return text.getvalue().encode()
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(kind.headers)
    for row in kind.rows(prefix, count):
        sheet.append(row)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def cpu_seconds():
    """The processor time of this process and of the workers it ran, so far."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def timed(function, *args, **kwargs):
    """The result, and the wall-clock and processor seconds the call took."""
    start, start_cpu = time.perf_counter(), cpu_seconds()
    result = function(*args, **kwargs)
    return result, (time.perf_counter() - start, cpu_seconds() - start_cpu)


def in_process(kind, user, data, file_format, name):
    """The worker's own functions, called in this process: no worker to start."""
    from django.contrib.contenttypes.models import ContentType

    from editorial.models import SpreadsheetImport
    from editorial.spreadsheets import read_spreadsheet
    from editorial.tasks import apply_import, check_import

    resource = kind.resource()
    (dataset, _encoding), reading = timed(read_spreadsheet, data, file_format, resource())
    job = SpreadsheetImport.objects.create(
        content_type=ContentType.objects.get_for_model(kind.model()),
        resource=f"{resource.__module__}.{resource.__qualname__}",
        file_name=name,
        file_format=file_format,
        data=data,
        row_count=len(dataset),
        user=user,
        language="bg",
    )
    _done, checking = timed(check_import, job)
    assert job.state == job.State.CHECKED, (job.state, job.message)
    assert job.summary["totals"]["new"] == len(dataset), job.summary["totals"]
    _done, importing = timed(apply_import, job)
    assert job.state == job.State.IMPORTED, (job.state, job.message)
    assert job.summary["totals"]["new"] == len(dataset), job.summary["totals"]
    return {"read": reading, "check": checking, "import": importing}


def upload(kind, client, data, file_format, name):
    """The upload request, all that a web worker does with a file: its URL and its time."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    format_choice = {"csv": "0", "xlsx": "1"}[file_format]
    response, uploading = timed(
        client.post,
        f"/admin/cooperation/{kind.model()._meta.model_name}/import/",
        {"resource": "0", "format": format_choice, "import_file": SimpleUploadedFile(name, data)},
    )
    assert response.status_code == 302, response.content[:2000]
    return response["Location"], uploading


def through_the_worker(kind, client, data, file_format, name):
    from editorial.models import SpreadsheetImport

    job_url, uploading = upload(kind, client, data, file_format, name)
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
    assert job.summary["totals"]["new"] == job.row_count, job.summary["totals"]
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
    parser.add_argument("--models", nargs="+", default=list(MODELS), choices=list(MODELS))
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
    from django.core.cache import cache
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the client then records each page's context
    cache.clear()

    user = get_user_model().objects.create_superuser("bench", "bench@example.org", "bench")
    client = Client()
    client.force_login(user)

    print("| rows | model | format | file | step | seconds | CPU seconds | load |")
    print("|---:|---|---|---:|---|---:|---:|---:|")
    for count in options.rows:
        for kind in (MODELS[name] for name in options.models):
            for file_format in options.formats:
                steps = {}
                load = os.getloadavg()[0]
                name = f"{kind.name}-{count}.{file_format}"
                prefix = f"b-{file_format}-{count}"
                if "in-process" in options.paths:
                    data = spreadsheet(kind, file_format, f"{prefix}-direct", count)
                    for step, seconds in in_process(kind, user, data, file_format, name).items():
                        steps[f"in-process: {step}"] = seconds
                if "upload" in options.paths:
                    data = spreadsheet(kind, file_format, f"{prefix}-upload", count)
                    steps["upload request only"] = upload(kind, client, data, file_format, name)[1]
                if "worker" in options.paths:
                    data = spreadsheet(kind, file_format, f"{prefix}-task", count)
                    steps.update(through_the_worker(kind, client, data, file_format, name))
                size = f"{len(data) / 1024:,.0f} KB"
                for step, (seconds, cpu) in steps.items():
                    print(
                        f"| {count:,} | {kind.name} | {file_format} | {size} | {step} "
                        f"| {seconds:.1f} | {cpu:.1f} | {load:.1f} |"
                    )
                sys.stdout.flush()
    print(f"\nload average after: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
