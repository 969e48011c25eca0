"""Response headers that Django's own SecurityMiddleware does not set."""

from django.conf import settings


class PermissionsPolicyMiddleware:
    """
    Deny the browser features in settings.PERMISSIONS_POLICY_DENIED to every page.

    `camera=()` in a Permissions-Policy header means no origin, not even the site itself, may use
    the camera; frames the site embeds inherit the denial.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DENIED)

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response
