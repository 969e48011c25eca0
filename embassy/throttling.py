"""django-axes's admin login throttling here: the locked-out page, and behind a reverse proxy
the address that failures count against."""

from axes.helpers import get_cool_off, get_failure_limit
from django.conf import settings
from django.contrib import admin
from django.shortcuts import render
from django.utils import timezone
from django.utils.timesince import timeuntil
from django.utils.translation import gettext_lazy as _


def login_locked_out(request, original_response=None, credentials=None):
    """A refused login in the admin's layout, with when to try again: every attempt during
    the lock-out starts the cool-off again, so the wait runs from now."""
    now = timezone.now()
    retry_at = now + get_cool_off(request)
    context = {
        **admin.site.each_context(request),
        "title": _("Logging in is blocked for a while"),
        "failure_limit": get_failure_limit(request, credentials),
        "retry_at": retry_at,
        "wait": timeuntil(retry_at, now),
    }
    return render(request, "axes/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)


def address_seen_by_proxy(request):
    """The last address in X-Forwarded-For, which the proxy appended: any before it came from
    the visitor and may be forged."""
    forwarded_for = request.META.get("HTTP_X_FORWARDED_FOR", "")
    return forwarded_for.rsplit(",", 1)[-1].strip() or request.META.get("REMOTE_ADDR")
