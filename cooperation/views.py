"""Public pages of the regional cooperation section."""

import csv

from django.contrib import messages
from django.core.paginator import InvalidPage
from django.db.models import Prefetch
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, TemplateView
from django_filters.views import FilterView

from embassy.models import Page

from .charts import AgreementTimeline
from .filters import AgreementFilter, VisitFilter
from .maps import AgreementMap
from .models import NewsPhoto, Region, TwinningAgreement, Visit, jubilee_years

COOPERATION_PAGE_SLUG = "regional-cooperation"
# Above this many agreements the cooperation page lists years with their counts instead of every
# pair, and a region page shows the first entries with a link to the full, paginated list.
OVERVIEW_AGREEMENT_LIMIT = 1000
REGION_PAGE_AGREEMENT_LIMIT = 100
REGION_PAGE_VISIT_LIMIT = 20
# The map draws at most this many agreements; past it, the filters must narrow them down first.
MAP_AGREEMENT_LIMIT = OVERVIEW_AGREEMENT_LIMIT
JUBILEE_LIMIT = 50


def first_entries(queryset, limit):
    """The first `limit` entries and whether there are more, in one query."""
    entries = list(queryset[: limit + 1])
    return entries[:limit], len(entries) > limit


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
]


def write_agreements_csv(agreements, file):
    """One row per agreement, names in the active language, kinds and statuses as codes."""
    writer = csv.writer(file)
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
            ]
        )


class ForgivingPaginationMixin:
    """A page number past the end, or not a number, shows the nearest page with a message."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size, allow_empty_first_page=True)
        requested = self.request.GET.get(self.page_kwarg) or 1
        try:
            page = paginator.page(requested)
        except InvalidPage:
            page = paginator.page(paginator.num_pages if str(requested).isdigit() else 1)
            messages.warning(
                self.request,
                _("There is no page “%(requested)s”; showing page %(shown)s of %(total)s.")
                % {
                    "requested": str(requested)[:20],
                    "shown": page.number,
                    "total": paginator.num_pages,
                },
            )
        return paginator, page, page.object_list, page.has_other_pages()


class PreviewMixin:
    """Detail pages: the public sees published entries, staff also drafts, to preview them."""

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)


class HomeView(TemplateView):
    template_name = "cooperation/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["latest_photos"] = NewsPhoto.objects.published()[:4]
        return context


class OverviewView(TemplateView):
    """The regional cooperation page: the embassy's text, live figures, every agreement on a map
    and in a list, the agreements per year, and the coming jubilees."""

    template_name = "cooperation/overview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = Page.objects.visible_to(self.request.user).filter(slug=COOPERATION_PAGE_SLUG).first()
        newest_first = page is not None and page.list_order == Page.ListOrder.NEWEST_FIRST
        year_order = "-year" if newest_first else "year"
        agreement_count = TwinningAgreement.objects.count()
        if agreement_count <= OVERVIEW_AGREEMENT_LIMIT:
            agreements = TwinningAgreement.objects.with_parties().order_by(year_order, "pk")
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
        context.update(
            jubilees=TwinningAgreement.objects.jubilees(today, limit=JUBILEE_LIMIT),
            jubilee_years=jubilee_years(today),
            page=page,
            agreement_count=agreement_count,
            region_count=TwinningAgreement.objects.party_count(),
            visit_count=Visit.objects.published().count(),
            featured_photo=NewsPhoto.objects.published().filter(is_featured=True).first(),
        )
        return context


class AgreementListView(ForgivingPaginationMixin, FilterView):
    filterset_class = AgreementFilter
    queryset = TwinningAgreement.objects.with_parties()
    template_name = "cooperation/agreement_list.html"
    paginate_by = 25
    # Invalid filter values are reported on the form; the valid ones still apply.
    strict = False

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "csv":
            return self.render_csv()
        return super().get(request, *args, **kwargs)

    def render_csv(self):
        """Every agreement the filters select, unpaginated; invalid filters are a 400."""
        filterset = self.get_filterset(self.get_filterset_class())
        if not filterset.is_valid():
            problems = [
                f"{name}: {message}"
                for name, messages_ in filterset.errors.items()
                for message in messages_
            ]
            return HttpResponseBadRequest(
                "\n".join(problems), content_type="text/plain; charset=utf-8"
            )
        response = HttpResponse(
            content_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="agreements.csv"'},
        )
        # The byte order mark tells spreadsheet programs that the file is UTF-8 (Cyrillic).
        response.write("\ufeff")
        write_agreements_csv(filterset.qs, response)
        return response


class AgreementMapView(FilterView):
    """The agreement list's filters, drawn as a map; the list of the same agreements follows it."""

    filterset_class = AgreementFilter
    queryset = TwinningAgreement.objects.with_parties().order_by("year", "pk")
    template_name = "cooperation/agreement_map.html"
    strict = False

    def get_filterset(self, filterset_class):
        filterset = super().get_filterset(filterset_class)
        # A map has no order: the list under it stays in the order of the years.
        filterset.form.fields.pop("sort")
        return filterset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        agreements, too_many = first_entries(context["object_list"], MAP_AGREEMENT_LIMIT)
        if too_many:
            agreements = []
        context.update(
            object_list=agreements,
            too_many=too_many,
            agreement_map=AgreementMap.for_agreements(agreements),
        )
        return context


class RegionListView(ListView):
    template_name = "cooperation/region_list.html"

    def get_queryset(self):
        return Region.objects.by_country()


class RegionDetailView(DetailView):
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
        context.update(
            ancestors=region.ancestors(),
            agreements=agreements,
            more_agreements=more_agreements,
            visits=visits,
            more_visits=more_visits,
            photos=NewsPhoto.objects.published().showing(region)[:12],
            children=region.children.all(),
        )
        return context


class VisitListView(ForgivingPaginationMixin, FilterView):
    filterset_class = VisitFilter
    template_name = "cooperation/visit_list.html"
    paginate_by = 20
    strict = False

    def get_queryset(self):
        return Visit.objects.published().select_related("location")


class VisitDetailView(PreviewMixin, DetailView):
    model = Visit
    template_name = "cooperation/visit_detail.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("location")
            .prefetch_related(
                "regions",
                Prefetch("photos", queryset=NewsPhoto.objects.published(), to_attr="public_photos"),
            )
        )


class NewsListView(ForgivingPaginationMixin, ListView):
    template_name = "cooperation/news_list.html"
    paginate_by = 12

    def get_queryset(self):
        return NewsPhoto.objects.published()


class NewsDetailView(PreviewMixin, DetailView):
    model = NewsPhoto
    template_name = "cooperation/news_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("visit").prefetch_related("regions")
