"""
Translated entries in the admin: the four languages of a short field side by side, longer texts
one under another, and the languages an entry still lacks.
"""

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TranslationAdmin
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname


def missing_languages(entry):
    """The languages in which a text given in the default language is still missing."""
    options = translator.get_options_for_model(type(entry))
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    filled = [
        field
        for field in options.all_fields
        if getattr(entry, build_localized_fieldname(field, default), None)
    ]
    return [
        code
        for code, _name in settings.LANGUAGES
        if any(not getattr(entry, build_localized_fieldname(field, code), None) for field in filled)
    ]


class TranslatedAdmin(TranslationAdmin):
    """
    The languages of a short field (a name, a title) side by side on one line, longer texts one
    under another; the list and the form say which languages an entry still lacks.
    """

    side_by_side_max_length = 300

    def get_list_display(self, request):
        return [*super().get_list_display(request), "languages_missing"]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "languages_missing"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (name, {**options, "fields": self.group_languages(options["fields"])})
            for name, options in super().get_fieldsets(request, obj)
        ]
        if obj is not None:
            name, options = fieldsets[0]
            fieldsets[0] = (name, {**options, "fields": [*options["fields"], "languages_missing"]})
        return fieldsets

    def group_languages(self, fields):
        """Put the language columns of each short translated field in one row."""
        options = translator.get_options_for_model(self.model)
        short = {
            name
            for name in options.all_fields
            if isinstance(self.model._meta.get_field(name), models.CharField)
            and self.model._meta.get_field(name).max_length <= self.side_by_side_max_length
        }
        columns = {
            build_localized_fieldname(name, code): name
            for name in short
            for code, _name in settings.LANGUAGES
        }
        grouped = []
        for field in fields:
            original = columns.get(field) if isinstance(field, str) else None
            if original is None:
                grouped.append(field)
            elif (
                not grouped
                or not isinstance(grouped[-1], tuple)
                or columns.get(grouped[-1][0]) != original
            ):
                grouped.append((field,))
            else:
                grouped[-1] = (*grouped[-1], field)
        return grouped

    @admin.display(description=gettext_lazy("missing languages"))
    def languages_missing(self, entry):
        return ", ".join(missing_languages(entry)) or "—"
