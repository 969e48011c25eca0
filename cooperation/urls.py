from django.urls import path

from . import views

app_name = "cooperation"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("cooperation/", views.OverviewView.as_view(), name="overview"),
    path("cooperation/agreements/", views.AgreementListView.as_view(), name="agreement_list"),
    path("cooperation/regions/", views.RegionListView.as_view(), name="region_list"),
    path(
        "cooperation/regions/<slug:slug>/",
        views.RegionDetailView.as_view(),
        name="region_detail",
    ),
    path("cooperation/visits/", views.VisitListView.as_view(), name="visit_list"),
    path("cooperation/visits/<slug:slug>/", views.VisitDetailView.as_view(), name="visit_detail"),
    path("news/", views.NewsListView.as_view(), name="news_list"),
    path("news/<slug:slug>/", views.NewsDetailView.as_view(), name="news_detail"),
]
