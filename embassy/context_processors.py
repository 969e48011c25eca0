"""What every page's layout needs: the footer's mission links and the other-language addresses."""

from django.conf import settings
from django.urls import translate_url

from .models import MissionLink


def site(request):
    path = request.get_full_path()
    return {
        "mission_links": MissionLink.objects.shown(),
        "language_versions": [
            (code, translate_url(path, code)) for code, _name in settings.LANGUAGES
        ],
    }
