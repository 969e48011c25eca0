"""RSS and Atom feeds of the board's open requests: the region and the text, never the contact."""

from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from cooperation.feeds import FEED_LENGTH, PublishedEntryFeed

from .models import PartnerRequest


class PartnerRequestFeed(PublishedEntryFeed):
    title = _("Belarusian and Bulgarian regions looking for partners")
    description = _("Requests on the partner search board of the Embassy of Belarus in Bulgaria.")

    def link(self):
        return reverse("partners:board")

    def items(self):
        requests = PartnerRequest.objects.on_board().select_related("region")
        return requests.order_by("-publish_at", "pk")[:FEED_LENGTH]

    def item_title(self, partner_request):
        return _("%(place)s looks for partners: %(fields)s") % {
            "place": partner_request,
            "fields": partner_request.interests_text(),
        }

    def item_description(self, partner_request):
        return format_html(
            "<p>{}</p><p>{}</p>", partner_request.summary, partner_request.description
        )

    def item_categories(self, partner_request):
        return partner_request.interest_labels()


class PartnerRequestAtomFeed(PartnerRequestFeed):
    feed_type = Atom1Feed
    subtitle = PartnerRequestFeed.description
