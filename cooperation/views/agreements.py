"""The agreement list (with its CSV download), its map, and an agreement's scanned document."""

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.views import View
from django_filters.views import FilterView

from editorial.public import PublicPageMixin

from ..countries import country_name
from ..exports import agreements_csv
from ..filters import AgreementFilter
from ..maps import AgreementMap
from ..models import TwinningAgreement
from .mixins import ForgivingPaginationMixin
from .overview import OVERVIEW_AGREEMENT_LIMIT

# The map draws at most this many agreements; past it, the filters must narrow them down first.
MAP_AGREEMENT_LIMIT = OVERVIEW_AGREEMENT_LIMIT


class AgreementListView(PublicPageMixin, ForgivingPaginationMixin, FilterView):
    filterset_class = AgreementFilter
    queryset = TwinningAgreement.objects.listed()
    template_name = "cooperation/agreement_list.html"
    paginate_by = 25
    # Invalid filter values are reported on the form; the valid ones still apply.
    strict = False

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            mission_country_name=country_name(settings.COOPERATION_MISSION_COUNTRY),
            host_country_name=country_name(settings.COOPERATION_HOST_COUNTRY),
            **kwargs,
        )

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
        return StreamingHttpResponse(
            agreements_csv(filterset.qs, get_language()),
            content_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="agreements.csv"'},
        )


class AgreementMapView(PublicPageMixin, FilterView):
    """The agreement list's filters, drawn as a map; the list of the same agreements follows it."""

    filterset_class = AgreementFilter
    queryset = TwinningAgreement.objects.listed().order_by("year", "pk")
    template_name = "cooperation/agreement_map.html"
    strict = False

    def get_filterset(self, filterset_class):
        filterset = super().get_filterset(filterset_class)
        # A map has no order: the list under it stays in the order of the years.
        filterset.form.fields.pop("sort")
        return filterset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        agreements = context["object_list"]
        too_many = agreements[MAP_AGREEMENT_LIMIT:].exists()
        agreements = [] if too_many else list(agreements)
        context.update(
            object_list=agreements,
            too_many=too_many,
            agreement_map=AgreementMap.for_agreements(agreements),
        )
        return context


class AgreementDocumentView(View):
    """An agreement's PDF as a download, so that its active content never runs in our name."""

    def get(self, request, pk):
        agreement = get_object_or_404(
            TwinningAgreement.objects.with_parties().exclude(document=""), pk=pk
        )
        try:
            file = agreement.document.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        mission, host = agreement.mission_region, agreement.host_region
        return FileResponse(
            file,
            as_attachment=True,
            filename=f"agreement-{mission.slug}-{host.slug}-{agreement.year}.pdf",
            content_type="application/pdf",
        )
