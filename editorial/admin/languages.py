"""Translated entries in the admin: the four languages of a short field side by side, longer texts
one language at a time under tabs, and the languages an entry still lacks."""

import operator
from functools import reduce
from itertools import groupby

from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.db import models
from django.db.models import Q
from django.utils.functional import lazy
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy
from modeltranslation.admin import TranslationAdmin
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname


def other_languages():
    """The languages that can be missing: all but the default one."""
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    return [(code, name) for code, name in settings.LANGUAGES if code != default]


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


def missing_language_condition(model, code):
    """A condition on `model`'s rows that lack language `code`, as missing_languages() says."""
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    conditions = []
    for field in translator.get_options_for_model(model).all_fields:
        given = build_localized_fieldname(field, default)
        wanted = build_localized_fieldname(field, code)
        conditions.append(
            Q(**{f"{given}__isnull": False})
            & ~Q(**{given: ""})
            & (Q(**{f"{wanted}__isnull": True}) | Q(**{wanted: ""}))
        )
    return reduce(operator.or_, conditions)


def _languages_of(label):
    return gettext("Languages of “%(field)s”") % {"field": capfirst(label)}


languages_of = lazy(_languages_of, str)


class TranslatedAdmin(TranslationAdmin):
    """The admin of a translated model, as the module says; the tabs are language-tabs.js's."""

    side_by_side_max_length = 300

    class Media:
        css = {"all": ["editorial/admin/language-tabs.css"]}
        js = ["editorial/admin/language-tabs.js"]

    def short_fields(self):
        """The translated fields whose languages stand side by side."""
        fields = map(self.opts.get_field, translator.get_options_for_model(self.model).all_fields)
        return {
            field.name
            for field in fields
            if isinstance(field, models.CharField)
            and field.max_length <= self.side_by_side_max_length
        }

    def patch_translation_field(self, db_field, field, request, **kwargs):
        super().patch_translation_field(db_field, field, request, **kwargs)
        original = getattr(db_field, "translated_field", None)
        if original is None or original.name in self.short_fields():
            return
        names = dict(settings.LANGUAGES)
        field.widget.attrs.update(
            {
                "data-language-tab": original.name,
                "data-language": db_field.language,
                "data-language-name": capfirst(names[db_field.language]),
                "data-language-tabs-label": languages_of(original.verbose_name),
                "data-empty-label": pgettext_lazy("language tab", "(empty)"),
            }
        )

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
        columns = {
            build_localized_fieldname(name, code): name
            for name in self.short_fields()
            for code, _name in settings.LANGUAGES
        }

        def original(field):
            return columns.get(field) if isinstance(field, str) else None

        grouped = []
        for name, group in groupby(fields, key=original):
            members = list(group)
            grouped.extend([tuple(members)] if name else members)
        return grouped

    @admin.display(description=gettext_lazy("missing languages"))
    def languages_missing(self, entry):
        return ", ".join(missing_languages(entry)) or "—"


def translated_admins(site):
    admins = [
        site.get_model_admin(model) for model in apps.get_models() if site.is_registered(model)
    ]
    return [model_admin for model_admin in admins if isinstance(model_admin, TranslatedAdmin)]
