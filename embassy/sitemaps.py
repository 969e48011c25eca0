"""The site's pages for search engines, in every language, in files of a bounded size.

`/sitemap.xml` is the index of the files (Django's sitemap index view); each file is a page of
one section's entries, written here rather than by a template: a file holds thousands of
entries of six addresses each.
"""

import datetime
import math
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.html import escape

from .models import Page

# The sitemaps protocol allows 50,000 addresses (and 50 MB) in one file. Each entry names its
# page and the same page in every language and by default: counted as addresses, that many per
# entry, so that a file stays within the limit however the alternates are counted.
PROTOCOL_ADDRESS_LIMIT = 50_000
ADDRESSES_PER_ENTRY = 1 + len(settings.LANGUAGES) + 1


class EveryLanguage(Sequence):
    """The items, each once per language, as (item, language) pairs, read a slice at a time:
    a sitemap's file costs a count and one query of its own items, not all of them."""

    def __init__(self, items, languages):
        self.items = items
        self.languages = list(languages)

    def __len__(self):
        count = len(self.items) if isinstance(self.items, list | tuple) else self.items.count()
        return count * len(self.languages)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        # The paginator asks for slices with both ends.
        start, stop = index.start, index.stop
        per_item = len(self.languages)
        first, last = start // per_item, math.ceil(stop / per_item)
        pairs = [(item, language) for item in self.items[first:last] for language in self.languages]
        return pairs[start - first * per_item : stop - first * per_item]


class TranslatedSitemap(Sitemap):
    """Each page once per language, with its other languages as hreflang alternates; the
    items() of a subclass are a queryset (or a list) with an `updated_at` when they have one."""

    protocol = urlsplit(settings.SITE_URL).scheme
    i18n = True
    alternates = True
    x_default = True
    limit = PROTOCOL_ADDRESS_LIMIT // ADDRESSES_PER_ENTRY

    @property
    def paginator(self):
        return Paginator(EveryLanguage(self.items(), self._languages()), self.limit)

    def get_latest_lastmod(self):
        """The last change among the items, in one query."""
        if not hasattr(self, "lastmod"):
            return None
        return self.items().aggregate(latest=Max("updated_at"))["latest"]

    def file_entries(self, number, root):
        """The entries of the sitemap's file `number` (from 1), as SitemapEntry, with the
        addresses made absolute with `root` ("https://example.org")."""
        pairs = self.paginator.page(number).object_list
        items = list({id(item): item for item, _language in pairs}.values())
        languages = self._languages()
        # Each item's address in each language, with one language switch per language.
        addresses = {}
        for language in languages:
            with translation.override(language):
                for item in items:
                    addresses[id(item), language] = root + self.location(item)
        for item, language in pairs:
            alternates = [(code, addresses[id(item), code]) for code in languages]
            if self.x_default and settings.LANGUAGE_CODE in languages:
                default = addresses[id(item), settings.LANGUAGE_CODE]
                alternates.append(
                    ("x-default", default.replace(f"/{settings.LANGUAGE_CODE}/", "/", 1))
                )
            yield SitemapEntry(
                address=addresses[id(item), language],
                lastmod=self.lastmod(item) if hasattr(self, "lastmod") else None,
                changefreq=getattr(self, "changefreq", None),
                alternates=alternates,
            )


@dataclass(frozen=True)
class SitemapEntry:
    address: str
    lastmod: datetime.datetime | None
    changefreq: str | None
    alternates: list

    def xml(self):
        parts = [f"<url><loc>{escape(self.address)}</loc>"]
        if self.lastmod:
            parts.append(f"<lastmod>{lastmod_date(self.lastmod)}</lastmod>")
        if self.changefreq:
            parts.append(f"<changefreq>{escape(self.changefreq)}</changefreq>")
        parts.extend(
            f'<xhtml:link rel="alternate" hreflang="{code}" href="{escape(address)}"/>'
            for code, address in self.alternates
        )
        parts.append("</url>")
        return "".join(parts)


def lastmod_date(moment):
    """A change's date, in the site's time zone, as the protocol writes it."""
    if isinstance(moment, datetime.datetime) and timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return moment.strftime("%Y-%m-%d")


def urlset_xml(entries):
    """A sitemap file of the entries."""
    return "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:xhtml="http://www.w3.org/1999/xhtml">',
            "".join(entry.xml() for entry in entries),
            "</urlset>",
            "",
        ]
    )


class EntrySitemap(TranslatedSitemap):
    """Entries dated by their last change."""

    def lastmod(self, entry):
        return entry.updated_at


class PageSitemap(EntrySitemap):
    def items(self):
        return Page.objects.published().only("slug", "updated_at").order_by("slug")
