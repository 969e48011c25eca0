"""
Agreements as light rows, for the pages that list or draw many of them.

A model instance costs tens of microseconds to make (its fields, its signals, its translated
fields), and the pages list up to a thousand agreements, each with its two parties. Read as
values, the same rows cost a fraction of that. A row answers what the templates and the map ask
of an agreement and of its parties: names in the active language, addresses, codes and labels.

    rows = AgreementRows(TwinningAgreement.objects.filter(year=2000))[:25]
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .addresses import addresses_by_slug, agreement_addresses
from .models import Region, TwinningAgreement
from .models.agreements import JubileeMixin
from .paging import KeysFirst
from .translated import in_active_language

PARTY_FIELDS = ["id", "slug", "country", "kind", "latitude", "longitude"]
SIDES = ["mission_region", "host_region"]


class AgreementRows(KeysFirst):
    """The agreements of a queryset as AgreementRow objects, counted, sliced and iterated in
    the database as the queryset is: a list for a template, or for a paginator. A slice's
    agreements are found first, then read with their parties: the database joins and names
    only the rows it returns.

    `annotations` names annotations of the queryset that the rows carry too (the
    `jubilee_year` of jubilees()).
    """

    def __init__(self, agreements, *annotations):
        super().__init__(agreements)
        self.annotations = annotations

    def read(self, agreements):
        """The rows of `agreements`, in one query."""
        names = {f"{side}_name": in_active_language(f"{side}__name") for side in SIDES}
        party_fields = [f"{side}__{field}" for side in SIDES for field in PARTY_FIELDS]
        values = agreements.annotate(**names).values(
            "id", "year", "signed_on", "kind", "status", *party_fields, *names, *self.annotations
        )
        region_address = addresses_by_slug("cooperation:region_detail")
        agreement_address = agreement_addresses()
        return [AgreementRow.from_values(row, region_address, agreement_address) for row in values]


@dataclass(frozen=True)
class PartyRow:
    """A region taking part in an agreement, as a list names it and the map places it."""

    pk: int
    slug: str
    name: str
    country: str
    kind: str
    latitude: Decimal | None
    longitude: Decimal | None
    url: str

    @classmethod
    def from_values(cls, row, side, region_address):
        """The party on `side` ("host_region") of a row of AgreementRows.read()'s values."""
        return cls(
            pk=row[f"{side}__id"],
            slug=row[f"{side}__slug"],
            name=row[f"{side}_name"],
            country=row[f"{side}__country"],
            kind=row[f"{side}__kind"],
            latitude=row[f"{side}__latitude"],
            longitude=row[f"{side}__longitude"],
            url=region_address(row[f"{side}__slug"]),
        )

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return self.url

    def get_kind_display(self):
        return Region.Kind(self.kind).label


@dataclass(frozen=True)
class AgreementRow(JubileeMixin):
    """An agreement with its two parties, as a list shows it and the map draws it."""

    pk: int
    year: int
    signed_on: date | None
    kind: str
    status: str
    mission_region: PartyRow
    host_region: PartyRow
    url: str
    jubilee_year: int | None = None

    @classmethod
    def from_values(cls, row, region_address, agreement_address):
        """The row of AgreementRows.read()'s values; `region_address` makes a region's address
        from its slug (addresses_by_slug()), `agreement_address` the agreement page's."""
        slugs = f"{row['mission_region__slug']}-{row['host_region__slug']}"
        return cls(
            pk=row["id"],
            year=row["year"],
            signed_on=row["signed_on"],
            kind=row["kind"],
            status=row["status"],
            mission_region=PartyRow.from_values(row, "mission_region", region_address),
            host_region=PartyRow.from_values(row, "host_region", region_address),
            url=agreement_address(row["id"], slugs),
            jubilee_year=row.get("jubilee_year"),
        )

    def __str__(self):
        return f"{self.mission_region} – {self.host_region} ({self.year})"

    @property
    def mission_region_id(self):
        return self.mission_region.pk

    @property
    def host_region_id(self):
        return self.host_region.pk

    def get_absolute_url(self):
        return self.url

    def get_kind_display(self):
        return TwinningAgreement.Kind(self.kind).label

    def get_status_display(self):
        return TwinningAgreement.Status(self.status).label
