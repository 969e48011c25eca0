"""The site's pages for search engines, in every language with hreflang alternates."""

from collections.abc import Sequence
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Max

from .models import Page


class EveryLanguage(Sequence):
    """A queryset's (item, language) pairs for an i18n sitemap's paginator, which reads only a
    page's items (Django's reads them all: bench/README.md)."""

    def __init__(self, items, languages):
        self.items, self.languages = items, languages

    def __len__(self):
        return self.items.count() * len(self.languages)

    def __getitem__(self, index):  # A paginator's slice, [start:stop].
        first, skip = divmod(index.start, len(self.languages))
        items = self.items[first : -(-index.stop // len(self.languages))]
        pairs = [(item, language) for item in items for language in self.languages]
        return pairs[skip : skip + index.stop - index.start]


class TranslatedSitemap(Sitemap):
    protocol = urlsplit(settings.SITE_URL).scheme
    i18n = True
    alternates = True
    x_default = True
    languages = [code for code, _name in settings.LANGUAGES]
    # Entries per file, of 6 addresses each; the protocol's 8,333 take too long (bench/README.md).
    limit = 2000


class EntrySitemap(TranslatedSitemap):
    @property
    def paginator(self):
        return Paginator(EveryLanguage(self.items(), self.languages), self.limit)

    def lastmod(self, entry):
        return entry.updated_at

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class PageSitemap(EntrySitemap):
    def items(self):
        return Page.objects.published().only("slug", "updated_at").order_by("slug")
