"""The visits: a list by date, filtered, and a visit's page."""

from django.views.generic import DetailView
from django_filters.views import FilterView

from editorial.public import PublicPageMixin

from ..filters import VisitFilter
from ..models import Visit
from ..structured_data import visit_data
from .mixins import ForgivingPaginationMixin, PreviewMixin


class VisitListView(PublicPageMixin, ForgivingPaginationMixin, FilterView):
    filterset_class = VisitFilter
    template_name = "cooperation/visit_list.html"
    paginate_by = 20
    strict = False

    def get_queryset(self):
        return Visit.objects.published().select_related("location")


class VisitDetailView(PublicPageMixin, PreviewMixin, DetailView):
    model = Visit
    template_name = "cooperation/visit_detail.html"

    def get_queryset(self):
        return super().get_queryset().with_details()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["structured_data"] = visit_data(self.object)
        return context
