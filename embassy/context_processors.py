"""What every page's layout needs: the footer's mission links and the other-language addresses."""

from django.conf import settings
from django.urls import translate_url

from cooperation.models import COUNTRY_NAMES

from .models import MissionLink


def site(request):
    path = request.get_full_path()
    return {
        "mission_links": MissionLink.objects.filter(is_active=True),
        "mission_country_name": COUNTRY_NAMES.get(settings.COOPERATION_MISSION_COUNTRY),
        "host_country_name": COUNTRY_NAMES.get(settings.COOPERATION_HOST_COUNTRY),
        "language_versions": [
            (code, translate_url(path, code)) for code, _name in settings.LANGUAGES
        ],
    }
