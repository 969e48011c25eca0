"""The news photos: newest first, and a photo's page."""

from django.views.generic import DetailView, ListView

from editorial.public import PublicPageMixin

from ..models import NewsPhoto
from ..structured_data import news_photo_data
from .mixins import ForgivingPaginationMixin, PreviewMixin


class NewsListView(PublicPageMixin, ForgivingPaginationMixin, ListView):
    template_name = "cooperation/news_list.html"
    paginate_by = 12

    def get_queryset(self):
        return NewsPhoto.objects.published()


class NewsDetailView(PublicPageMixin, PreviewMixin, DetailView):
    model = NewsPhoto
    template_name = "cooperation/news_detail.html"

    def get_queryset(self):
        return super().get_queryset().with_details()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["structured_data"] = news_photo_data(self.object)
        return context
