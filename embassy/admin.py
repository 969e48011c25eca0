"""Admin for the site-wide pages and the footer's mission links."""

from django.contrib import admin
from django.db import models
from modeltranslation.admin import TranslationAdmin

from .models import MissionLink, Page


@admin.register(Page)
class PageAdmin(TranslationAdmin):
    list_display = ["title", "slug", "status", "publish_at", "updated_at"]
    list_filter = ["status"]
    search_fields = ["title_bg", "title_ru", "title_be", "title_en", "slug"]
    prepopulated_fields = {"slug": ["title_en"]}


@admin.register(MissionLink)
class MissionLinkAdmin(TranslationAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["title", "url", "position", "is_active"]
    list_editable = ["position", "is_active"]
    search_fields = ["title_bg", "title_ru", "title_be", "title_en", "url"]
