"""
What lets a django-import-export resource import tens of thousands of rows in seconds while each
row is still found by its natural key, checked as the model's form checks it and saved with the
model's own save() (so into the history's revision, and with the page cache renewed):

- The entries a file names are read before its first row, in a few queries, instead of a query
  per row (KnownEntriesResource, KnownEntriesLoader). A row then finds its entry in memory as
  the database holds it at that moment: an entry the import has saved is the one a later row
  finds, and an entry a row changed without saving it (a refused or unchanged row) is put back
  as it was.
- The checks of a model that ask the database (its constraints and unique fields, a query each
  per row) are left to the database itself, whose constraints are the same: a row it refuses is
  rolled back to a savepoint of its own and then checked as Django checks it, which gives the
  same reasons, naming the same columns.
- The page cache is renewed once at the first row saved (and after the commit), not at each
  row (editorial.signals.renewing_once).
"""

import copy

from django.core.exceptions import ValidationError
from django.db import IntegrityError, router, transaction
from import_export.instance_loaders import BaseInstanceLoader

from .signals import renewing_once


def chunks(values, size=1000):
    """`values` in lists of at most `size`: a query's IN list stays within a database's limits."""
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


def foreign_keys_known_to_hold(instance):
    """
    The foreign keys of `instance` whose check would only ask the database what is known: they
    point to an entry read from it or saved to it (as a row's region, read before the first row),
    which meets the key's `limit_choices_to` when that is a set of plain values.
    """
    names = []
    for field in instance._meta.concrete_fields:
        if not field.many_to_one or not field.is_cached(instance):
            continue
        related = field.get_cached_value(instance)
        limits = field.get_limit_choices_to()
        if (
            related is not None
            and not related._state.adding
            and isinstance(limits, dict)
            and all(
                "__" not in name and getattr(related, name) == value
                for name, value in limits.items()
            )
        ):
            names.append(field.name)
    return names


class KnownEntriesLoader(BaseInstanceLoader):
    """The entry of a row, among those its resource read before the first row; no query."""

    def get_instance(self, row):
        return self.resource.known_entry(row)


class KnownEntriesResource:
    """
    Mixed into a ModelResource whose Meta names KnownEntriesLoader as its instance loader.
    Subclasses read the entries in `read_known_entries(rows)` (the file's rows, as dicts), find
    a row's entry in `find_entry(row)` and keep an entry the import saved in `remember(entry)`.
    """

    def read_known_entries(self, rows):
        raise NotImplementedError

    def find_entry(self, row):
        raise NotImplementedError

    def remember(self, entry):
        raise NotImplementedError

    def import_data(self, *args, **kwargs):
        # The page cache is renewed at the first row saved and after the commit, not at each.
        with renewing_once():
            return super().import_data(*args, **kwargs)

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self.read_known_entries(dataset.dict)

    def import_row(self, row, instance_loader, **kwargs):
        self.unsaved_entry = None
        try:
            return super().import_row(row, instance_loader, **kwargs)
        finally:
            if self.unsaved_entry is not None:
                entry, as_it_was = self.unsaved_entry
                entry.__dict__.clear()
                entry.__dict__.update(as_it_was.__dict__)

    def known_entry(self, row):
        entry = self.find_entry(row)
        if entry is not None:
            # A copy of the entry as it is (with its own state and related entries, as Django
            # copies a model instance), put back unless the row saves it.
            self.unsaved_entry = entry, copy.copy(entry)
        return entry

    def after_save_instance(self, instance, row, **kwargs):
        super().after_save_instance(instance, row, **kwargs)
        self.unsaved_entry = None
        self.remember(instance)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        if not import_validation_errors:
            try:
                instance.full_clean(
                    exclude=foreign_keys_known_to_hold(instance),
                    validate_unique=False,
                    validate_constraints=False,
                )
                return
            except ValidationError:
                pass
        # A row with a reason to refuse it: every check, with the database's, for all reasons.
        super().validate_instance(instance, import_validation_errors, validate_unique)

    def do_instance_save(self, instance, is_create):
        try:
            with transaction.atomic(using=router.db_for_write(type(instance))):
                super().do_instance_save(instance, is_create)
        except IntegrityError:
            # Refused by a constraint of the database: Django's check of it says which, in its
            # own words, as it would have said before the save.
            instance.full_clean()
            raise
