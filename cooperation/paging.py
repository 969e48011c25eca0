"""Slices of long lists read by their keys first: the database sorts and skips the keys alone,
then reads the slice's rows with their related ones (the figures: bench/README.md)."""

from django.core.paginator import Paginator


def keys_first(queryset, sliced):
    """The rows of `sliced`, a slice of `queryset`, found by their keys first."""
    return queryset.filter(pk__in=sliced.values("pk"))


class KeysFirstPaginator(Paginator):
    def page(self, number):
        page = super().page(number)
        page.object_list = keys_first(self.object_list, page.object_list)
        return page
