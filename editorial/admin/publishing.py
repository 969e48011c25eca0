"""
Publication in the admin: drafts, scheduled and published entries, and who may change which.
"""

from django.contrib import admin, messages
from django.contrib.auth import get_permission_codename
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import Publishable
from .history import HistoryAdmin


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
