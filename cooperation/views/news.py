"""The news photos: newest first, and a photo's page."""

from django.views.generic import ListView

from editorial.public import PublicPageMixin

from ..models import NewsPhoto
from ..structured_data import news_photo_data
from .mixins import EntryDetailView, ForgivingPaginationMixin


class NewsListView(PublicPageMixin, ForgivingPaginationMixin, ListView):
    template_name = "cooperation/news_list.html"
    paginate_by = 12

    def get_queryset(self):
        return NewsPhoto.objects.published()


class NewsDetailView(EntryDetailView):
    model = NewsPhoto
    template_name = "cooperation/news_detail.html"
    structured_data = staticmethod(news_photo_data)
