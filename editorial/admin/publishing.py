"""Publication in the admin: drafts, scheduled and published entries, and who may change which."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import Publishable
from ..roles import may
from .history import HistoryAdmin
from .reviews import ReviewAdmin


class PublishableAdmin(ReviewAdmin, HistoryAdmin):
    """Only a Publisher may change the `publication_fields`: by form, action or restore."""

    actions = ["publish", "unpublish"]
    publication_fields = ["status", "publish_at"]

    def has_publish_permission(self, request, obj=None):
        return may(request.user, "publish", self.model)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            readonly += self.publication_fields
        return readonly

    def fields_kept_on_restore(self, request):
        return [] if self.has_publish_permission(request) else list(self.publication_fields)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        kept = self.fields_kept_on_restore(request) if self.is_restoring(request) else []
        if not kept:
            return fieldsets
        # The publication fields under a note that says why they are not the version's.
        others = [
            (name, {**options, "fields": without(options["fields"], kept)})
            for name, options in fieldsets
        ]
        note = _(
            "Restoring a version leaves %(fields)s as they are now, and a recovered entry comes "
            "back as a draft: only a publisher may change them."
        ) % {"fields": ", ".join(str(self.opts.get_field(field).verbose_name) for field in kept)}
        publication = (_("Publication"), {"fields": kept, "description": note})
        return [fieldset for fieldset in others if fieldset[1]["fields"]] + [publication]

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
            # A past publish time is when the draft was written; a future one schedules it.
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
        self.reviews_published(request, [*published, *scheduled])
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


def without(fields, taken_out):
    kept = [
        tuple(name for name in field if name not in taken_out)
        if isinstance(field, (list, tuple))
        else field
        for field in fields
    ]
    return [field for field in kept if field and field not in taken_out]


def quoted(entries):
    return ", ".join(f"“{entry}”" for entry in entries)
