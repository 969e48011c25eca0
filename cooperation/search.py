"""The site search of each kind apart (RESULT_KINDS): full-text on PostgreSQL, else the stored
case-folded Latin texts (cooperation.transliteration)."""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Q
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import NewsPhoto, Region, TwinningAgreement, Visit
from .region_names import strip_designator
from .transliteration import contains_text, latin_term, search_term

SEARCH_MAX_LENGTH = 100
# Words of a text that the full-text search takes; the rest are ignored.
SEARCH_MAX_WORDS = 8
WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class SearchText:
    text: str
    region_kind: str | None = None

    @classmethod
    def parse(cls, typed):
        return cls(*strip_designator(search_term(typed)))

    def __bool__(self):
        return bool(WORD.search(self.text))


def full_text_query(text):
    """Each word as the start of a word, as typed or in Latin letters, for PostgreSQL."""
    alternatives = []
    for words in (WORD.findall(search_term(text)), latin_term(text).split()):
        if words:
            alternatives.append(" & ".join(f"{word}:*" for word in words[:SEARCH_MAX_WORDS]))
    raw = " | ".join(f"({alternative})" for alternative in dict.fromkeys(alternatives))
    return SearchQuery(raw, search_type="raw", config="simple")


def matching(queryset, fields, text):
    if connection.vendor == "postgresql":
        vector = SearchVector(*fields, config="simple")
        return queryset.annotate(found_by=vector).filter(found_by=full_text_query(text))
    condition = Q()
    for field in fields:
        condition |= contains_text(field, text)
    return queryset.filter(condition)


def find_regions(query):
    regions = matching(Region.objects.select_related("parent"), ["search_names"], query.text)
    if query.region_kind is not None and regions.filter(kind=query.region_kind).exists():
        regions = regions.filter(kind=query.region_kind)
    return regions.by_country()


def find_agreements(query):
    fields = ["mission_region__search_names", "host_region__search_names"]
    return matching(TwinningAgreement.objects.with_parties(), fields, query.text)


def find_visits(query):
    visits = Visit.objects.published().select_related("location")
    return matching(visits, ["search_text"], query.text)


def find_news(query):
    return matching(NewsPhoto.objects.published(), ["search_text"], query.text)


@dataclass(frozen=True)
class ResultKind:
    slug: str
    title: Promise
    find: callable


RESULT_KINDS = [
    ResultKind("regions", _("Regions"), find_regions),
    ResultKind("agreements", _("Agreements"), find_agreements),
    ResultKind("visits", _("Visits"), find_visits),
    ResultKind("news", _("News"), find_news),
]
RESULT_KINDS_BY_SLUG = {kind.slug: kind for kind in RESULT_KINDS}
