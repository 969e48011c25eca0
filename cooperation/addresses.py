"""reverse() for pages lists link by the hundred: reversed once per language with stand-ins for
the entry's number and slug (bench/README.md)."""

import functools

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

STAND_INS = {"pk": "987654321", "slug": "stand-in-slug"}


@functools.lru_cache(maxsize=64)
def address_with_stand_ins(viewname, names, language, script_prefix, urlconf):
    return reverse(viewname, urlconf=urlconf, kwargs={name: STAND_INS[name] for name in names})


def cached_reverse(viewname, **kwargs):
    """reverse(viewname, kwargs=kwargs) for a slug (a SlugField's) and a number, in that order."""
    key = (get_language(), get_script_prefix(), get_urlconf())
    address = address_with_stand_ins(viewname, tuple(kwargs), *key)
    for name, value in kwargs.items():
        address = address.replace(STAND_INS[name], str(value), 1)
    return address
