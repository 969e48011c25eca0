"""The cooperation section's public pages for search engines, in every language."""

from django.urls import reverse

from embassy.sitemaps import TranslatedSitemap

from .models import NewsPhoto, PartnerRequest, Region, TwinningAgreement, Visit


class SectionSitemap(TranslatedSitemap):
    changefreq = "weekly"

    def items(self):
        return [
            "cooperation:home",
            "cooperation:overview",
            "cooperation:agreement_list",
            "cooperation:region_list",
            "cooperation:visit_list",
            "cooperation:news_list",
            "cooperation:partner_board",
        ]

    def location(self, item):
        return reverse(item)


class RegionSitemap(TranslatedSitemap):
    def items(self):
        return Region.objects.only("slug", "updated_at").order_by("pk")

    def lastmod(self, region):
        return region.updated_at


class VisitSitemap(TranslatedSitemap):
    def items(self):
        return Visit.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, visit):
        return visit.updated_at


class NewsPhotoSitemap(TranslatedSitemap):
    def items(self):
        return NewsPhoto.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, photo):
        return photo.updated_at


class AgreementSitemap(TranslatedSitemap):
    def items(self):
        return (
            TwinningAgreement.objects.with_parties()
            .only("updated_at", "mission_region__slug", "host_region__slug")
            .order_by("pk")
        )

    def lastmod(self, agreement):
        return agreement.updated_at


class PartnerRequestSitemap(TranslatedSitemap):
    """The open requests' pages (which never show a writer's contact details)."""

    def items(self):
        return PartnerRequest.objects.on_board().only("updated_at").order_by("pk")

    def lastmod(self, partner_request):
        return partner_request.updated_at
