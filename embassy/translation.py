"""Translated fields of the site-wide models (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import MissionLink, Page


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "body")
    required_languages = ("bg",)


@register(MissionLink)
class MissionLinkTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = ("bg",)
