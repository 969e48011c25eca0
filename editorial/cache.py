"""
Whole-page cache of the public pages (cache_public_page): a page is stored with the content
version it was made in and served while that version is current. Any content change starts a
new version (editorial.signals), and so does the next scheduled publication when it is due.
"""

import hashlib
import uuid
from functools import wraps

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models import Min
from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string

from .models import Publishable

VERSION_KEY = "public-pages:version"


def publishable_models():
    return [model for model in apps.get_models() if issubclass(model, Publishable)]


def next_scheduled_publication():
    """The earliest publish time still to come among published entries, or None."""
    now = timezone.now()
    moments = [
        model.objects.filter(status=model.Status.PUBLISHED, publish_at__gt=now).aggregate(
            next=Min("publish_at")
        )["next"]
        for model in publishable_models()
    ]
    return min((moment for moment in moments if moment), default=None)


def invalidate_public_pages(changed_model=None):
    """
    Start a new content version: every cached public page is stale from now on. A change to
    entries that are not publishable (`changed_model`) cannot move the next scheduled
    publication, which is then kept rather than looked up again (an import saves thousands).
    """
    previous = cache.get(VERSION_KEY)
    if (
        previous is not None
        and changed_model is not None
        and not issubclass(changed_model, Publishable)
    ):
        ends_at = previous["ends_at"]
    else:
        ends_at = next_scheduled_publication()
    state = {"version": uuid.uuid4().hex, "ends_at": ends_at}
    cache.set(VERSION_KEY, state, None)
    return state


def current_state(state):
    """The version state read from the cache, renewed when missing or when its time is up."""
    if state is None or (state["ends_at"] and state["ends_at"] <= timezone.now()):
        state = invalidate_public_pages()
    return state


def can_use_cache(request):
    return (
        settings.PUBLIC_PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and "messages" not in request.COOKIES
        and not request.user.is_authenticated
    )


def accepts_gzip(request):
    return bool(re_accepts_gzip.search(request.headers.get("Accept-Encoding", "")))


def page_key(request, vary_on):
    """The cache key of the page a request asks for."""
    parts = [
        request.method,
        request.get_full_path(),
        translation.get_language() or "",
        *(request.headers.get(header, "") for header in vary_on),
        "gzip" if accepts_gzip(request) else "",
    ]
    return "public-pages:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def can_store(request, response):
    """A whole page that is the same for every visitor: no cookie, no form token in it."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Content-Encoding")
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


def stored_page(request, response):
    """What the cache keeps of a page: its headers and its bytes, compressed for a browser that
    accepts gzip as GZipMiddleware compresses (when long enough and made smaller, with random
    bytes at the end against BREACH)."""
    body = response.content
    if len(body) >= 200:
        patch_vary_headers(response, ["Accept-Encoding"])
        if accepts_gzip(request):
            compressed = compress_string(body, max_random_bytes=GZipMiddleware.max_random_bytes)
            if len(compressed) < len(body):
                response.headers["Content-Encoding"] = "gzip"
                body = compressed
    return tuple(response.items()), body


def page_response(page):
    """A response serving a stored page."""
    headers, body = page
    return HttpResponse(body, headers=headers)


def cache_public_page(view, vary_on=()):
    """Serve a public page from the cache while the content has not changed; `vary_on` names
    the request headers that the view's answer depends on, besides the address and language."""

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        if not can_use_cache(request):
            return view(request, *args, **kwargs)
        key = page_key(request, vary_on)
        # One round trip for both the content version and the page stored with its version.
        found = cache.get_many([VERSION_KEY, key])
        version = current_state(found.get(VERSION_KEY))["version"]
        stored_version, page = found.get(key, (None, None))
        if stored_version != version:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response.render()
            if not can_store(request, response):
                return response
            page = stored_page(request, response)
            cache.set(key, (version, page), settings.PUBLIC_PAGE_CACHE_SECONDS)
        return page_response(page)

    return cached_view


def cached_until_content_changes(key, compute):
    """
    `compute()`'s result, computed once for each content version (and at most for
    PUBLIC_PAGE_CACHE_SECONDS): for what is costly to work out from all the content, such as a
    summary on the admin's index.
    """
    if settings.PUBLIC_PAGE_CACHE_SECONDS <= 0:
        return compute()
    key = f"content-summaries:{key}"
    found = cache.get_many([VERSION_KEY, key])
    version = current_state(found.get(VERSION_KEY))["version"]
    stored_version, value = found.get(key, (None, None))
    if stored_version != version:
        value = compute()
        cache.set(key, (version, value), settings.PUBLIC_PAGE_CACHE_SECONDS)
    return value
