"""The section's public addresses, under each language prefix (/bg/, /ru/, /be/, /en/)."""

from django.urls import path

from editorial.public import read_only

from . import feeds
from .views import agreement_page, agreements, news, overview, regions, search, visits

app_name = "cooperation"

urlpatterns = [
    path("", overview.HomeView.as_view(), name="home"),
    path("cooperation/", overview.OverviewView.as_view(), name="overview"),
    path("cooperation/agreements/", agreements.AgreementListView.as_view(), name="agreement_list"),
    path(
        "cooperation/agreements/<int:pk>-<slug:slug>/",
        agreement_page.AgreementDetailView.as_view(),
        name="agreement_detail",
    ),
    # The number alone redirects to the readable address.
    path("cooperation/agreements/<int:pk>/", agreement_page.AgreementDetailView.as_view()),
    path(
        "cooperation/agreements/<int:pk>/document/",
        read_only(agreements.AgreementDocumentView.as_view()),
        name="agreement_document",
    ),
    path("cooperation/map/", agreements.AgreementMapView.as_view(), name="agreement_map"),
    path("cooperation/regions/", regions.RegionListView.as_view(), name="region_list"),
    path(
        "cooperation/regions/<slug:slug>/", regions.RegionDetailView.as_view(), name="region_detail"
    ),
    path("cooperation/visits/", visits.VisitListView.as_view(), name="visit_list"),
    path("cooperation/visits/feed/rss/", read_only(feeds.VisitFeed()), name="visit_feed_rss"),
    path("cooperation/visits/feed/atom/", read_only(feeds.VisitAtomFeed()), name="visit_feed_atom"),
    path("cooperation/visits/<slug:slug>/", visits.VisitDetailView.as_view(), name="visit_detail"),
    path("news/", news.NewsListView.as_view(), name="news_list"),
    path("news/feed/rss/", read_only(feeds.NewsPhotoFeed()), name="news_feed_rss"),
    path("news/feed/atom/", read_only(feeds.NewsPhotoAtomFeed()), name="news_feed_atom"),
    path("news/<slug:slug>/", news.NewsDetailView.as_view(), name="news_detail"),
    path("search/", search.SearchView.as_view(), name="search"),
]
