"""An agreement's page, at `/bg/cooperation/agreements/12-brest-pleven/`; its other addresses
redirect there."""

from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import DetailView

from editorial.public import PublicPageMixin

from ..maps import AgreementMap
from ..models import NewsPhoto, Region, TwinningAgreement, Visit
from .mixins import first_entries

AGREEMENT_PAGE_VISIT_LIMIT = 20
AGREEMENT_PAGE_PHOTO_LIMIT = 12


class AgreementDetailView(PublicPageMixin, DetailView):
    template_name = "cooperation/agreement_detail.html"
    context_object_name = "agreement"

    def get_queryset(self):
        return TwinningAgreement.objects.with_parties().with_last_exchange()

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        address = self.object.get_absolute_url()
        if request.path != address:
            return redirect(address, permanent=True)
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        agreement = self.object
        mission, host = agreement.mission_region, agreement.host_region
        above = list(Region.objects.above(mission, host))
        visits = (
            Visit.objects.published().involving(mission).involving(host).select_related("location")
        )
        visits, more_visits = first_entries(visits, AGREEMENT_PAGE_VISIT_LIMIT)
        photos = NewsPhoto.objects.published().showing(mission).showing(host)
        context.update(
            parties=[(party, party.ancestors(among=above)[::-1]) for party in (mission, host)],
            visits=visits,
            more_visits=more_visits,
            photos=photos[:AGREEMENT_PAGE_PHOTO_LIMIT],
            agreement_map=AgreementMap.for_agreements([agreement]),
            jubilee=agreement.next_jubilee(timezone.localdate()),
        )
        return context
