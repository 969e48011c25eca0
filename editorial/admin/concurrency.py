"""A change form refused when its entry was saved since it was opened: the form carries the id of
the latest django-reversion Version of the entry and its inline rows, checked under a row lock
on save. Start at version_checked_form()."""

from django import forms
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Max, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import conditional_escape, format_html
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from reversion.models import Version

from ..revisions import foreign_key_to

VERSION_FIELD = "entry_version"


class EntryVersions:
    """The versions of one entry and of the rows its change form edits inline."""

    def __init__(self, model_admin, request, entry):
        self.model_admin = model_admin
        self.request = request
        self.entry = entry

    @cached_property
    def rows(self):
        """(model, primary keys) of the entry and of each kind of row edited with it."""
        rows = [(type(self.entry), [self.entry.pk])]
        for inline in self.model_admin.get_inline_instances(self.request, self.entry):
            foreign_key = foreign_key_to(type(self.entry), inline.model, inline.fk_name)
            pks = inline.model._default_manager.filter(**{foreign_key.name: self.entry.pk})
            rows.append((inline.model, list(pks.values_list("pk", flat=True))))
        return rows

    def versions(self):
        condition = Q(pk__in=[])
        for model, pks in self.rows:
            content_type = ContentType.objects.get_for_model(model)
            condition |= Q(content_type=content_type, object_id__in=[str(pk) for pk in pks])
        return Version.objects.filter(condition)

    def latest(self):
        return self.versions().aggregate(latest=Max("pk"))["latest"] or 0

    def lock(self):
        """Hold the entry's row until the transaction ends, so saves are checked in turn."""
        manager = type(self.entry)._default_manager
        list(manager.select_for_update().filter(pk=self.entry.pk).values_list("pk"))

    def conflict(self, opened):
        """The message for a form opened at version `opened`, which is no longer the latest."""
        newer = (
            self.versions()
            .filter(pk__gt=opened)
            .select_related("revision__user", "content_type")
            .order_by("pk")
        )
        # Without a newer version, only rows were deleted since the form was opened.
        saves = list(dict.fromkeys(saved_by(version.revision) for version in newer)) or [
            _("rows of it were deleted")
        ]
        message = _(
            "This entry was changed after you opened it: %(saves)s. Nothing was saved: your "
            "changes are kept below. %(compare)s, then save again to replace those changes with "
            "yours, or reload the page to start from them."
        )
        link = format_html(
            '<a href="{}">{}</a>',
            self.comparison_url(opened, newer),
            _("Compare the two versions"),
        )
        return mark_safe(
            conditional_escape(message)
            % {"saves": conditional_escape("; ".join(saves)), "compare": link}
        )

    def comparison_url(self, opened, newer):
        """The comparison of the version opened with the latest: of the entry, or of a row."""
        entry_type = ContentType.objects.get_for_model(self.entry)
        changed = sorted(
            {(version.content_type, version.object_id) for version in newer},
            key=lambda row: row[0] != entry_type,
        )
        for content_type, object_id in changed:
            versions = Version.objects.get_for_object_reference(
                content_type.model_class(), object_id
            ).order_by("-pk")
            before, after = versions.filter(pk__lte=opened).first(), versions.first()
            if before is None or before == after:
                continue
            try:
                url = reverse(
                    f"admin:{content_type.app_label}_{content_type.model}_compare",
                    args=[quote(object_id)],
                )
            except NoReverseMatch:
                continue
            return f"{url}?{urlencode({'old': before.pk, 'new': after.pk})}"
        opts = self.entry._meta
        return reverse(
            f"admin:{opts.app_label}_{opts.model_name}_history", args=[quote(self.entry.pk)]
        )


def saved_by(revision):
    """“Ivan Petrov on 6 September 2021, 14:03”, in the staff member's language."""
    user = revision.user
    when = date_format(timezone.localtime(revision.date_created), "DATETIME_FORMAT")
    if user is None and revision.comment:
        # A change made outside the admin, which its comment names (“Withdrawn by its writer”).
        return _("“%(comment)s” on %(date)s") % {"comment": revision.comment, "date": when}
    name = (user.get_full_name() or user.get_username()) if user else _("a command")
    return _("%(user)s on %(date)s") % {"user": name, "date": when}


class VersionCheckedForm(forms.ModelForm):
    """A change form that carries the version it was opened at, and checks it on save."""

    entry_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    entry_versions = None  # an EntryVersions, given by the admin

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.fields[VERSION_FIELD].initial = self.entry_versions.latest()

    def clean(self):
        cleaned_data = super().clean()
        # A form without its version counts as opened before any version.
        opened = cleaned_data.get(VERSION_FIELD) or 0
        self.entry_versions.lock()
        current = self.entry_versions.latest()
        if opened != current:
            # Shown again with the newer version: saving it again replaces the other changes.
            self.data = self.data.copy()
            self.data[self.add_prefix(VERSION_FIELD)] = current
            raise ValidationError(self.entry_versions.conflict(opened), code="stale")
        return cleaned_data


def version_checked_form(model_admin, request, entry, form):
    """`form` (a ModelForm class) that checks the version of `entry` when it is saved."""
    return type(
        f"VersionChecked{form.__name__}",
        (VersionCheckedForm, form),
        {"entry_versions": EntryVersions(model_admin, request, entry)},
    )
