"""The admin of regions, with the agreements of each region inline."""

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import get_translation_fields

from editorial.admin import HistoryAdmin, TranslatedAdmin
from editorial.admin.imports import SpreadsheetImportExportMixin
from photos.fields import make_missing_renditions

from ..models import Region, TwinningAgreement
from ..resources import RegionResource
from .list_filters import OblastListFilter


class MissionPartyAgreementInline(admin.TabularInline):
    model = TwinningAgreement
    fk_name = "mission_region"
    fields = ["host_region", "kind", "year", "signed_on", "status"]
    autocomplete_fields = ["host_region"]
    extra = 0
    verbose_name_plural = _("agreements")


class HostPartyAgreementInline(MissionPartyAgreementInline):
    fk_name = "host_region"
    fields = ["mission_region", "kind", "year", "signed_on", "status"]
    autocomplete_fields = ["mission_region"]


@admin.register(Region)
class RegionAdmin(SpreadsheetImportExportMixin, HistoryAdmin, TranslatedAdmin):
    resource_classes = [RegionResource]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "kind", "country", "parent", "agreement_count"]
    list_filter = ["country", "kind", OblastListFilter]
    search_fields = [*get_translation_fields("name"), "slug"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name_en"]}
    list_select_related = ["parent"]
    list_per_page = 50
    fieldsets = [
        (None, {"fields": ["name", "slug", "country", "kind", "parent"]}),
        (_("Place"), {"fields": ["latitude", "longitude", "website", "coat_of_arms"]}),
        (_("Description"), {"fields": ["description"]}),
    ]

    def get_queryset(self, request):
        total = Count("agreements_as_mission_party", distinct=True)
        total += Count("agreements_as_host_party", distinct=True)
        return super().get_queryset(request).annotate(agreement_total=total)

    @admin.display(description=_("agreements"), ordering="agreement_total")
    def agreement_count(self, region):
        return region.agreement_total

    def get_inlines(self, request, obj):
        if obj is None:
            return []
        if obj.country == settings.COOPERATION_MISSION_COUNTRY:
            return [MissionPartyAgreementInline]
        return [HostPartyAgreementInline]

    def version_restored(self, request, entry):
        make_missing_renditions(entry)
