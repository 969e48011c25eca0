"""Revision history of the content (django-reversion): restoring one entry and its own rows (a
visit's regions) to a saved version, and comparing two versions field by field."""

import difflib
import re
from dataclasses import dataclass

import reversion
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import override


def mirrored_fields(model):
    """Translated fields, which only mirror the active language's column (name -> name_bg)."""
    return sorted(
        {
            field.translated_field.name
            for field in model._meta.fields
            if hasattr(field, "translated_field")
        }
    )


def register_versioned(model, exclude=(), **options):
    """Version `model` with every language's column, not the mirrored translated field."""
    reversion.register(model, exclude=[*mirrored_fields(model), *exclude], **options)


def record_revision(entries, comment):
    """Record `entries` after a change made outside the admin: a form opened before is stale."""
    entries = [entry for entry in entries if reversion.is_registered(type(entry))]
    if not entries:
        return
    with reversion.create_revision(manage_manually=True), override(settings.LANGUAGE_CODE):
        reversion.set_comment(str(comment))
        for entry in entries:
            reversion.add_to_revision(entry)


@dataclass(frozen=True)
class ChildRelation:
    """Rows that belong to an entry and are versioned with it, such as a visit's regions."""

    model: type[models.Model]
    foreign_key: models.ForeignKey

    def describe(self, version):
        """A child row as it reads now, in the active language (not as it was labelled then)."""
        fields = [field for field in editable_fields(self.model) if field != self.foreign_key]
        return " ".join(
            display_value(field, version.field_dict.get(field.attname)) for field in fields
        )

    def versions_in(self, revision, parent_pk):
        content_type = ContentType.objects.get_for_model(self.model)
        return [
            version
            for version in revision.version_set.filter(content_type=content_type)
            if version.field_dict.get(self.foreign_key.attname) == parent_pk
        ]


def version_pk(version):
    model = version.content_type.model_class()
    return version.field_dict[model._meta.pk.attname]


def revert_entry(version, children=()):
    """Restore the entry held in `version` and its child rows as they were then."""
    model = version.content_type.model_class()
    pk = version_pk(version)
    with transaction.atomic(using=version.db):
        version.revert()
        for child in children:
            kept = child.versions_in(version.revision, pk)
            child.model._default_manager.using(version.db).filter(
                **{child.foreign_key.attname: pk}
            ).exclude(pk__in=[child_version.object_id for child_version in kept]).delete()
            for child_version in kept:
                child_version.revert()
    return model._default_manager.using(version.db).get(pk=pk)


@dataclass
class FieldChange:
    label: str
    before: str
    after: str


def editable_fields(model):
    """The fields staff edit, one per language for translated ones."""
    mirrored = mirrored_fields(model)
    return [
        field
        for field in model._meta.concrete_fields
        if field.editable and not field.primary_key and field.name not in mirrored
    ]


def display_value(field, value):
    """A field's stored value as staff read it: choice labels, region names, local dates."""
    if value is None or value == "":
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related else _("deleted entry #%(pk)s") % {"pk": value}
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, FieldFile):
        return value.name
    if isinstance(value, str):
        return value
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        value = timezone.localtime(value)
    return str(formats.localize(value))


WORDS = re.compile(r"\s+|[^\s]+")


def marked_difference(before, after):
    """Both texts as HTML, with the words taken out in <del> and the words put in in <ins>."""
    old_words, new_words = WORDS.findall(before), WORDS.findall(after)
    old_parts, new_parts = [], []
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        old_text = "".join(old_words[old_start:old_end])
        new_text = "".join(new_words[new_start:new_end])
        changed = operation != "equal"
        if old_text:
            old_parts.append(format_html("<del>{}</del>" if changed else "{}", old_text))
        if new_text:
            new_parts.append(format_html("<ins>{}</ins>" if changed else "{}", new_text))
    return mark_safe("".join(old_parts)), mark_safe("".join(new_parts))


def compare_versions(older, newer, children=()):
    """The fields that differ between two versions of one entry, in the model's field order."""
    model = older.content_type.model_class()
    compared = []
    for field in editable_fields(model):
        values = [version.field_dict.get(field.attname) for version in (older, newer)]
        if values[0] != values[1]:
            compared.append(
                (field.verbose_name, *(display_value(field, value) for value in values))
            )
    pk = version_pk(older)
    for child in children:
        before, after = (
            ", ".join(sorted(map(child.describe, child.versions_in(version.revision, pk))))
            for version in (older, newer)
        )
        compared.append((child.model._meta.verbose_name_plural, before, after))
    return [
        FieldChange(str(label), *marked_difference(before, after))
        for label, before, after in compared
        if before != after
    ]


def foreign_key_to(model, child_model, name=None):
    """The foreign key of `child_model` to `model`: the one named `name`, or the first."""
    if name:
        return child_model._meta.get_field(name)
    return next(
        field
        for field in child_model._meta.concrete_fields
        if field.many_to_one and field.related_model is model
    )


def child_relations(model, inline_models):
    """The child rows of `model` that its admin edits inline, and so versions with it."""
    return [ChildRelation(child, foreign_key_to(model, child)) for child in inline_models]
