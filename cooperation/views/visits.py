"""The visits: a list by date, filtered, and a visit's page."""

from django_filters.views import FilterView

from editorial.public import PublicPageMixin

from ..filters import VisitFilter
from ..models import Visit
from ..structured_data import visit_data
from .mixins import EntryDetailView, ForgivingPaginationMixin


class VisitListView(PublicPageMixin, ForgivingPaginationMixin, FilterView):
    filterset_class = VisitFilter
    template_name = "cooperation/visit_list.html"
    paginate_by = 20
    strict = False

    def get_queryset(self):
        return Visit.objects.published().select_related("location")


class VisitDetailView(EntryDetailView):
    model = Visit
    structured_data = staticmethod(visit_data)
