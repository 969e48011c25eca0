"""The site search's page: the results grouped by kind, or one kind's results page by page."""

from django.views.generic import ListView

from editorial.public import PublicPageMixin

from ..forms import SearchForm
from ..models import Region
from ..search import RESULT_KINDS, RESULT_KINDS_BY_SLUG, SearchText
from .mixins import ForgivingPaginationMixin, first_entries

RESULTS_PER_KIND = 5


class SearchView(PublicPageMixin, ForgivingPaginationMixin, ListView):
    template_name = "cooperation/search.html"
    paginate_by = 20

    def get(self, request, *args, **kwargs):
        self.form = SearchForm(request.GET)
        self.query, self.kind = SearchText(""), None
        if self.form.is_valid():
            self.query = SearchText.parse(self.form.cleaned_data["q"])
            self.kind = RESULT_KINDS_BY_SLUG.get(self.form.cleaned_data["kind"])
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if not self.query or self.kind is None:
            return Region.objects.none()
        return self.kind.find(self.query)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(form=self.form, kind=self.kind, searched=bool(self.query))
        if self.form.is_valid():
            context["search_query"] = self.form.cleaned_data["q"]
        if self.query and self.kind is None:
            context["groups"] = groups = [
                (kind, *first_entries(kind.find(self.query), RESULTS_PER_KIND))
                for kind in RESULT_KINDS
            ]
            context["found"] = any(entries for _kind, entries, _more in groups)
        return context
