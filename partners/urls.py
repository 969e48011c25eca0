from django.urls import path

from editorial.public import read_only, with_form

from . import feeds, views

app_name = "partners"

urlpatterns = [
    path("", views.PartnerBoardView.as_view(), name="board"),
    path("feed/rss/", read_only(feeds.PartnerRequestFeed()), name="feed_rss"),
    path("feed/atom/", read_only(feeds.PartnerRequestAtomFeed()), name="feed_atom"),
    path("new/", with_form(views.PartnerRequestCreateView.as_view()), name="request_create"),
    path("<int:pk>/", with_form(views.PartnerRequestView.as_view()), name="request"),
    path(
        "confirm/<str:token>/",
        read_only(views.PartnerRequestConfirmView.as_view()),
        name="request_confirm",
    ),
    path(
        "withdraw/<str:token>/",
        with_form(views.PartnerRequestWithdrawView.as_view()),
        name="request_withdraw",
    ),
]
