"""
Admin for the site-wide pages and the footer's mission links, and the editorial tools every
content admin shares: revision history (compare, revert, recover), publication (draft,
scheduled, published; publish and withdraw actions) and the rich-text editor.
"""

from contextlib import nullcontext

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TranslationAdmin
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname
from reversion import set_comment
from reversion.admin import VersionAdmin
from reversion.errors import RevertError
from reversion.models import Version
from reversion.utils import mute_signals
from tinymce.widgets import AdminTinyMCE

from .models import MissionLink, Page, Publishable
from .revisions import child_relations, compare_versions, register_versioned, revert_entry


class _KeepNothing(Exception):
    """Raised to roll back a revert that was only shown, not saved."""

    def __init__(self, response):
        self.response = response


class HistoryAdmin(VersionAdmin):
    """
    Who changed what and when; two versions compared; an entry reverted to a version, or
    brought back after it was deleted. A revert restores the one entry and its inline rows only
    (see embassy.revisions), and is itself a new revision, so it can be undone too.
    """

    object_history_template = "admin/revisions/object_history.html"
    compare_template = "admin/revisions/compare.html"
    history_latest_first = True

    def reversion_register(self, model, **options):
        # The model and the rows its admin edits inline, which are restored with it.
        register_versioned(model, **options)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        compare = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.compare_view),
            name="{}_{}_compare".format(*info),
        )
        return [compare, *super().get_urls()]

    def child_relations(self):
        return child_relations(self.model, [inline.model for inline in self.inlines])

    def entry_versions(self, object_id):
        return Version.objects.get_for_object_reference(self.model, object_id).select_related(
            "revision__user"
        )

    def history_view(self, request, object_id, extra_context=None):
        versions = self._reversion_order_version_queryset(
            request, self.entry_versions(unquote(object_id))
        )
        context = {"versions": versions, **(extra_context or {})}
        return super().history_view(request, object_id, context)

    def compare_view(self, request, object_id):
        entry = self.get_object(request, unquote(object_id))
        if entry is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, entry):
            raise PermissionDenied
        versions = self.entry_versions(entry.pk)
        try:
            chosen = [versions.get(pk=int(request.GET[key])) for key in ("old", "new")]
        except (KeyError, ValueError, Version.DoesNotExist):
            chosen = []
        if len({version.pk for version in chosen}) != 2:
            messages.error(request, _("Choose two different versions to compare."))
            return redirect(
                reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_history",
                    args=[quote(entry.pk)],
                )
            )
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
        version = get_object_or_404(self.entry_versions(unquote(object_id)), pk=version_id)
        context = {
            "title": _("Revert %(name)s") % {"name": version.object_repr},
            "revert": True,
            **(extra_context or {}),
        }
        return self.version_form_view(request, version, "reversion/revision_form.html", context)

    def recover_view(self, request, version_id, extra_context=None):
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        version = get_object_or_404(Version.objects.get_deleted(self.model), pk=version_id)
        context = {
            "title": _("Recover %(name)s") % {"name": version.object_repr},
            "recover": True,
            **(extra_context or {}),
        }
        return self.version_form_view(request, version, "reversion/recover_form.html", context)

    def refuse_version(self, request, version):
        """A reason to refuse restoring `version` for this user, or None."""
        return None

    def version_form_view(self, request, version, template_name, extra_context):
        """
        The change form filled with a saved version: shown, then saved on submit.

        Like django-reversion's own view, except that only this entry is restored.
        """
        if request.method == "POST" and (reason := self.refuse_version(request, version)):
            messages.error(request, reason)
            return redirect(request.path)
        # Showing a version restores it in a transaction that is then rolled back; nothing
        # that listens for saves (caches, logs) should hear about it.
        if request.method == "POST":
            signals = nullcontext()
        else:
            signals = mute_signals(pre_save, post_save, pre_delete, post_delete, m2m_changed)
        try:
            with transaction.atomic(using=version.db), signals:
                entry = revert_entry(version, self.child_relations())
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
                        return response
                    if response.status_code != 200:
                        raise RevertError(_("This version could not be loaded."))
                    response.template_name = template_name
                    response.render()
                    raise _KeepNothing(response)
        except _KeepNothing as shown:
            return shown.response
        except (RevertError, models.ProtectedError) as error:
            messages.error(request, str(error))
            return redirect(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")


class PublishableAdmin(HistoryAdmin):
    """
    Drafts, scheduled and published entries. Only staff with the model's "publish" permission
    (the Publisher role) may change the status or the publish time, use the publish and
    withdraw actions, or restore a version that would make a draft public.
    """

    actions = ["publish", "unpublish"]

    def has_publish_permission(self, request, obj=None):
        codename = get_permission_codename("publish", self.opts)
        return request.user.has_perm(f"{self.opts.app_label}.{codename}")

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            readonly += ["status", "publish_at"]
        return readonly

    def refuse_version(self, request, version):
        if self.has_publish_permission(request):
            return None
        if version.field_dict.get("status") != Publishable.Status.PUBLISHED:
            return None
        current = self.model._default_manager.filter(pk=version.object_id).first()
        if current is not None and current.status == Publishable.Status.PUBLISHED:
            return None
        return _("This version is published; only a publisher can restore it.")

    @admin.action(
        description=gettext_lazy("Publish the selected %(verbose_name_plural)s"),
        permissions=["publish"],
    )
    def publish(self, request, queryset):
        now = timezone.now()
        published, scheduled, unchanged = [], [], []
        for entry in queryset:
            if entry.status == Publishable.Status.PUBLISHED:
                unchanged.append(entry)
                continue
            entry.status = Publishable.Status.PUBLISHED
            # A draft's past publish time is when it was written; it goes out now. A future
            # one schedules it.
            entry.publish_at = max(entry.publish_at, now)
            try:
                entry.full_clean()
            except ValidationError as error:
                messages.error(
                    request,
                    _("“%(entry)s” was not published: %(reasons)s")
                    % {"entry": entry, "reasons": " ".join(error.messages)},
                )
                continue
            entry.save()
            self.log_change(request, entry, _("Published."))
            if entry.publish_at > now:
                scheduled.append(entry)
            else:
                published.append(entry)
        if published:
            messages.success(request, _("Published: %(entries)s.") % {"entries": quoted(published)})
        for entry in scheduled:
            messages.success(
                request,
                _("“%(entry)s” is scheduled: it appears on the site on %(time)s.")
                % {
                    "entry": entry,
                    "time": date_format(timezone.localtime(entry.publish_at), "DATETIME_FORMAT"),
                },
            )
        if unchanged:
            messages.info(
                request, _("Already published: %(entries)s.") % {"entries": quoted(unchanged)}
            )

    @admin.action(
        description=gettext_lazy("Withdraw the selected %(verbose_name_plural)s to drafts"),
        permissions=["publish"],
    )
    def unpublish(self, request, queryset):
        withdrawn, unchanged = [], []
        for entry in queryset:
            if entry.status == Publishable.Status.DRAFT:
                unchanged.append(entry)
                continue
            entry.status = Publishable.Status.DRAFT
            entry.save()
            self.log_change(request, entry, _("Withdrawn to draft."))
            withdrawn.append(entry)
        if withdrawn:
            messages.success(
                request, _("Withdrawn to drafts: %(entries)s.") % {"entries": quoted(withdrawn)}
            )
        if unchanged:
            messages.info(
                request, _("Already drafts: %(entries)s.") % {"entries": quoted(unchanged)}
            )


def quoted(entries):
    return ", ".join(f"“{entry}”" for entry in entries)


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


class RichTextAdminMixin:
    """A rich-text editor for the fields named in `rich_text_fields`, in every language."""

    rich_text_fields = ()

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # modeltranslation copies the widget of the translated field to each language's column.
        if db_field.name in self.rich_text_fields:
            kwargs["widget"] = AdminTinyMCE()
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(Page)
class PageAdmin(RichTextAdminMixin, PublishableAdmin, TranslatedAdmin):
    list_display = ["title", "slug", "status", "publish_at", "updated_at"]
    list_filter = ["status"]
    search_fields = ["title_bg", "title_ru", "title_be", "title_en", "slug"]
    prepopulated_fields = {"slug": ["title_en"]}
    rich_text_fields = ["body"]


@admin.register(MissionLink)
class MissionLinkAdmin(HistoryAdmin, TranslatedAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["title", "url", "position", "is_active"]
    list_editable = ["position", "is_active"]
    search_fields = ["title_bg", "title_ru", "title_be", "title_en", "url"]
