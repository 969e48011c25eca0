from .imports import SpreadsheetImport
from .publishable import PublicationQuerySet, Publishable
from .reviews import NoticePreference, Review

__all__ = [
    "NoticePreference",
    "PublicationQuerySet",
    "Publishable",
    "Review",
    "SpreadsheetImport",
]
