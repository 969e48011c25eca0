"""The section's public addresses, under each language prefix (/bg/, /ru/, /be/, /en/)."""

from django.urls import path

from editorial.public import read_only

from . import feeds, views

app_name = "cooperation"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("cooperation/", views.OverviewView.as_view(), name="overview"),
    path("cooperation/agreements/", views.AgreementListView.as_view(), name="agreement_list"),
    path(
        "cooperation/agreements/<int:pk>-<slug:slug>/",
        views.AgreementDetailView.as_view(),
        name="agreement_detail",
    ),
    # The number alone redirects to the readable address.
    path("cooperation/agreements/<int:pk>/", views.AgreementDetailView.as_view()),
    path(
        "cooperation/agreements/<int:pk>/document/",
        read_only(views.AgreementDocumentView.as_view()),
        name="agreement_document",
    ),
    path("cooperation/map/", views.AgreementMapView.as_view(), name="agreement_map"),
    path("cooperation/regions/", views.RegionListView.as_view(), name="region_list"),
    path(
        "cooperation/regions/<slug:slug>/", views.RegionDetailView.as_view(), name="region_detail"
    ),
    path("cooperation/visits/", views.VisitListView.as_view(), name="visit_list"),
    path("cooperation/visits/feed/rss/", read_only(feeds.VisitFeed()), name="visit_feed_rss"),
    path("cooperation/visits/feed/atom/", read_only(feeds.VisitAtomFeed()), name="visit_feed_atom"),
    path("cooperation/visits/<slug:slug>/", views.VisitDetailView.as_view(), name="visit_detail"),
    path("news/", views.NewsListView.as_view(), name="news_list"),
    path("news/feed/rss/", read_only(feeds.NewsPhotoFeed()), name="news_feed_rss"),
    path("news/feed/atom/", read_only(feeds.NewsPhotoAtomFeed()), name="news_feed_atom"),
    path("news/<slug:slug>/", views.NewsDetailView.as_view(), name="news_detail"),
    path("search/", views.SearchView.as_view(), name="search"),
]
