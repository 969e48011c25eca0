"""Translated fields of the cooperation models: a column per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import NewsPhoto, OverviewPage, Region, TwinningAgreement, Visit


@register(Region)
class RegionTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("bg",)


@register(TwinningAgreement)
class TwinningAgreementTranslationOptions(TranslationOptions):
    fields = ("notes",)


@register(Visit)
class VisitTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body")
    required_languages = ("bg",)


@register(NewsPhoto)
class NewsPhotoTranslationOptions(TranslationOptions):
    fields = ("title", "caption", "alt_text", "credit")
    required_languages = ("bg",)


@register(OverviewPage)
class OverviewPageTranslationOptions(TranslationOptions):
    fields = ("title", "body")
    required_languages = ("bg",)
