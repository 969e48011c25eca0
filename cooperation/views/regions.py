"""The region index and a region's page: its place on the map, partners, visits, photos and the
units below it."""

from dataclasses import dataclass
from itertools import groupby

from django.views.generic import DetailView
from django_filters.views import FilterView

from editorial.public import PublicPageMixin

from ..addresses import addresses_by_slug
from ..countries import country_name
from ..filters import RegionFilter
from ..listings import AgreementRows
from ..maps import AgreementMap
from ..models import NewsPhoto, Region, TwinningAgreement, Visit
from ..structured_data import region_data
from ..translated import in_active_language
from .mixins import ForgivingPaginationMixin, first_entries

# A region page shows the first entries with a link to the full, paginated list.
REGION_PAGE_AGREEMENT_LIMIT = 50
REGION_PAGE_VISIT_LIMIT = 20
REGION_PAGE_CHILDREN_LIMIT = 50


class RegionListView(PublicPageMixin, ForgivingPaginationMixin, FilterView):
    """Every region of both countries as a tree, a page at a time, or those a visitor looks for
    by name, country, kind or the region they lie in."""

    filterset_class = RegionFilter
    template_name = "cooperation/region_list.html"
    paginate_by = 200
    strict = False

    def get_queryset(self):
        return (
            Region.objects.by_country()
            .annotate(parent_name=in_active_language("parent__name"))
            .values("slug", "name", "kind", "country", "path", "parent_name")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        region_address = addresses_by_slug("cooperation:region_detail")
        context["countries"] = [
            (country_name(code), [IndexEntry.from_row(row, region_address) for row in rows])
            for code, rows in groupby(context["object_list"], key=lambda row: row["country"])
        ]
        return context


@dataclass(frozen=True)
class IndexEntry:
    """A region as the index lists it, made from a values() row: the index lists hundreds."""

    name: str
    url: str
    kind: str
    depth: int
    parent: str

    @classmethod
    def from_row(cls, row, region_address):
        """The entry of a values() row; `region_address` makes the address from the slug."""
        return cls(
            name=row["name"],
            url=region_address(row["slug"]),
            kind=Region.Kind(row["kind"]).label,
            depth=Region.depth_of(row["path"]),
            parent=row["parent_name"],
        )


class RegionDetailView(PublicPageMixin, DetailView):
    template_name = "cooperation/region_detail.html"

    def get_queryset(self):
        return Region.objects.select_related("parent")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        region = self.object
        partners = TwinningAgreement.objects.involving(region).order_by("year", "pk")
        agreements, more_agreements = first_entries(
            AgreementRows(partners), REGION_PAGE_AGREEMENT_LIMIT
        )
        visits = Visit.objects.published().involving(region).select_related("location")
        visits, more_visits = first_entries(visits, REGION_PAGE_VISIT_LIMIT)
        ancestors = region.ancestors()
        context.update(
            ancestors=ancestors,
            structured_data=region_data(region, ancestors),
            agreements=agreements,
            more_agreements=more_agreements,
            region_map=AgreementMap.for_agreements(agreements, marked=region),
            visits=visits,
            more_visits=more_visits,
            photos=NewsPhoto.objects.published().showing(region)[:12],
        )
        context["children"], context["more_children"] = first_entries(
            region.children.all(), REGION_PAGE_CHILDREN_LIMIT
        )
        return context
