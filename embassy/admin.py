"""Admin of the site-wide pages and the footer's mission links."""

from django.contrib import admin
from django.contrib.sites.models import Site
from django.db import models
from modeltranslation.utils import get_translation_fields

from editorial.admin import HistoryAdmin, PublishableAdmin, TranslatedAdmin

from .models import MissionLink, Page

# The site's address is settings.SITE_URL (embassy.sites), not something to edit here.
admin.site.unregister(Site)


@admin.register(Page)
class PageAdmin(PublishableAdmin, TranslatedAdmin):
    list_display = ["title", "slug", "status", "publish_at", "updated_at"]
    list_filter = ["status"]
    search_fields = [*get_translation_fields("title"), "slug"]
    prepopulated_fields = {"slug": ["title_en"]}


@admin.register(MissionLink)
class MissionLinkAdmin(HistoryAdmin, TranslatedAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["title", "url", "position", "is_active"]
    search_fields = [*get_translation_fields("title"), "url"]
