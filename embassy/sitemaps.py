"""The site-wide pages for search engines, in every language."""

from django.contrib.sitemaps import Sitemap

from .models import Page


class PageSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Page.objects.published().only("slug", "updated_at").order_by("slug")

    def lastmod(self, page):
        return page.updated_at
