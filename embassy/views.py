"""Site-wide views: content pages, the diplomatic missions selector, the icon at the root."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.generic import DetailView

from editorial.public import PublicPageMixin, read_only

from .models import MissionLink, Page


class PageDetailView(PublicPageMixin, DetailView):
    template_name = "embassy/page_detail.html"

    def get_queryset(self):
        return Page.objects.visible_to(self.request.user)


@read_only
def go_to_mission(request):
    """Redirect to the chosen mission's stored address, and never to an address from the request."""
    try:
        link = MissionLink.objects.shown().filter(pk=int(request.GET.get("mission", ""))).first()
    except ValueError:  # Not a whole number ("²" is a digit to str.isdigit()), or too long.
        link = None
    if link is not None:
        # Not a redirect, which the CSP's form-action 'self' stops: the browser follows the
        # Refresh header, and the page links to the mission.
        response = render(request, "embassy/mission_redirect.html", {"link": link})
        response["Refresh"] = f"0; url={link.url}"
        return response
    messages.error(request, _("Choose a diplomatic mission from the list."))
    back = request.GET.get("next", "")
    if not back.startswith("/") or not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = reverse("cooperation:home")
    # Not redirect(), which would take any other text for the name of a view.
    return HttpResponseRedirect(back)


@read_only
def favicon(request):
    return redirect(static("icons/favicon.ico"))
