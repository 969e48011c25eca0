"""The region index and a region's page: its partners, visits, photos and the units below it."""

from django.views.generic import DetailView, ListView

from editorial.public import PublicPageMixin

from ..models import NewsPhoto, Region, TwinningAgreement, Visit
from ..structured_data import region_data
from .mixins import first_entries

# A region page shows the first entries with a link to the full, paginated list.
REGION_PAGE_AGREEMENT_LIMIT = 100
REGION_PAGE_VISIT_LIMIT = 20


class RegionListView(PublicPageMixin, ListView):
    template_name = "cooperation/region_list.html"

    def get_queryset(self):
        return Region.objects.by_country()


class RegionDetailView(PublicPageMixin, DetailView):
    template_name = "cooperation/region_detail.html"

    def get_queryset(self):
        return Region.objects.select_related("parent")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        region = self.object
        partners = TwinningAgreement.objects.involving(region).with_parties().order_by("year", "pk")
        agreements, more_agreements = first_entries(partners, REGION_PAGE_AGREEMENT_LIMIT)
        visits = Visit.objects.published().involving(region).select_related("location")
        visits, more_visits = first_entries(visits, REGION_PAGE_VISIT_LIMIT)
        ancestors = region.ancestors()
        context.update(
            ancestors=ancestors,
            structured_data=region_data(self.request, region, ancestors),
            agreements=agreements,
            more_agreements=more_agreements,
            visits=visits,
            more_visits=more_visits,
            photos=NewsPhoto.objects.published().showing(region)[:12],
            children=region.children.all(),
        )
        return context
