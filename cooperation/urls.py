from django.urls import path

from . import views

app_name = "cooperation"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("agreements/", views.overview, name="agreement_list"),
    path("regions/<slug:slug>/", views.overview, name="region_detail"),
    path("visits/<slug:slug>/", views.overview, name="visit_detail"),
    path("news/<slug:slug>/", views.overview, name="news_detail"),
]
