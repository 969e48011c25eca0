"""The section's home and the regional cooperation page."""

from django.utils import timezone
from django.views.generic import TemplateView

from editorial.public import PublicPageMixin

from ..charts import AgreementTimeline
from ..maps import AgreementMap
from ..models import NewsPhoto, OverviewPage, TwinningAgreement, Visit, jubilee_years
from ..paging import keys_first

# Above this many agreements the cooperation page lists years with their counts instead of every
# pair, and leaves the map out.
OVERVIEW_AGREEMENT_LIMIT = 1000
JUBILEE_LIMIT = 50


class HomeView(PublicPageMixin, TemplateView):
    template_name = "cooperation/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["latest_photos"] = NewsPhoto.objects.published()[:4]
        return context


class OverviewView(PublicPageMixin, TemplateView):
    template_name = "cooperation/overview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = OverviewPage.objects.visible_to(self.request.user).first()
        year_order = "-year" if page is not None and page.newest_first else "year"
        agreement_count = TwinningAgreement.objects.count()
        if agreement_count <= OVERVIEW_AGREEMENT_LIMIT:
            agreements = TwinningAgreement.objects.listed().order_by(year_order, "pk")
            context["agreements"] = agreements = list(agreements)
            context["agreement_map"] = AgreementMap.for_agreements(agreements)
            context["timeline"] = AgreementTimeline.from_agreements(agreements)
        else:
            year_counts = TwinningAgreement.objects.per_year().order_by(year_order)
            context["year_counts"] = year_counts = list(year_counts)
            context["timeline"] = AgreementTimeline(
                {row["year"]: row["count"] for row in year_counts}
            )
        today = timezone.localdate()
        jubilees = TwinningAgreement.objects.jubilees(today).listed()
        context.update(
            jubilees=keys_first(jubilees, jubilees[:JUBILEE_LIMIT]),
            jubilee_years=jubilee_years(today),
            page=page,
            agreement_count=agreement_count,
            region_count=TwinningAgreement.objects.party_count(),
            visit_count=Visit.objects.published().count(),
            featured_photo=NewsPhoto.objects.published().filter(is_featured=True).first(),
        )
        return context
