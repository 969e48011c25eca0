"""What several of the section's views share: forgiving pagination, entry pages, short lists."""

from django.contrib import messages
from django.core.paginator import InvalidPage
from django.utils.translation import gettext as _
from django.views.generic import DetailView

from editorial.public import PublicPageMixin

from ..paging import KeysFirstPaginator, keys_first


def first_entries(queryset, limit):
    """The first `limit` entries and whether there are more, in one query."""
    entries = list(keys_first(queryset, queryset[: limit + 1]))
    return entries[:limit], len(entries) > limit


class ForgivingPaginationMixin:
    """A page number past the end, or not a number, shows the nearest page with a message."""

    paginator_class = KeysFirstPaginator

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size, allow_empty_first_page=True)
        requested = self.request.GET.get(self.page_kwarg) or 1
        try:
            page = paginator.page(requested)
        except InvalidPage:
            page = paginator.page(paginator.num_pages if str(requested).isdigit() else 1)
            messages.warning(
                self.request,
                _("There is no page “%(requested)s”; showing page %(shown)s of %(total)s.")
                % {
                    "requested": str(requested)[:20],
                    "shown": page.number,
                    "total": paginator.num_pages,
                },
            )
        return paginator, page, page.object_list, page.has_other_pages()


class EntryDetailView(PublicPageMixin, DetailView):
    """A published entry's page (staff also see drafts); `structured_data` makes its JSON-LD."""

    structured_data = None

    def get_queryset(self):
        return self.model.objects.visible_to(self.request.user).with_details()

    def get_context_data(self, **kwargs):
        return super().get_context_data(structured_data=self.structured_data(self.object), **kwargs)
