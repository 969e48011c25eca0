"""The admin classes of the editorial layer; content apps build their ModelAdmins on them. Its
lines of the staff member's desk come with it (`desk`)."""

from . import desk  # noqa: F401
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
