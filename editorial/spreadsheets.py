"""Reading an uploaded CSV or Excel file into rows, or refusing it with a message that says why."""

import csv
import io
import zipfile

import openpyxl
import tablib
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _

CSV_FORMAT, XLSX_FORMAT = "csv", "xlsx"
ENCODINGS = [("utf-8-sig", "UTF-8"), ("cp1251", "Windows-1251")]
# Signatures of files that are not text: archives (an Excel file among them), PDF, images.
BINARY_SIGNATURES = (b"PK\x03\x04", b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\xd0\xcf\x11")


class SpreadsheetRefused(ValueError):
    """A file that cannot be imported; the message says why, in the staff member's language."""


def refuse(message, **params):
    return SpreadsheetRefused(message % params if params else message)


def number(value):
    return number_format(value, force_grouping=True)


def read_spreadsheet(data, file_format, resource):
    """The rows of a file (bytes) as a tablib Dataset, and the encoding a CSV was read in; read
    a row at a time, so that a file is refused at its first fault, not after its last row."""
    check_size(len(data))
    if not data.strip():
        raise refuse(_("The file is empty."))
    if file_format == XLSX_FORMAT:
        rows, encoding = read_xlsx(data), ""
    else:
        rows, encoding = read_csv(data)
    rows = (row for row in rows if any(cell not in (None, "") for cell in row))
    first_row = next(rows, None)
    if first_row is None:
        raise refuse(_("The file is empty."))
    headers = check_headers(first_row, resource)
    dataset = tablib.Dataset(headers=headers)
    for line, row in enumerate(rows, start=2):
        if len(dataset) == settings.IMPORT_MAX_ROWS:
            raise refuse(
                _(
                    "The file has more than %(limit)s rows; a file to import may have at most "
                    "%(limit)s."
                ),
                limit=number(settings.IMPORT_MAX_ROWS),
            )
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
    if not dataset:
        raise refuse(_("The file names its columns but has no rows under them."))
    return dataset, encoding


def check_size(size):
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
    # The separator the first row (the column names) uses most; Bulgarian Excel writes ";".
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = list(reader)
    except csv.Error as error:
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
    for encoding, name in ENCODINGS:
        try:
            return data.decode(encoding), ("" if encoding == "utf-8-sig" else name)
        except UnicodeDecodeError:
            continue
    raise refuse(_("The file's text is neither UTF-8 nor Windows-1251. Save it as UTF-8 CSV."))


def read_xlsx(data):
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            for row in book.worksheets[0].iter_rows(values_only=True):
                yield ["" if cell is None else cell for cell in row]
        finally:
            book.close()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, IndexError):
        raise refuse(
            _(
                "This is not an Excel (.xlsx) file, or it is damaged. Open it in a spreadsheet "
                "program and save it as an Excel workbook or as CSV."
            )
        ) from None


def check_headers(first_row, resource):
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
