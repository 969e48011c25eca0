"""Revision history in the admin: who changed what and when, two versions compared, an entry
reverted or recovered. Start at HistoryAdmin."""

from contextlib import nullcontext

from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reversion import set_comment
from reversion.admin import VersionAdmin
from reversion.errors import RevertError
from reversion.models import Version
from reversion.utils import mute_signals

from ..revisions import child_relations, compare_versions, register_versioned, revert_entry
from .concurrency import VERSION_FIELD, version_checked_form
from .uploads import UploadsStoredForm


def version_number(text):
    """A version's id from an address, or a 404."""
    if not (text.isascii() and text.isdigit() and len(text) <= 18):
        raise Http404
    return int(text)


class HistoryAdmin(VersionAdmin):
    """django-reversion's admin, with a comparison of two versions; a revert restores one entry
    and its inline rows (editorial.revisions), leaving `fields_kept_on_restore` as they are."""

    form = UploadsStoredForm
    object_history_template = "admin/revisions/object_history.html"
    compare_template = "admin/revisions/compare.html"
    history_latest_first = True

    def reversion_register(self, model, **options):
        register_versioned(model, **options)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        compare = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.compare_view),
            name="{}_{}_compare".format(*info),
        )
        return [compare, *super().get_urls()]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None and self.has_change_permission(request, obj):
            form = kwargs.get("form", self.form)
            kwargs["form"] = version_checked_form(self, request, obj, form)
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        checked = obj is not None and self.has_change_permission(request, obj)
        if not checked or any(VERSION_FIELD in options["fields"] for _name, options in fieldsets):
            return fieldsets
        name, options = fieldsets[0]
        return [(name, {**options, "fields": [*options["fields"], VERSION_FIELD]}), *fieldsets[1:]]

    def child_relations(self):
        return child_relations(self.model, [inline.model for inline in self.inlines])

    def entry_versions(self, object_id):
        versions = Version.objects.get_for_object_reference(self.model, object_id)
        return versions.select_related("revision__user")

    def history_view(self, request, object_id, extra_context=None):
        versions = self.entry_versions(unquote(object_id))
        versions = versions.order_by(*self.get_version_ordering(request))
        context = {"versions": versions, **(extra_context or {})}
        return super().history_view(request, object_id, context)

    def compare_view(self, request, object_id):
        entry = self.get_object(request, unquote(object_id))
        history = f"admin:{self.opts.app_label}_{self.opts.model_name}_history"
        if entry is None:  # Django's history view says so.
            return redirect(history, object_id)
        if not self.has_view_or_change_permission(request, entry):
            raise PermissionDenied
        versions = self.entry_versions(entry.pk)
        try:
            chosen = [versions.get(pk=int(request.GET[key])) for key in ("old", "new")]
        except (KeyError, ValueError, Version.DoesNotExist):
            chosen = []
        if len({version.pk for version in chosen}) != 2:
            messages.error(request, _("Choose two different versions to compare."))
            return redirect(history, quote(entry.pk))
        older, newer = sorted(chosen, key=lambda version: version.revision.date_created)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": entry,
            "title": _("Compare versions of “%(entry)s”") % {"entry": entry},
            "older": older,
            "newer": newer,
            "changes": compare_versions(older, newer, self.child_relations()),
        }
        return TemplateResponse(request, self.compare_template, context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        version = get_object_or_404(
            self.entry_versions(unquote(object_id)), pk=version_number(version_id)
        )
        context = {
            "title": _("Revert %(name)s") % {"name": version.object_repr},
            "revert": True,
            **(extra_context or {}),
        }
        return self.version_form_view(request, version, "reversion/revision_form.html", context)

    def recover_view(self, request, version_id, extra_context=None):
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        version = (
            Version.objects.get_deleted(self.model).filter(pk=version_number(version_id)).first()
        )
        if version is None:
            messages.error(request, _("This entry is not deleted: it may have been recovered."))
            return redirect(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
        context = {
            "title": _("Recover %(name)s") % {"name": version.object_repr},
            "recover": True,
            **(extra_context or {}),
        }
        return self.version_form_view(request, version, "reversion/recover_form.html", context)

    def fields_kept_on_restore(self, request):
        """Fields this user may not change: a restore leaves them (a recovery: their defaults)."""
        return []

    def is_restoring(self, request):
        return getattr(request, "restoring_version", None) is not None

    def version_restored(self, request, entry):
        """Called once `entry` is saved as an older version."""

    def version_form_view(self, request, version, template_name, extra_context):
        """The change form filled with a saved version: shown (and rolled back), saved on POST."""
        request.restoring_version = version
        # Shown only: rolled back, so no receiver hears of it.
        if request.method == "POST":
            signals = nullcontext()
        else:
            signals = mute_signals(pre_save, post_save, pre_delete, post_delete, m2m_changed)
        try:
            with transaction.atomic(using=version.db), signals:
                kept = self.kept_values(request, version)
                entry = revert_entry(version, self.child_relations())
                for field, value in kept.items():
                    if field.many_to_many:
                        getattr(entry, field.name).set(value)
                    else:
                        setattr(entry, field.name, value)
                entry.save(update_fields=[field.name for field in kept if not field.many_to_many])
                with self.create_revision(request):
                    response = self.changeform_view(
                        request, quote(str(entry.pk)), request.path, extra_context
                    )
                    if request.method == "POST" and response.status_code == 302:
                        saved_on = timezone.localtime(version.revision.date_created)
                        set_comment(
                            _("Restored the version saved on %(date)s.")
                            % {"date": date_format(saved_on, "DATETIME_FORMAT")}
                        )
                        self.version_restored(request, entry)
                        return response
                if response.status_code != 200:
                    raise RevertError(_("This version could not be loaded."))
                response.template_name = template_name
                response.render()
                transaction.set_rollback(True, using=version.db)
                return response
        except (RevertError, models.ProtectedError) as error:
            messages.error(request, str(error))
            return redirect(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")

    def kept_values(self, request, version):
        """The values that restoring `version` must leave as they are for this user."""
        fields = self.fields_kept_on_restore(request)
        if not fields:
            return {}
        manager = self.model._default_manager.using(version.db)
        current = manager.filter(pk=version.object_id).first()
        kept = {}
        for field in map(self.opts.get_field, fields):
            if field.many_to_many:
                kept[field] = list(getattr(current, field.name).all()) if current else []
            else:
                kept[field] = getattr(current, field.name) if current else field.get_default()
        return kept
