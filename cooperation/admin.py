"""The staff's editing tool for regions, agreements, visits and news photos."""

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from .images import WEBP
from .models import (
    NewsPhoto,
    NewsPhotoRegion,
    Region,
    TwinningAgreement,
    Visit,
    VisitRegion,
)


class OblastListFilter(admin.SimpleListFilter):
    """Everything in one oblast, at any level below it."""

    title = _("oblast")
    parameter_name = "oblast"
    region_lookup = "path"

    def lookups(self, request, model_admin):
        return [(oblast.slug, str(oblast)) for oblast in Region.objects.oblasts()]

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

    def lookups(self, request, model_admin):
        oblasts = Region.objects.oblasts().in_country(settings.COOPERATION_MISSION_COUNTRY)
        return [(oblast.slug, str(oblast)) for oblast in oblasts]


class HostOblastListFilter(OblastListFilter):
    title = _("oblast of the host country party")
    parameter_name = "host_oblast"
    region_lookup = "host_region__path"

    def lookups(self, request, model_admin):
        oblasts = Region.objects.oblasts().in_country(settings.COOPERATION_HOST_COUNTRY)
        return [(oblast.slug, str(oblast)) for oblast in oblasts]


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
class RegionAdmin(TranslationAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "kind", "country", "parent", "agreement_count"]
    list_filter = ["country", "kind", OblastListFilter]
    search_fields = ["name_bg", "name_ru", "name_be", "name_en", "slug"]
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
        return (
            super()
            .get_queryset(request)
            .annotate(
                agreement_total=Count("agreements_as_mission_party", distinct=True)
                + Count("agreements_as_host_party", distinct=True)
            )
        )

    @admin.display(description=_("agreements"), ordering="agreement_total")
    def agreement_count(self, region):
        return region.agreement_total

    def get_inlines(self, request, obj):
        if obj is None:
            return []
        if obj.country == settings.COOPERATION_MISSION_COUNTRY:
            return [MissionPartyAgreementInline]
        return [HostPartyAgreementInline]


@admin.register(TwinningAgreement)
class TwinningAgreementAdmin(TranslationAdmin):
    list_display = ["__str__", "year", "mission_region", "host_region", "kind", "status"]
    list_display_links = ["__str__"]
    list_filter = ["kind", "status", "year", MissionOblastListFilter, HostOblastListFilter]
    search_fields = [
        f"{side}__name_{code}"
        for side in ("mission_region", "host_region")
        for code in ("bg", "ru", "be", "en")
    ]
    autocomplete_fields = ["mission_region", "host_region"]
    list_select_related = ["mission_region", "host_region"]
    fieldsets = [
        (None, {"fields": ["mission_region", "host_region", "kind", "status"]}),
        (_("Signature"), {"fields": ["year", "signed_on", "document"]}),
        (_("Notes"), {"fields": ["notes"]}),
    ]


class VisitRegionInline(admin.TabularInline):
    model = VisitRegion
    autocomplete_fields = ["region"]
    extra = 1


class NewsPhotoRegionInline(admin.TabularInline):
    model = NewsPhotoRegion
    autocomplete_fields = ["region"]
    extra = 1


@admin.register(Visit)
class VisitAdmin(TranslationAdmin):
    list_display = ["title", "start_date", "kind", "location", "status", "publish_at"]
    list_filter = ["kind", "status", "start_date"]
    search_fields = ["title_bg", "title_ru", "title_be", "title_en", "slug"]
    autocomplete_fields = ["location"]
    prepopulated_fields = {"slug": ["title_en"]}
    list_select_related = ["location"]
    date_hierarchy = "start_date"
    inlines = [VisitRegionInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "location"]}),
        (_("Dates"), {"fields": ["start_date", "end_date", "date_precision"]}),
        (_("Text"), {"fields": ["summary", "body"]}),
        (_("Publication"), {"fields": ["status", "publish_at"]}),
    ]


def thumbnail(photo, size, loading="eager"):
    """The smallest WebP rendition sharp on a high-density screen at `size` CSS pixels wide."""
    renditions = photo.renditions(formats=[WEBP])
    if not renditions:
        return "—"
    rendition = next((r for r in renditions if r.width >= 2 * size), renditions[-1])
    return format_html(
        '<img src="{}" alt="" width="{}" height="{}" loading="{}" decoding="async">',
        rendition.url,
        size,
        round(size * rendition.height / rendition.width),
        loading,
    )


@admin.register(NewsPhoto)
class NewsPhotoAdmin(TranslationAdmin):
    list_display = ["list_thumbnail", "title", "taken_on", "status", "publish_at", "is_featured"]
    list_display_links = ["list_thumbnail", "title"]
    list_filter = ["status", "is_featured", "publish_at"]
    search_fields = ["title_bg", "title_ru", "title_be", "title_en", "slug"]
    autocomplete_fields = ["visit"]
    prepopulated_fields = {"slug": ["title_en"]}
    readonly_fields = ["form_thumbnail", "width", "height"]
    inlines = [NewsPhotoRegionInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "image", "form_thumbnail", ("width", "height")]}),
        (_("Description"), {"fields": ["caption", "alt_text", "credit", "taken_on", "visit"]}),
        (_("Publication"), {"fields": ["status", "publish_at", "is_featured"]}),
    ]

    @admin.display(description=_("photo"))
    def list_thumbnail(self, photo):
        return thumbnail(photo, 80, loading="lazy")

    @admin.display(description=_("preview"))
    def form_thumbnail(self, photo):
        return thumbnail(photo, 320)
