"""
Addresses of the pages of one entry (a region, a visit, a news photo) by its slug, and of an
agreement by its number and its parties' slugs.

A page lists hundreds of regions, each with a link; reversing every link through the URL
resolver costs more than the rest of the page. The address of a view is therefore reversed once
per language (and script prefix) with a stand-in slug, and each entry's slug put in its place.
"""

import functools

from django.core.validators import slug_re
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

STAND_IN = "__slug__"
STAND_IN_NUMBER = 987654321


@functools.lru_cache(maxsize=256)
def address_pattern(viewname, language, script_prefix, urlconf, with_number=False):
    """The view's address with the stand-in slug (and number); the arguments after the first
    are the key."""
    kwargs = {"slug": STAND_IN, **({"pk": STAND_IN_NUMBER} if with_number else {})}
    return reverse(viewname, urlconf=urlconf, kwargs=kwargs)


def addresses_by_slug(viewname):
    """A function giving the view's address for a slug, in the active language: for a list of
    entries, it looks the language and the view up once."""
    pattern = address_pattern(viewname, get_language(), get_script_prefix(), get_urlconf())

    def address(slug):
        # What the <slug:...> converter accepts; anything else is left to reverse() to refuse.
        if not slug_re.fullmatch(slug):
            return reverse(viewname, kwargs={"slug": slug})
        return pattern.replace(STAND_IN, slug)

    return address


def address_by_slug(viewname, slug):
    """reverse(viewname, kwargs={"slug": slug}), reversing the view only once per language."""
    return addresses_by_slug(viewname)(slug)


def agreement_addresses():
    """A function giving an agreement page's address for its number and its readable slug, in
    the active language (see addresses_by_slug())."""
    viewname = "cooperation:agreement_detail"
    pattern = address_pattern(viewname, get_language(), get_script_prefix(), get_urlconf(), True)

    def address(pk, slug):
        if not slug_re.fullmatch(slug):
            return reverse(viewname, kwargs={"pk": pk, "slug": slug})
        return pattern.replace(STAND_IN, slug).replace(str(STAND_IN_NUMBER), str(pk))

    return address
