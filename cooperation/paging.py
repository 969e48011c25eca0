"""Slices of long lists read by their keys first, then their rows (bench/README.md)."""

from django.core.paginator import Paginator


def keys_first(queryset, sliced):
    return queryset.filter(pk__in=sliced.values("pk"))


class KeysFirstPaginator(Paginator):
    def page(self, number):
        page = super().page(number)
        page.object_list = keys_first(self.object_list, page.object_list)
        return page
