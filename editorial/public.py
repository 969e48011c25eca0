"""
Public pages: read-only, and served from the page cache while the content has not changed.

    class RegionDetailView(PublicPageMixin, DetailView): ...
    path("feed/", read_only(NewsFeed()), name="news_feed")

A public page answers GET and HEAD; any other method is a 405 that names those two, without a
CSRF check first (the page changes nothing, and the check would turn the answer into a 403).
"""

from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from .cache import cache_public_page


def read_only(view):
    """Serve `view` for GET and HEAD only."""
    return csrf_exempt(require_safe(view))


class PublicPageMixin:
    """For a public page's view class: read-only, and served from the cache."""

    @classmethod
    def as_view(cls, **initkwargs):
        return read_only(cache_public_page(super().as_view(**initkwargs)))
