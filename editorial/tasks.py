"""The background worker's job: a spreadsheet checked (a dry run, for the preview), then imported
in one transaction and one revision. SpreadsheetImport carries the file between the two."""

import logging
import re
import time

import reversion
from django.conf import settings
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.core.cache import cache
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django_tasks import task
from import_export import widgets
from reversion.models import Version

from .models import SpreadsheetImport
from .resources import chunks
from .spreadsheets import SpreadsheetRefused, read_spreadsheet

PROGRESS_EVERY = 100
PREVIEW_ROWS = 200
REFUSED_ROWS = 500
INLINE_STYLE = re.compile(r'\s+style="[^"]*"')

logger = logging.getLogger(__name__)


@task()
def run_spreadsheet_import(job_id):
    """Check a file waiting to be checked, or import one waiting to be imported."""
    job = SpreadsheetImport.objects.filter(pk=job_id).first()
    if job is None:
        return
    with translation.override(job.language):
        try:
            if job.state == job.State.CHECK_WAITING:
                check_import(job)
            elif job.state == job.State.IMPORT_WAITING:
                apply_import(job)
        except SpreadsheetRefused as refused:
            job.move_to(job.State.FAILED, message=str(refused))
        except Exception:
            logger.exception("Spreadsheet import %s stopped", job_id)
            job.move_to(
                job.State.FAILED,
                message=_(
                    "The import stopped on an unexpected error and wrote nothing. Try again; "
                    "if it happens again, tell the site's administrator."
                ),
            )


def progress_key(job_id):
    return f"spreadsheet-import:{job_id}:rows-done"


def report_progress(job_id, rows):
    """The rows done so far, with the time: the worker's heartbeat."""
    cache.set(progress_key(job_id), (rows, time.time()), 24 * 60 * 60)


def rows_done(job_id):
    return cache.get(progress_key(job_id), (0, 0))[0]


def worker_stopped(job):
    """Whether the worker of a job under way has died (no report for IMPORT_WORKER_TIMEOUT)."""
    if job.state not in {job.State.CHECKING, job.State.IMPORTING}:
        return False
    _rows, beat = cache.get(progress_key(job.pk), (0, job.updated_at.timestamp()))
    return time.time() - max(beat, job.updated_at.timestamp()) > settings.IMPORT_WORKER_TIMEOUT


class JobResource:
    """Mixed into a job's resource: progress in the cache, cell errors in the staff's language."""

    job_id = None
    diff_rows = PREVIEW_ROWS

    def import_row(self, row, instance_loader, **kwargs):
        result = super().import_row(row, instance_loader, **kwargs)
        if kwargs["row_number"] % PROGRESS_EVERY == 0:
            report_progress(self.job_id, kwargs["row_number"])
        return result

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        try:
            return super().import_field(field, instance, row, is_m2m, **kwargs)
        except (ValueError, ArithmeticError, TypeError) as error:
            for widget_class, message in CELL_MESSAGES:
                if isinstance(field.widget, widget_class):
                    raise ValueError(str(message)) from None
            if isinstance(error, ValueError):
                raise
            raise ValueError(_("This value cannot be read.")) from None


CELL_MESSAGES = [
    (widgets.IntegerWidget, gettext_lazy("Enter a whole number.")),
    (widgets.DecimalWidget, gettext_lazy("Enter a number.")),
    (widgets.FloatWidget, gettext_lazy("Enter a number.")),
    (widgets.DateWidget, gettext_lazy("Enter a date as YYYY-MM-DD.")),
    (widgets.BooleanWidget, gettext_lazy("Enter 1 for yes or 0 for no.")),
]


def summarize(result, resource):
    """What the preview shows of an import's result: totals, some rows, every refusal."""
    column_of = {field.attribute: field.column_name for field in resource.get_import_fields()}
    column_of[NON_FIELD_ERRORS] = ""
    refused = []
    for invalid in result.invalid_rows:
        problems = [
            {"column": column_of.get(attribute, attribute), "message": text}
            for attribute, texts in invalid.error_dict.items()
            for text in texts
        ]
        values = [str(value) for value in invalid.values]
        refused.append({"row": invalid.number + 1, "problems": problems, "values": values})
    unexpected = [(row.number + 1, row.errors) for row in result.error_rows]
    for row, errors in unexpected + [("", [error]) for error in result.base_errors]:
        problems = [{"column": "", "message": describe_error(error.error)} for error in errors]
        refused.append({"row": row, "problems": problems, "values": []})
    refused.sort(key=lambda entry: (entry["row"] == "", entry["row"] or 0))
    rows = [
        {"type": row.import_type, "cells": [without_style(cell) for cell in row.diff or []]}
        for row in result.valid_rows()
        if row.import_type != "skip"
    ][:PREVIEW_ROWS]
    return {
        "totals": {
            key: result.totals[key] for key in ("new", "update", "skip", "invalid", "error")
        },
        "headers": [str(header) for header in result.diff_headers],
        "rows": rows,
        "refused": refused[:REFUSED_ROWS],
        "refused_count": len(refused),
    }


def without_style(cell):
    """A cell of the marked difference without inline style, which the CSP forbids."""
    return INLINE_STYLE.sub("", str(cell))


def describe_error(error):
    """An unexpected error on a row, as staff can act on it: never a traceback."""
    if isinstance(error, IntegrityError):
        return _("This row conflicts with an entry already stored or with another row of the file.")
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return _("This row could not be saved: %(reason)s") % {"reason": str(error)[:300]}


class ImportUndone(Exception):
    """Undoes the import; the job fails with `fields`, or, without, was taken from this worker."""

    def __init__(self, **fields):
        self.fields = fields


def run_resource(job, dry_run):
    """The job's resource, and its import of the job's file, rolled back on any refused row."""
    base = import_string(job.resource)
    resource = type(f"Job{base.__name__}", (JobResource, base), {"job_id": job.pk})()
    dataset, _encoding = read_spreadsheet(bytes(job.data), job.file_format, resource)
    return resource, resource.import_data(
        dataset,
        dry_run=dry_run,
        use_transactions=True,
        rollback_on_validation_errors=True,
        raise_errors=False,
        user=job.user,
    )


def check_import(job):
    """The dry run: what importing would do, and which entries it changes as of which version."""
    if not job.claim():
        return
    report_progress(job.pk, 0)
    checked_at_version = Version.objects.aggregate(latest=Max("pk"))["latest"] or 0
    resource, result = run_resource(job, dry_run=True)
    summary = summarize(result, resource)
    summary["checked_at_version"] = checked_at_version
    summary["changed_ids"] = [
        str(row.object_id) for row in result.valid_rows() if row.import_type == "update"
    ]
    job.move_to(job.State.CHECKED, summary=summary)


def changed_since_check(job):
    """The versions saved since the check of the entries the file changes."""
    newer = Version.objects.filter(
        pk__gt=job.summary.get("checked_at_version", 0), content_type=job.content_type
    )
    return [
        version
        for ids in chunks(job.summary.get("changed_ids", []))
        for version in newer.filter(object_id__in=ids)
    ]


def apply_import(job):
    """The import itself: one transaction and one revision of the history, or nothing."""
    if not job.claim():
        return
    report_progress(job.pk, 0)
    try:
        with transaction.atomic(), reversion.create_revision():
            if changed := changed_since_check(job):
                entries = sorted({version.object_repr for version in changed})
                raise ImportUndone(
                    message=ngettext(
                        "Nothing was imported: %(count)d entry of the file was changed after the "
                        "check (%(entries)s). Import the file again to see what it would change "
                        "now.",
                        "Nothing was imported: %(count)d entries of the file were changed after "
                        "the check (%(entries)s). Import the file again to see what it would "
                        "change now.",
                        len(entries),
                    )
                    % {"count": len(entries), "entries": ", ".join(entries[:5])}
                )
            reversion.set_user(job.user)
            reversion.set_comment(_("Imported from “%(file)s”.") % {"file": job.file_name})
            resource, result = run_resource(job, dry_run=False)
            if result.has_errors() or result.has_validation_errors():
                raise ImportUndone(
                    summary=summarize(result, resource),
                    message=_(
                        "Nothing was imported: the file no longer passes the checks. "
                        "Import it again to see why."
                    ),
                )
            log_imported_rows(job, result)
            if not job.move_to(job.State.IMPORTED, summary=summarize(result, resource), data=b""):
                raise ImportUndone
    except ImportUndone as undone:
        if undone.fields:
            job.move_to(job.State.FAILED, **undone.fields)


def log_imported_rows(job, result):
    """An entry in the admin's log for each row created or changed."""
    if job.user is None:
        return
    entries = [
        LogEntry(
            user_id=job.user.pk,
            content_type_id=job.content_type_id,
            object_id=str(row.object_id),
            object_repr=(row.object_repr or "")[:200],
            action_flag=flag,
            change_message=message % {"file": job.file_name},
        )
        for import_type, flag, message in (
            ("new", ADDITION, _("Added from “%(file)s”.")),
            ("update", CHANGE, _("Changed from “%(file)s”.")),
        )
        for row in result.rows
        if row.import_type == import_type
    ]
    LogEntry.objects.bulk_create(entries, batch_size=1000)
