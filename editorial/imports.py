"""
Spreadsheet imports (CSV and Excel files, through django-import-export) of any size below a cap.

`read_spreadsheet` turns an uploaded file into rows, or refuses it with a message in the staff
member's language that names the row and the column: a file over IMPORT_MAX_BYTES or with more
rows than IMPORT_MAX_ROWS, an empty file, a binary file sent as CSV, a CSV in an encoding other
than UTF-8 or Windows-1251 (which is read as such), a first row that does not name the columns
the import reads, a row with more cells than the first row names.

The rows are then checked (a dry run: what would be created, changed, left alone or refused,
and why) and imported (one transaction and one revision of the history) by a background worker
(editorial.tasks, django-tasks' database backend), so a file of tens of thousands of rows never
holds a web request; `SpreadsheetImport` (editorial.models) carries the file and the outcome
from one to the other, and the progress goes through the cache.
"""

import csv
import io
import re
import zipfile

import reversion
import tablib
from django.conf import settings
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.core.cache import cache
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from import_export import widgets
from reversion.models import Version

from .resources import chunks

CSV_FORMAT, XLSX_FORMAT = "csv", "xlsx"
ENCODINGS = [("utf-8-sig", "UTF-8"), ("cp1251", "Windows-1251")]
# Signatures of files that are not text: archives (an Excel file among them), PDF, images.
BINARY_SIGNATURES = (b"PK\x03\x04", b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\xd0\xcf\x11")
PROGRESS_EVERY = 100
# How many rows the preview lists (the totals count them all).
PREVIEW_ROWS = 200
REFUSED_ROWS = 500


INLINE_STYLE = re.compile(r'\s+style="[^"]*"')


class SpreadsheetRefused(ValueError):
    """A file that cannot be imported; the message says why, in the staff member's language."""


def refuse(message, **params):
    return SpreadsheetRefused(message % params if params else message)


def number(value):
    return number_format(value, force_grouping=True)


def read_spreadsheet(data, file_format, resource):
    """
    The rows of a file (bytes) as a tablib Dataset, with the encoding a CSV was read in.
    Refuses what cannot be imported, before any row is looked at.
    """
    check_size(len(data))
    if not data.strip():
        raise refuse(_("The file is empty."))
    if file_format == XLSX_FORMAT:
        rows, encoding = read_xlsx(data), ""
    else:
        rows, encoding = read_csv(data)
    rows = [row for row in rows if any(cell not in (None, "") for cell in row)]
    if not rows:
        raise refuse(_("The file is empty."))
    headers = check_headers(rows[0], resource)
    if len(rows) == 1:
        raise refuse(_("The file names its columns but has no rows under them."))
    if len(rows) - 1 > settings.IMPORT_MAX_ROWS:
        raise refuse(
            _("The file has %(rows)s rows; a file to import may have at most %(limit)s."),
            rows=number(len(rows) - 1),
            limit=number(settings.IMPORT_MAX_ROWS),
        )
    dataset = tablib.Dataset(headers=headers)
    for line, row in enumerate(rows[1:], start=2):
        cells = list(row[: len(headers)])
        extra = [cell for cell in row[len(headers) :] if cell not in (None, "")]
        if extra:
            raise refuse(
                _(
                    "Row %(row)s has %(cells)s cells, but the first row names %(columns)s "
                    "columns. Check the separators on that row."
                ),
                row=line,
                cells=len(row),
                columns=len(headers),
            )
        dataset.append(cells + [""] * (len(headers) - len(cells)))
    return dataset, encoding


def check_size(size):
    """Refuse a file of `size` bytes over the cap, before it is read."""
    if size > settings.IMPORT_MAX_BYTES:
        raise refuse(
            _("The file is %(size)s; a file to import may be at most %(limit)s."),
            size=filesizeformat(size),
            limit=filesizeformat(settings.IMPORT_MAX_BYTES),
        )


def read_csv(data):
    if data.startswith(BINARY_SIGNATURES) or b"\x00" in data[:4096]:
        raise refuse(
            _(
                "This is not a CSV text file: it may be an Excel file or a document. "
                "Choose its real format, or save it as CSV."
            )
        )
    text, encoding = decoded(data)
    # The first row names the columns, and no name holds a separator: the one it uses most is
    # the file's (spreadsheet programs in Bulgarian or Russian write ";").
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        for row in reader:
            rows.append(row)
    except csv.Error as error:
        # The reader's own reasons are in English: the staff member is told one of theirs.
        if "field larger than field limit" in str(error):
            raise refuse(
                _("Row %(row)s has a cell of more than %(limit)s characters."),
                row=reader.line_num,
                limit=number(csv.field_size_limit()),
            ) from None
        raise refuse(
            _(
                "Row %(row)s cannot be read as CSV: look for a quotation mark that is not "
                "closed, or a character that is not text."
            ),
            row=reader.line_num,
        ) from None
    return rows, encoding


def decoded(data):
    """The text of a CSV file, and the name of its encoding unless it is UTF-8."""
    for encoding, name in ENCODINGS:
        try:
            return data.decode(encoding), ("" if encoding == "utf-8-sig" else name)
        except UnicodeDecodeError:
            continue
    raise refuse(_("The file's text is neither UTF-8 nor Windows-1251. Save it as UTF-8 CSV."))


def read_xlsx(data):
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = book.worksheets[0]
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        book.close()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, IndexError):
        raise refuse(
            _(
                "This is not an Excel (.xlsx) file, or it is damaged. Open it in a spreadsheet "
                "program and save it as an Excel workbook or as CSV."
            )
        ) from None
    return [["" if cell is None else cell for cell in row] for row in rows]


def check_headers(first_row, resource):
    """The column names of the first row; refused unless they are the resource's columns."""
    headers = [str(cell).strip() for cell in first_row]
    while headers and not headers[-1]:
        headers.pop()
    known = [field.column_name for field in resource.get_import_fields()]
    known += [field.column_name for field in resource.get_export_fields()]
    unknown = [
        (position, name) for position, name in enumerate(headers, start=1) if name not in known
    ]
    missing = [name for name in resource.get_import_id_fields() if name not in headers]
    if unknown or missing:
        columns = ", ".join(
            _("column %(position)s “%(name)s”") % {"position": position, "name": name}
            for position, name in unknown
        )
        message = _("The first row must name the columns, as an export does: %(expected)s.") % {
            "expected": ", ".join(dict.fromkeys(known))
        }
        if missing:
            message += " " + _("Missing: %(columns)s.") % {"columns": ", ".join(missing)}
        if unknown:
            message += " " + _("Not known: %(columns)s.") % {"columns": columns}
        raise SpreadsheetRefused(message)
    duplicates = sorted({name for name in headers if headers.count(name) > 1})
    if duplicates:
        raise refuse(
            _("The first row names a column twice: %(columns)s."), columns=", ".join(duplicates)
        )
    return headers


def progress_key(job_id):
    return f"spreadsheet-import:{job_id}:rows-done"


def rows_done(job_id):
    return cache.get(progress_key(job_id), 0)


class JobResource:
    """
    Mixed into a resource while it works for a job: it tells the cache how far it has come,
    says in the staff member's language why a cell cannot be read (django-import-export's
    widgets raise English messages, or errors that would refuse the whole row without naming
    the column), and marks what the rows change only on those the preview shows.
    """

    job_id = None
    diff_rows = PREVIEW_ROWS

    def import_row(self, row, instance_loader, **kwargs):
        result = super().import_row(row, instance_loader, **kwargs)
        if kwargs["row_number"] % PROGRESS_EVERY == 0:
            cache.set(progress_key(self.job_id), kwargs["row_number"], 24 * 60 * 60)
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


def job_resource(resource_class, job_id):
    """`resource_class`, working for the job `job_id` (see JobResource)."""
    return type(f"Job{resource_class.__name__}", (JobResource, resource_class), {"job_id": job_id})


def summarize(result, resource):
    """What the preview shows of an import's result: totals, some rows, every refusal."""
    column_of = {field.attribute: field.column_name for field in resource.get_import_fields()}
    refused = []
    for invalid in result.invalid_rows:
        problems = [
            {
                "column": ""
                if attribute == NON_FIELD_ERRORS
                else column_of.get(attribute, attribute),
                "message": text,
            }
            for attribute, texts in invalid.error_dict.items()
            for text in texts
        ]
        values = [str(value) for value in invalid.values]
        refused.append({"row": invalid.number + 1, "problems": problems, "values": values})
    for error_row in result.error_rows:
        problems = [
            {"column": "", "message": describe_error(error.error)} for error in error_row.errors
        ]
        refused.append({"row": error_row.number + 1, "problems": problems, "values": []})
    for error in result.base_errors:
        problem = {"column": "", "message": describe_error(error.error)}
        refused.append({"row": "", "problems": [problem], "values": []})
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
    """A cell of django-import-export's marked difference, without its inline style (the
    Content-Security-Policy allows none; the admin's stylesheet marks <ins> and <del>)."""
    return INLINE_STYLE.sub("", str(cell))


def describe_error(error):
    """An unexpected error on a row, as staff can act on it: never a traceback."""
    if isinstance(error, IntegrityError):
        return _("This row conflicts with an entry already stored or with another row of the file.")
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return _("This row could not be saved: %(reason)s") % {"reason": str(error)[:300]}


class _ImportRefused(Exception):
    def __init__(self, result):
        self.result = result


class _ChangedSinceCheck(Exception):
    def __init__(self, versions):
        self.entries = sorted({version.object_repr for version in versions})


def resource_of(job):
    return import_string(job.resource)()


def run_resource(job, resource, dataset, dry_run):
    """django-import-export's import of `dataset`, rolled back on any refused row."""
    return job_resource(type(resource), job.pk)().import_data(
        dataset,
        dry_run=dry_run,
        use_transactions=True,
        rollback_on_validation_errors=True,
        raise_errors=False,
        user=job.user,
    )


def check_import(job):
    """The dry run: what importing the file would do, row by row; writes nothing. The summary
    keeps the entries it would change and the latest version of the history at the check, so
    that the import can tell whether someone changed them in between (changed_since_check())."""
    job.move_to(job.State.CHECKING)
    checked_at_version = Version.objects.aggregate(latest=Max("pk"))["latest"] or 0
    resource = resource_of(job)
    dataset, _encoding = read_spreadsheet(bytes(job.data), job.file_format, resource)
    result = run_resource(job, resource, dataset, dry_run=True)
    summary = summarize(result, resource)
    summary["checked_at_version"] = checked_at_version
    summary["changed_ids"] = [
        str(row.object_id) for row in result.valid_rows() if row.import_type == "update"
    ]
    job.move_to(job.State.CHECKED, summary=summary)


def changed_since_check(job):
    """The versions saved since the check of entries the file changes: another staff member's
    save, which the import would overwrite without their having seen the preview."""
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
    job.move_to(job.State.IMPORTING)
    cache.delete(progress_key(job.pk))
    resource = resource_of(job)
    dataset, _encoding = read_spreadsheet(bytes(job.data), job.file_format, resource)
    try:
        with transaction.atomic(), reversion.create_revision():
            if changed := changed_since_check(job):
                raise _ChangedSinceCheck(changed)
            reversion.set_user(job.user)
            reversion.set_comment(_("Imported from “%(file)s”.") % {"file": job.file_name})
            result = run_resource(job, resource, dataset, dry_run=False)
            if result.has_errors() or result.has_validation_errors():
                raise _ImportRefused(result)
            log_imported_rows(job, result)
    except _ChangedSinceCheck as changed:
        job.move_to(
            job.State.FAILED,
            message=ngettext(
                "Nothing was imported: %(count)d entry of the file was changed after the check "
                "(%(entries)s). Import the file again to see what it would change now.",
                "Nothing was imported: %(count)d entries of the file were changed after the "
                "check (%(entries)s). Import the file again to see what it would change now.",
                len(changed.entries),
            )
            % {"count": len(changed.entries), "entries": ", ".join(changed.entries[:5])},
        )
        return
    except _ImportRefused as refused:
        job.move_to(
            job.State.FAILED,
            summary=summarize(refused.result, resource),
            message=_(
                "Nothing was imported: the file no longer passes the checks. "
                "Import it again to see why."
            ),
        )
        return
    job.move_to(job.State.IMPORTED, summary=summarize(result, resource), data=b"")


def log_imported_rows(job, result):
    """An entry in the admin's log for each row created or changed, as a form save leaves."""
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
