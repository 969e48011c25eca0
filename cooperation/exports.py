"""The agreement list as a spreadsheet (CSV), as the public list's download gives it."""

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


def write_agreements_csv(agreements, file, absolute_url=str):
    """One row per agreement, names in the active language, kinds and statuses as codes, and the
    address of the agreement's page (`absolute_url` makes it absolute)."""
    writer = SafeCsvWriter(file)
    writer.writerow(AGREEMENT_CSV_COLUMNS)
    for agreement in agreements.iterator(chunk_size=2000):
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
