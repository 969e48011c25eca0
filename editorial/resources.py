"""Fast django-import-export resources (start at KnownEntriesResource): entries read before the
first row, uniqueness left to the database's constraints, new entries written in batches."""

import copy
from contextlib import suppress

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connections, router, transaction
from django.db.models.signals import post_save, pre_save
from import_export.instance_loaders import BaseInstanceLoader
from import_export.resources import Diff

from .signals import renewing_once


def chunks(values, size=1000):
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


def related_entries(instance):
    """(foreign key, entry) for each entry that `instance` holds on a foreign key."""
    for field in instance._meta.concrete_fields:
        if field.many_to_one and (related := field.get_cached_value(instance, None)) is not None:
            yield field, related


def foreign_keys_known_to_hold(instance):
    """The foreign keys of `instance` pointing to a saved entry known to meet limit_choices_to."""
    return [
        field.name
        for field, related in related_entries(instance)
        if not related._state.adding
        and isinstance(limits := field.get_limit_choices_to(), dict)
        and all(
            "__" not in name and getattr(related, name) == value for name, value in limits.items()
        )
    ]


class KnownEntriesLoader(BaseInstanceLoader):
    def get_instance(self, row):
        return self.resource.known_entry(row)


class BatchRefused(Exception):
    pass


class KnownEntriesResource:
    """Mixed into a ModelResource whose Meta sets skip_diff and KnownEntriesLoader. Subclasses
    define read_known_entries(rows), find_entry(row) and remember(entry); a refused batch has
    the file imported again a row at a time, to say which row."""

    BATCH_SIZE = 500
    in_batches = batch_refused = False
    # How many rows, from the first, get their changes marked (row_result.diff); None: all.
    diff_rows = None

    def fill_derived_fields(self, instance):
        pass

    def import_data(self, dataset, *args, **kwargs):
        # The page cache is renewed at the first row saved and after the commit, not at each.
        with renewing_once():
            model = self._meta.model
            using = router.db_for_write(model)
            self.in_batches = connections[using].features.can_return_rows_from_bulk_insert
            with transaction.atomic(using=using):
                result = super().import_data(dataset, *args, **kwargs)
                if not self.batch_refused:
                    return result
                transaction.set_rollback(True, using=using)
            self.in_batches = False
            return super().import_data(dataset, *args, **kwargs)

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self.import_fields = super().get_import_fields()
        self.blank_entry = None
        self.copies_blank_entry = not any(
            field.has_default() and callable(field.default)
            for field in self._meta.model._meta.fields
        )
        self.new_entries = []  # [entry, its row's result] not written yet
        self.batch_refused = False
        self.rows_diffed = 0
        self.read_known_entries(dataset.dict)

    def import_row(self, row, instance_loader, **kwargs):
        if self.batch_refused:
            return self.get_row_result_class()()
        self.unsaved_entry = None
        try:
            row_result = super().import_row(row, instance_loader, **kwargs)
        finally:
            if self.unsaved_entry is not None:
                entry, as_it_was = self.unsaved_entry
                entry.__dict__.clear()
                entry.__dict__.update(as_it_was.__dict__)
        if self.new_entries and self.new_entries[-1][1] is None:
            self.new_entries[-1][1] = row_result
        return row_result

    def get_import_fields(self):
        return getattr(self, "import_fields", None) or super().get_import_fields()

    def init_instance(self, row=None):
        # Copies of one blank entry: working out every field's default takes longest of a row.
        if not self.copies_blank_entry:
            return super().init_instance(row)
        if self.blank_entry is None:
            self.blank_entry = super().init_instance(row)
        return copy.copy(self.blank_entry)

    def after_init_instance(self, instance, new, row, **kwargs):
        super().after_init_instance(instance, new, row, **kwargs)
        # The entry before the row, to compare with: a shallow copy, not django-import-export's
        # deep copy of every row (Meta.skip_diff).
        self.row_entry, self.entry_before_row = instance, copy.copy(instance)

    def after_import_row(self, row, row_result, **kwargs):
        super().after_import_row(row, row_result, **kwargs)
        new = row_result.import_type == row_result.IMPORT_TYPE_NEW
        changes = new or row_result.import_type == row_result.IMPORT_TYPE_UPDATE
        if changes and (self.diff_rows is None or self.rows_diffed < self.diff_rows):
            diff = Diff(self, self.entry_before_row, new)
            diff.compare_with(self, self.row_entry)
            row_result.diff = diff.as_html()
            self.rows_diffed += 1

    def known_entry(self, row):
        entry = self.find_entry(row)
        if entry is not None:
            if entry._state.adding:
                self.write_new_entries()
            self.unsaved_entry = entry, copy.copy(entry)
        return entry

    def save_instance(self, instance, is_create, row, **kwargs):
        if not self.in_batches or (kwargs.get("dry_run") and not kwargs.get("using_transactions")):
            return super().save_instance(instance, is_create, row, **kwargs)
        if not is_create:
            self.write_new_entries()
            return super().save_instance(instance, is_create, row, **kwargs)
        self.before_save_instance(instance, row, **kwargs)
        self.fill_derived_fields(instance)
        self.new_entries.append([instance, None])
        self.after_save_instance(instance, row, **kwargs)
        if len(self.new_entries) >= self.BATCH_SIZE:
            self.write_new_entries()

    def after_save_instance(self, instance, row, **kwargs):
        super().after_save_instance(instance, row, **kwargs)
        self.unsaved_entry = None
        self.remember(instance)

    def after_import(self, dataset, result, **kwargs):
        self.write_new_entries()
        super().after_import(dataset, result, **kwargs)

    def write_new_entries(self):
        batch = []
        for entry, _row_result in self.new_entries:
            # An entry it refers to waits in this batch: written first, it then has its id.
            if any(related._state.adding for _field, related in related_entries(entry)):
                self.write_batch(batch)
                batch = []
            batch.append(entry)
        self.write_batch(batch)
        for entry, row_result in self.new_entries:
            if row_result is not None:
                row_result.add_instance_info(entry)
        self.new_entries = []

    def write_batch(self, entries):
        if not entries:
            return
        model = self._meta.model
        using = router.db_for_write(model)
        for entry in entries:
            pre_save.send(model, instance=entry, raw=False, using=using, update_fields=None)
        try:
            with transaction.atomic(using=using):
                model._default_manager.using(using).bulk_create(entries)
        except IntegrityError as error:
            self.batch_refused = True
            raise BatchRefused from error
        for entry in entries:
            post_save.send(
                model, instance=entry, created=True, raw=False, using=using, update_fields=None
            )

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        if not import_validation_errors:
            with suppress(ValidationError):
                instance.full_clean(
                    exclude=foreign_keys_known_to_hold(instance),
                    validate_unique=False,
                    validate_constraints=False,
                )
                return
        # A row with a reason to refuse it: every check, with the database's, for all reasons.
        super().validate_instance(instance, import_validation_errors, validate_unique)

    def do_instance_save(self, instance, is_create):
        try:
            with transaction.atomic(using=router.db_for_write(type(instance))):
                super().do_instance_save(instance, is_create)
        except IntegrityError:
            # Refused by a constraint of the database: Django's check says which, in its words.
            instance.full_clean()
            raise
