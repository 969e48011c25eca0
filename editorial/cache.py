"""Whole-page cache of the public pages (start at cache_public_page): a page is served while the
content version it was made in is current; a content change (editorial.signals) or a scheduled
publication falling due starts a new version."""

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
    now = timezone.now()
    moments = [
        model.objects.filter(status=model.Status.PUBLISHED, publish_at__gt=now).aggregate(
            next=Min("publish_at")
        )["next"]
        for model in publishable_models()
    ]
    return min((moment for moment in moments if moment), default=None)


def invalidate_public_pages(changed_model=None):
    """Start a new content version; a change to a model that is not publishable keeps the next
    scheduled publication rather than look it up again."""
    previous = cache.get(VERSION_KEY)
    keeps_schedule = changed_model is not None and not issubclass(changed_model, Publishable)
    if previous is not None and keeps_schedule:
        ends_at = previous["ends_at"]
    else:
        ends_at = next_scheduled_publication()
    state = {"version": uuid.uuid4().hex, "ends_at": ends_at}
    cache.set(VERSION_KEY, state, None)
    return state


def stored_for_current_version(key):
    """The current content version, and what is stored under `key` if it was made in it."""
    found = cache.get_many([VERSION_KEY, key])
    state = found.get(VERSION_KEY)
    if state is None or (state["ends_at"] and state["ends_at"] <= timezone.now()):
        state = invalidate_public_pages()
    stored_version, value = found.get(key, (None, None))
    return state["version"], value if stored_version == state["version"] else None


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
    """A page's headers and bytes, gzipped as GZipMiddleware would for a browser accepting it."""
    body = response.content
    if len(body) >= 200:
        patch_vary_headers(response, ["Accept-Encoding"])
        if accepts_gzip(request):
            compressed = compress_string(body, max_random_bytes=GZipMiddleware.max_random_bytes)
            if len(compressed) < len(body):
                response.headers["Content-Encoding"] = "gzip"
                body = compressed
    return tuple(response.items()), body


def cache_public_page(view, vary_on=()):
    """Serve a public page from the cache while the content has not changed; `vary_on` names
    the request headers that the view's answer depends on, besides the address and language."""

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        if not can_use_cache(request):
            return view(request, *args, **kwargs)
        key = page_key(request, vary_on)
        version, page = stored_for_current_version(key)
        if page is None:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response.render()
            if not can_store(request, response):
                return response
            page = stored_page(request, response)
            cache.set(key, (version, page), settings.PUBLIC_PAGE_CACHE_SECONDS)
        headers, body = page
        return HttpResponse(body, headers=headers)

    return cached_view


def cached_until_content_changes(key, compute):
    """`compute()`'s result, computed once for each content version (such as an admin summary)."""
    if settings.PUBLIC_PAGE_CACHE_SECONDS <= 0:
        return compute()
    key = f"content-summaries:{key}"
    version, value = stored_for_current_version(key)
    if value is None:
        value = compute()
        cache.set(key, (version, value), settings.PUBLIC_PAGE_CACHE_SECONDS)
    return value
