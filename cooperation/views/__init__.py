"""The section's public pages, a module per subject."""

from .agreement_page import AgreementDetailView
from .agreements import AgreementDocumentView, AgreementListView, AgreementMapView
from .news import NewsDetailView, NewsListView
from .overview import HomeView, OverviewView
from .partners import (
    PartnerBoardView,
    PartnerRequestCreateView,
    PartnerRequestView,
    PartnerRequestWithdrawView,
)
from .regions import RegionDetailView, RegionListView
from .search import SearchView
from .visits import VisitDetailView, VisitListView

__all__ = [
    "AgreementDetailView",
    "AgreementDocumentView",
    "AgreementListView",
    "AgreementMapView",
    "HomeView",
    "NewsDetailView",
    "NewsListView",
    "OverviewView",
    "PartnerBoardView",
    "PartnerRequestCreateView",
    "PartnerRequestView",
    "PartnerRequestWithdrawView",
    "RegionDetailView",
    "RegionListView",
    "SearchView",
    "VisitDetailView",
    "VisitListView",
]
