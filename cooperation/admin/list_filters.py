"""The admin's filters by oblast and by activity (the dormant partnerships)."""

from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..filters import DORMANT_CHOICES, dormant_or_not
from ..models import Region


class OblastListFilter(admin.SimpleListFilter):
    """Everything in one oblast (of `country_setting`'s country, or of either), at any level."""

    title = _("oblast")
    parameter_name = "oblast"
    region_lookup = "path"
    country_setting = None

    def lookups(self, request, model_admin):
        oblasts = Region.objects.oblasts()
        if self.country_setting:
            oblasts = oblasts.in_country(getattr(settings, self.country_setting))
        return [(oblast.slug, str(oblast)) for oblast in oblasts]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        oblast = Region.objects.filter(slug=self.value()).first()
        if oblast is None:
            return queryset.none()
        return queryset.filter(**{f"{self.region_lookup}__startswith": oblast.path})


class MissionOblastListFilter(OblastListFilter):
    title = _("oblast of the mission's country party")
    parameter_name = "mission_oblast"
    region_lookup = "mission_region__path"
    country_setting = "COOPERATION_MISSION_COUNTRY"


class HostOblastListFilter(OblastListFilter):
    title = _("oblast of the host country party")
    parameter_name = "host_oblast"
    region_lookup = "host_region__path"
    country_setting = "COOPERATION_HOST_COUNTRY"


class DormantListFilter(admin.SimpleListFilter):
    """Agreements silent for more than COOPERATION_DORMANT_AFTER_YEARS years, or not."""

    title = _("Dormant")
    parameter_name = "dormant"

    def lookups(self, request, model_admin):
        return DORMANT_CHOICES

    def queryset(self, request, queryset):
        return dormant_or_not(queryset, self.value())
