"""The admin of visits, with the regions taking part inline."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import get_translation_fields

from editorial.admin import PublishableAdmin, TranslatedAdmin

from ..models import Visit, VisitRegion


class VisitRegionInline(admin.TabularInline):
    model = VisitRegion
    autocomplete_fields = ["region"]
    extra = 1


@admin.register(Visit)
class VisitAdmin(PublishableAdmin, TranslatedAdmin):
    list_display = ["title", "start_date", "kind", "location", "status", "publish_at"]
    list_filter = ["kind", "status", "start_date"]
    search_fields = [*get_translation_fields("title"), "slug"]
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
