"""
Addresses of the pages of one entry (a region, a visit, a news photo) by its slug.

A page lists hundreds of regions, each with a link; reversing every link through the URL
resolver costs more than the rest of the page. The address of a view is therefore reversed once
per language (and script prefix) with a stand-in slug, and each entry's slug put in its place.
"""

import functools
import re

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

STAND_IN = "__slug__"
# What Django's <slug:...> converter accepts: anything else is left to reverse() to refuse.
SLUG = re.compile(r"[-a-zA-Z0-9_]+")


@functools.lru_cache(maxsize=256)
def address_pattern(viewname, language, script_prefix, urlconf):
    """The view's address with the stand-in slug; the arguments after the first are the key."""
    return reverse(viewname, urlconf=urlconf, kwargs={"slug": STAND_IN})


def addresses_by_slug(viewname):
    """A function giving the view's address for a slug, in the active language: for a list of
    entries, it looks the language and the view up once."""
    pattern = address_pattern(viewname, get_language(), get_script_prefix(), get_urlconf())

    def address(slug):
        if not SLUG.fullmatch(slug):
            return reverse(viewname, kwargs={"slug": slug})
        return pattern.replace(STAND_IN, slug)

    return address


def address_by_slug(viewname, slug):
    """reverse(viewname, kwargs={"slug": slug}), reversing the view only once per language."""
    return addresses_by_slug(viewname)(slug)
