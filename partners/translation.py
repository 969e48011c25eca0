"""The embassy's summary in every language; the description stays in its writer's."""

from modeltranslation.translator import TranslationOptions, register

from .models import PartnerRequest


@register(PartnerRequest)
class PartnerRequestTranslationOptions(TranslationOptions):
    fields = ("summary",)
