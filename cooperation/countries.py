"""The mission's country and the host country, as settings give them, with their names."""

from django.conf import settings
from django.db.models import Case, Value, When
from django.utils.translation import gettext_lazy as _

COUNTRY_NAMES = {"BY": _("Belarus"), "BG": _("Bulgaria")}


def country_name(code):
    return COUNTRY_NAMES.get(code, code)


def country_choices():
    codes = [settings.COOPERATION_MISSION_COUNTRY, settings.COOPERATION_HOST_COUNTRY]
    return [(code, country_name(code)) for code in codes]


def mission_country_regions():
    return {"country": settings.COOPERATION_MISSION_COUNTRY}


def host_country_regions():
    return {"country": settings.COOPERATION_HOST_COUNTRY}


def mission_country_first():
    """An ordering expression: rows of the mission's own country before the host country's."""
    return Case(When(country=settings.COOPERATION_MISSION_COUNTRY, then=Value(0)), default=Value(1))
