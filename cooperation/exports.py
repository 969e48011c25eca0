"""The agreement list as CSV, made while it is sent, a chunk of rows at a time."""

import io

from django.utils import translation

from .spreadsheet_cells import SafeCsvWriter

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
ROWS_PER_CHUNK = 500
DATABASE_CHUNK = 2000


def agreement_rows(agreements, absolute_url=str):
    """The header, then one row per agreement."""
    yield AGREEMENT_CSV_COLUMNS
    for agreement in agreements.listed().iterator(chunk_size=DATABASE_CHUNK):
        mission, host = agreement.mission_region, agreement.host_region
        yield [
            agreement.year,
            agreement.signed_on.isoformat() if agreement.signed_on else "",
            mission.name,
            mission.slug,
            mission.kind,
            host.name,
            host.slug,
            host.kind,
            agreement.kind,
            agreement.status,
            absolute_url(agreement.get_absolute_url()),
        ]


def agreements_csv(agreements, language, absolute_url=str):
    """The CSV text in chunks, names in `language`."""
    buffer = io.StringIO()
    buffer.write("\ufeff")  # Tells spreadsheet programs the file is UTF-8.
    writer = SafeCsvWriter(buffer)
    # The rows are read while the response is sent, after the request's language is gone.
    with translation.override(language):
        for number, row in enumerate(agreement_rows(agreements, absolute_url), start=1):
            writer.writerow(row)
            if number % ROWS_PER_CHUNK == 0:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
    yield buffer.getvalue()
