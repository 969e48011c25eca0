"""The error pages in the site's layout and the visitor's language; the 500 and 400 pages come
from the template alone, so they show when the database is down or the host not allowed."""

import logging
import sys

from django.conf import settings
from django.db import OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

TEMPLATE = "embassy/error.html"


def error_context(status, title, explanation):
    # The home page in each language: the address that failed is no better in another one.
    homes = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            homes.append((code, reverse("cooperation:home")))
    return {
        "status": status,
        "title": title,
        "explanation": explanation,
        "language_versions": homes,
    }


def error_page(request, status, title, explanation):
    return render(request, TEMPLATE, error_context(status, title, explanation), status=status)


def bare_error_page(request, status, title, explanation):
    """Without context processors, the database or the host."""
    context = {"request": request, **error_context(status, title, explanation)}
    try:
        content = loader.get_template(TEMPLATE).render(context)
    except Exception:
        logger.exception("The %s page could not be rendered.", status)
        content = f"<!doctype html><title>{status}</title><h1>{status}</h1>"
    return HttpResponse(content, status=status)


def page_not_found(request, exception=None):
    return error_page(
        request,
        404,
        _("Page not found"),
        _("There is no page at this address. It may have moved, or the address is mistyped."),
    )


def permission_denied(request, exception=None):
    return error_page(
        request,
        403,
        _("Access denied"),
        _("This page is not open to you. Staff: log in with an account that may see it."),
    )


def csrf_failure(request, reason=""):
    return error_page(
        request,
        403,
        _("The form could not be sent"),
        _(
            "The page with the form was open too long, or the browser refused the site's cookie. "
            "Go back, reload the page and send the form again."
        ),
    )


def bad_request(request, exception=None):
    return bare_error_page(
        request,
        400,
        _("Bad request"),
        _("The site could not understand this request. Check the address and try again."),
    )


def server_error(request):
    error = sys.exc_info()[1]  # Called while the exception is handled.
    if isinstance(error, OperationalError) and "database is locked" in str(error):
        return database_busy(request)
    return bare_error_page(
        request,
        500,
        _("Something went wrong"),
        _("The page could not be shown because of an error on the site. Try again in a minute."),
    )


def database_busy(request):
    """SQLite's write lock held longer than a write may wait for it: nothing was saved."""
    response = bare_error_page(
        request,
        503,
        _("The site is busy"),
        _(
            "The site is saving a large change and could not take yours meanwhile. Nothing was "
            "saved: go back and send it again in a minute."
        ),
    )
    response["Retry-After"] = "60"
    return response
