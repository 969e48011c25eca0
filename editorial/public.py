"""Public pages: read-only (GET and HEAD; any other method a 405, not a CSRF 403), served from the
page cache. Use PublicPageMixin on a view class, read_only() or with_form() on a view."""

from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_safe

from .cache import cache_public_page


def read_only(view):
    return csrf_exempt(require_safe(view))


def with_form(view):
    return csrf_exempt(require_http_methods(["GET", "HEAD", "POST"])(csrf_protect(view)))


class PublicPageMixin:
    @classmethod
    def as_view(cls, *args, **initkwargs):
        view = super().as_view(*args, **initkwargs)
        return read_only(cache_public_page(view))
