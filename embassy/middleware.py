"""What Django's own middleware does not do: the Permissions-Policy header, and the admin's
answers to requests its pages never send."""

from django.conf import settings
from django.contrib.admin.options import TO_FIELD_VAR
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.db import DataError
from django.http import HttpResponseNotAllowed
from django.utils.deprecation import MiddlewareMixin


class PermissionsPolicyMiddleware:
    """Deny settings.PERMISSIONS_POLICY_DENIED to every page and the frames it embeds."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DENIED)

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response


class BadAdminQuery(SuspiciousOperation):
    """A query the admin's own pages never send: answered with the site's 400 page."""


class AdminRequestsMiddleware(MiddlewareMixin):
    """The admin answers GET, HEAD and POST only, and a 400 to a NUL in a query value (which
    PostgreSQL refuses), an empty `_to_field`, or a key its lookups, widgets and view-on-site
    link pass to the database unchecked (`?id__in=` a 20-digit number, `?location=abc`, a
    UUID key given as `1`); before CsrfViewMiddleware, which would answer."""

    UNCHECKED_KEY_ERRORS = (ValueError, OverflowError, ValidationError, DataError)

    METHODS = ["GET", "HEAD", "POST"]

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.resolver_match.app_name != "admin":
            return None
        if request.method not in self.METHODS:
            return HttpResponseNotAllowed(self.METHODS)
        for values in (request.GET, request.POST):
            if values.get(TO_FIELD_VAR, None) == "":
                raise BadAdminQuery("An empty _to_field.")
            if any("\x00" in item for _key, items in values.lists() for item in items):
                raise BadAdminQuery("A NUL character in a query value.")
        return None

    def process_exception(self, request, exception):
        in_admin = request.resolver_match and request.resolver_match.app_name == "admin"
        if in_admin and isinstance(exception, self.UNCHECKED_KEY_ERRORS):
            raise BadAdminQuery(f"A key the database cannot take: {exception}") from exception
