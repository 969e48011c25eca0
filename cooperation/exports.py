"""The agreement list as a spreadsheet (CSV), as the public list's download gives it.

The file is made while it is sent, a few hundred rows at a time, so that it starts at once and
takes the same memory whatever the number of agreements.
"""

import io

from django.utils import translation

from .addresses import agreement_addresses
from .spreadsheet_cells import SafeCsvWriter
from .translated import in_active_language

AGREEMENT_CSV_COLUMNS = [
    "year",
    "signed_on",
    "mission_party_name",
    "mission_party_slug",
    "mission_party_kind",
    "host_party_name",
    "host_party_slug",
    "host_party_kind",
    "kind",
    "status",
    "url",
]
# What each column is read from; the names are annotated in the active language.
AGREEMENT_CSV_FIELDS = [
    "year",
    "signed_on",
    "mission_party_name",
    "mission_region__slug",
    "mission_region__kind",
    "host_party_name",
    "host_region__slug",
    "host_region__kind",
    "kind",
    "status",
    "id",
]
ROWS_PER_CHUNK = 500
DATABASE_CHUNK = 2000


def spreadsheet_cell(value):
    """What a value becomes in its cell, before SafeCsvWriter marks a formula as text."""
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def agreement_rows(agreements, absolute_url=str):
    """The header, then one row per agreement (kinds and statuses as codes, and the address of
    the agreement's page, which `absolute_url` makes absolute)."""
    yield AGREEMENT_CSV_COLUMNS
    agreement_address = agreement_addresses()
    rows = (
        agreements.annotate(
            mission_party_name=in_active_language("mission_region__name"),
            host_party_name=in_active_language("host_region__name"),
        )
        .values_list(*AGREEMENT_CSV_FIELDS)
        .iterator(chunk_size=DATABASE_CHUNK)
    )
    for *values, pk in rows:
        mission_slug, host_slug = values[3], values[6]
        page = absolute_url(agreement_address(pk, f"{mission_slug}-{host_slug}"))
        yield [*(spreadsheet_cell(value) for value in values), page]


def agreements_csv(agreements, language, absolute_url=str):
    """The CSV text of `agreements` with names in `language`, in chunks of rows, starting with
    a byte order mark that tells spreadsheet programs the file is UTF-8 (Cyrillic)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = SafeCsvWriter(buffer)
    # The rows are read while the response is sent, after the request's language is gone.
    with translation.override(language):
        rows = agreement_rows(agreements, absolute_url)
        for number, row in enumerate(rows, start=1):
            writer.writerow(row)
            if number % ROWS_PER_CHUNK == 0:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
    yield buffer.getvalue()
