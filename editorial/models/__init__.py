from .imports import SpreadsheetImport
from .publishable import PublicationQuerySet, Publishable

__all__ = ["PublicationQuerySet", "Publishable", "SpreadsheetImport"]
