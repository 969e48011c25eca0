"""The entries that still lack a language: how many of each model (a TranslatedAdmin's) lack each
language, and the entries of one model that lack one language."""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import quote
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from .languages import (
    missing_language_condition,
    missing_languages,
    other_languages,
    translated_admins,
)


class MissingTranslationsView(TemplateView):
    """`?model=app_label.model_name&language=ru` lists that model's entries lacking Russian."""

    # The site whose TranslatedAdmins the page covers; as_view(admin_site=...) for another.
    admin_site = admin.site
    template_name = "admin/editorial/missing_translations.html"
    paginate_by = 50

    def visible_admins(self):
        admins = [
            model_admin
            for model_admin in translated_admins(self.admin_site)
            if model_admin.has_view_or_change_permission(self.request)
        ]
        return sorted(admins, key=lambda model_admin: str(model_admin.opts.verbose_name_plural))

    def counts(self, model_admin, languages):
        model = model_admin.model
        counters = {
            code: Count("pk", filter=missing_language_condition(model, code)) for code in languages
        }
        counted = model._default_manager.aggregate(**counters)
        return [{"code": code, "count": counted[code]} for code in languages]

    def get_context_data(self, **kwargs):
        languages = dict(other_languages())
        names = dict(settings.LANGUAGES)
        admins = self.visible_admins()
        context = {
            **self.admin_site.each_context(self.request),
            **super().get_context_data(**kwargs),
            "title": _("Entries still missing a language"),
            "languages": other_languages(),
            "default_language": names[settings.MODELTRANSLATION_DEFAULT_LANGUAGE],
            "rows": [
                {
                    "name": capfirst(model_admin.opts.verbose_name_plural),
                    "key": model_admin.opts.label_lower,
                    "counts": self.counts(model_admin, languages),
                }
                for model_admin in admins
            ],
        }
        if "model" in self.request.GET or "language" in self.request.GET:
            context.update(self.chosen(admins, languages))
        return context

    def chosen(self, admins, languages):
        by_key = {model_admin.opts.label_lower: model_admin for model_admin in admins}
        model_admin = by_key.get(self.request.GET.get("model", ""))
        code = self.request.GET.get("language", "")
        if model_admin is None or code not in languages:
            raise Http404(_("There is no such list of entries."))
        model = model_admin.model
        entries = model._default_manager.filter(missing_language_condition(model, code))
        if not entries.ordered:
            entries = entries.order_by("pk")
        page = Paginator(entries, self.paginate_by).get_page(self.request.GET.get("page"))
        opts = model_admin.opts
        return {
            "chosen_model": capfirst(opts.verbose_name_plural),
            "chosen_key": opts.label_lower,
            "chosen_language": code,
            "chosen_language_name": languages[code],
            "page_obj": page,
            "entries": [
                {
                    "name": str(entry),
                    "url": reverse(
                        f"admin:{opts.app_label}_{opts.model_name}_change",
                        args=[quote(entry.pk)],
                        current_app=self.admin_site.name,
                    ),
                    "missing": missing_languages(entry),
                }
                for entry in page.object_list
            ],
        }
