"""The cooperation section's public pages for search engines, in every language."""

from django.urls import reverse

from embassy.sitemaps import EntrySitemap, TranslatedSitemap

from .models import NewsPhoto, Region, TwinningAgreement, Visit


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
        ]

    def location(self, item):
        return reverse(item)


class RegionSitemap(EntrySitemap):
    def items(self):
        return Region.objects.only("slug", "updated_at").order_by("pk")


class VisitSitemap(EntrySitemap):
    def items(self):
        return Visit.objects.published().only("slug", "updated_at").order_by("pk")


class NewsPhotoSitemap(EntrySitemap):
    def items(self):
        return NewsPhoto.objects.published().only("slug", "updated_at").order_by("pk")


class AgreementSitemap(EntrySitemap):
    def items(self):
        return (
            TwinningAgreement.objects.with_parties()
            .only("updated_at", "mission_region__slug", "host_region__slug")
            .order_by("pk")
        )
