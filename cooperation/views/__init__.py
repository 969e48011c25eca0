"""The section's public pages, a module per subject."""

from .agreement_page import AgreementDetailView
from .agreements import AgreementDocumentView, AgreementListView, AgreementMapView
from .news import NewsDetailView, NewsListView
from .overview import HomeView, OverviewView
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
    "RegionDetailView",
    "RegionListView",
    "SearchView",
    "VisitDetailView",
    "VisitListView",
]
