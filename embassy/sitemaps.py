"""The site-wide pages for search engines, in every language."""

from django.contrib.sitemaps import Sitemap

from cooperation.views import COOPERATION_PAGE_SLUG

from .models import Page


class PageSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        # The regional cooperation page's text is the cooperation page's introduction, which
        # the cooperation section's sitemap lists; its /pages/ address would repeat it.
        return (
            Page.objects.published()
            .exclude(slug=COOPERATION_PAGE_SLUG)
            .only("slug", "updated_at")
            .order_by("slug")
        )

    def lastmod(self, page):
        return page.updated_at
