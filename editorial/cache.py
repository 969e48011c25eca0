"""
Whole-page cache of the public pages, emptied whenever content changes.

Every cached page is stored with the *content version* it was made in, and served only while
that version is current. Saving or deleting any content (in the admin, an import or a command)
starts a new version, so every page is fresh at once; with a shared cache (Redis) this holds
across all processes. A change made in a transaction starts one more version once the
transaction has committed (editorial.signals): a page made in between from the rows as they
were is not served after it. The version also ends by itself when the
next scheduled entry is due, so an entry scheduled for later appears on time with nothing to run.
Logged-in staff, and visitors with a pending message, always get a freshly rendered page.
"""

import hashlib
import uuid
from functools import wraps

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models import Min
from django.utils import timezone

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


def cache_public_page(view):
    """Serve a public page from the cache while the content has not changed."""

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        if not can_use_cache(request):
            return view(request, *args, **kwargs)
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"public-pages:{request.method}:{path}"
        # One round trip for both the content version and the page stored with its version.
        found = cache.get_many([VERSION_KEY, key])
        version = current_state(found.get(VERSION_KEY))["version"]
        stored_version, response = found.get(key, (None, None))
        if stored_version != version:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response.render()
            if response.status_code == 200 and not response.cookies:
                cache.set(key, (version, response), settings.PUBLIC_PAGE_CACHE_SECONDS)
        return response

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
