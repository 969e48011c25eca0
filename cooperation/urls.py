from django.urls import path

from embassy.cache import cache_public_page

from . import feeds, views

app_name = "cooperation"

urlpatterns = [
    path("", cache_public_page(views.HomeView.as_view()), name="home"),
    path("cooperation/", cache_public_page(views.OverviewView.as_view()), name="overview"),
    path(
        "cooperation/agreements/",
        cache_public_page(views.AgreementListView.as_view()),
        name="agreement_list",
    ),
    path(
        "cooperation/map/",
        cache_public_page(views.AgreementMapView.as_view()),
        name="agreement_map",
    ),
    path(
        "cooperation/regions/",
        cache_public_page(views.RegionListView.as_view()),
        name="region_list",
    ),
    path(
        "cooperation/regions/<slug:slug>/",
        cache_public_page(views.RegionDetailView.as_view()),
        name="region_detail",
    ),
    path(
        "cooperation/visits/",
        cache_public_page(views.VisitListView.as_view()),
        name="visit_list",
    ),
    path("cooperation/visits/feed/rss/", feeds.VisitFeed(), name="visit_feed_rss"),
    path("cooperation/visits/feed/atom/", feeds.VisitAtomFeed(), name="visit_feed_atom"),
    path(
        "cooperation/visits/<slug:slug>/",
        cache_public_page(views.VisitDetailView.as_view()),
        name="visit_detail",
    ),
    path("news/", cache_public_page(views.NewsListView.as_view()), name="news_list"),
    path("news/feed/rss/", feeds.NewsPhotoFeed(), name="news_feed_rss"),
    path("news/feed/atom/", feeds.NewsPhotoAtomFeed(), name="news_feed_atom"),
    path(
        "news/<slug:slug>/",
        cache_public_page(views.NewsDetailView.as_view()),
        name="news_detail",
    ),
]
