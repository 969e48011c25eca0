"""
Pages of long lists, read in two steps: the keys of the page's rows first, then the rows.

To find the 50 newest of 5,000 visits, a database sorts whole rows, with the columns of every
translation and of the joined tables; sorting the keys alone, then reading the 50 rows by their
keys, costs a fraction of that (87 ms against 13 ms on SQLite at 5,000 visits).
"""

from collections.abc import Sequence

from django.core.paginator import Paginator


def slice_by_keys(queryset, index):
    """queryset[index] (a slice) with its rows found by their keys first: the same rows, in the
    queryset's order, with its related rows (select_related, prefetch_related)."""
    if queryset.query.distinct:
        # DISTINCT would select the ordering's columns beside the key.
        return queryset[index]
    return queryset.filter(pk__in=queryset.values("pk")[index])


class KeysFirst(Sequence):
    """A queryset whose slices are read by slice_by_keys(), counted as the queryset is: an
    object list for a paginator. Subclasses may read the rows as other objects (read())."""

    def __init__(self, queryset):
        self.queryset = queryset

    @property
    def ordered(self):
        return self.queryset.ordered

    def count(self):
        return self.queryset.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        return self.read(slice_by_keys(self.queryset, index))

    def __iter__(self):
        return iter(self.all())

    def all(self):
        """Every object, in one query (list() would count them first)."""
        return self.read(self.queryset)

    def read(self, queryset):
        """The objects of the rows of `queryset`, in one query."""
        return list(queryset)


class KeysFirstPaginator(Paginator):
    """A paginator that reads the pages of a queryset by slice_by_keys()."""

    def __init__(self, object_list, *args, **kwargs):
        if hasattr(object_list, "query"):
            object_list = KeysFirst(object_list)
        super().__init__(object_list, *args, **kwargs)
