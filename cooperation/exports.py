"""The agreement list as CSV, made while it is sent, a chunk of rows at a time."""

import io

from django.utils import translation

from embassy.sites import absolute_url

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


def agreements_csv(agreements, language):
    """The CSV text in chunks, names in `language`: a header, then a row per agreement."""
    buffer = io.StringIO()
    buffer.write("\ufeff")  # Tells spreadsheet programs the file is UTF-8.
    writer = SafeCsvWriter(buffer)
    writer.writerow(AGREEMENT_CSV_COLUMNS)
    rows = agreements.listed().iterator(chunk_size=DATABASE_CHUNK)
    # The rows are read while the response is sent, after the request's language is gone.
    with translation.override(language):
        for number, agreement in enumerate(rows, start=1):
            mission, host = agreement.mission_region, agreement.host_region
            writer.writerow(
                [
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
            )
            if number % ROWS_PER_CHUNK == 0:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
    yield buffer.getvalue()
