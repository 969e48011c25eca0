"""
Public pages: read-only, and served from the page cache while the content has not changed.

    class RegionDetailView(PublicPageMixin, DetailView): ...
    path("feed/", read_only(NewsFeed()), name="news_feed")

A public page answers GET and HEAD; any other method is a 405 that names those two, without a
CSRF check first (the page changes nothing, and the check would turn the answer into a 403).
A page with a form (`with_form`) answers POST too, which the CSRF check guards.
"""

from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_safe

from .cache import cache_public_page


def read_only(view):
    """Serve `view` for GET and HEAD only."""
    return csrf_exempt(require_safe(view))


def with_form(view):
    """Serve `view`, a page with a form, for GET, HEAD and POST; any other method is a 405 that
    names those, before the CSRF check, which still guards the POST."""
    return csrf_exempt(require_http_methods(["GET", "HEAD", "POST"])(csrf_protect(view)))


class PublicPageMixin:
    """For a public page's view class: read-only, and served from the cache."""

    # The request headers, besides the address and language, that the answer depends on.
    cache_vary_on = ()

    @classmethod
    def as_view(cls, *args, **initkwargs):
        view = super().as_view(*args, **initkwargs)
        return read_only(cache_public_page(view, cls.cache_vary_on))
