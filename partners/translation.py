"""The embassy's summary of a request, in every language; the writer's description stays in its
writer's language."""

from modeltranslation.translator import TranslationOptions, register

from .models import PartnerRequest


@register(PartnerRequest)
class PartnerRequestTranslationOptions(TranslationOptions):
    fields = ("summary",)
