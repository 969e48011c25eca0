"""The section's public addresses, under each language prefix (/bg/, /ru/, /be/, /en/)."""

from django.urls import path

from embassy.views import read_only

from . import feeds, views

app_name = "cooperation"


urlpatterns = [
    path("", read_only(views.HomeView.as_view()), name="home"),
    path("cooperation/", read_only(views.OverviewView.as_view()), name="overview"),
    path(
        "cooperation/agreements/",
        read_only(views.AgreementListView.as_view()),
        name="agreement_list",
    ),
    path("cooperation/map/", read_only(views.AgreementMapView.as_view()), name="agreement_map"),
    path("cooperation/regions/", read_only(views.RegionListView.as_view()), name="region_list"),
    path(
        "cooperation/regions/<slug:slug>/",
        read_only(views.RegionDetailView.as_view()),
        name="region_detail",
    ),
    path("cooperation/visits/", read_only(views.VisitListView.as_view()), name="visit_list"),
    path("cooperation/visits/feed/rss/", read_only(feeds.VisitFeed()), name="visit_feed_rss"),
    path("cooperation/visits/feed/atom/", read_only(feeds.VisitAtomFeed()), name="visit_feed_atom"),
    path(
        "cooperation/visits/<slug:slug>/",
        read_only(views.VisitDetailView.as_view()),
        name="visit_detail",
    ),
    path("news/", read_only(views.NewsListView.as_view()), name="news_list"),
    path("news/feed/rss/", read_only(feeds.NewsPhotoFeed()), name="news_feed_rss"),
    path("news/feed/atom/", read_only(feeds.NewsPhotoAtomFeed()), name="news_feed_atom"),
    path("news/<slug:slug>/", read_only(views.NewsDetailView.as_view()), name="news_detail"),
]
