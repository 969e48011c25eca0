"""The admin classes of the editorial layer; content apps build their ModelAdmins on them."""

from .history import HistoryAdmin
from .imports import SpreadsheetImportExportMixin
from .languages import TranslatedAdmin, missing_languages
from .publishing import PublishableAdmin

__all__ = [
    "HistoryAdmin",
    "PublishableAdmin",
    "SpreadsheetImportExportMixin",
    "TranslatedAdmin",
    "missing_languages",
]
