"""The board and its open requests (which never show a writer's contact) for search engines."""

from cooperation.sitemaps import SectionSitemap
from embassy.sitemaps import EntrySitemap

from .models import PartnerRequest


class BoardSitemap(SectionSitemap):
    def items(self):
        return ["partners:board"]


class PartnerRequestSitemap(EntrySitemap):
    def items(self):
        return PartnerRequest.objects.on_board().only("updated_at").order_by("pk")
