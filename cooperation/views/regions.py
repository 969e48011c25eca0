"""The region index and a region's page."""

from itertools import groupby
from operator import attrgetter

from django.db.models import Prefetch
from django.views.generic import DetailView
from django_filters.views import FilterView

from editorial.public import PublicPageMixin

from ..countries import country_name
from ..filters import RegionFilter
from ..maps import AgreementMap
from ..models import NewsPhoto, Region, TwinningAgreement, Visit
from ..structured_data import region_data
from .mixins import ForgivingPaginationMixin, first_entries

REGION_PAGE_AGREEMENT_LIMIT = 50
REGION_PAGE_VISIT_LIMIT = 20
REGION_PAGE_CHILDREN_LIMIT = 50


class RegionListView(PublicPageMixin, ForgivingPaginationMixin, FilterView):
    """Every region of both countries as a tree, or those the filters select."""

    filterset_class = RegionFilter
    template_name = "cooperation/region_list.html"
    paginate_by = 200
    strict = False

    def get_queryset(self):
        return (
            Region.objects.by_country()
            .only("slug", "name", "kind", "country", "path", "parent")
            # A page's few parents read once each, not with each of its 200 regions.
            .prefetch_related(Prefetch("parent", Region.objects.only("name")))
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["countries"] = [
            (country_name(code), list(regions))
            for code, regions in groupby(context["object_list"], key=attrgetter("country"))
        ]
        return context


class RegionDetailView(PublicPageMixin, DetailView):
    def get_queryset(self):
        return Region.objects.select_related("parent")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        region = self.object
        partners = TwinningAgreement.objects.involving(region).listed().order_by("year", "pk")
        agreements, more_agreements = first_entries(partners, REGION_PAGE_AGREEMENT_LIMIT)
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
