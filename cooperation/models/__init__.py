"""The cooperation section's content, a module per entity."""

from .agreements import TwinningAgreement, dormant_since
from .jubilees import JUBILEE_AGES, jubilee_years
from .news import NewsPhoto, NewsPhotoRegion
from .overview import OverviewPage
from .regions import Region, RegionKind
from .visits import Visit, VisitRegion

__all__ = [
    "JUBILEE_AGES",
    "NewsPhoto",
    "NewsPhotoRegion",
    "OverviewPage",
    "Region",
    "RegionKind",
    "TwinningAgreement",
    "Visit",
    "VisitRegion",
    "dormant_since",
    "jubilee_years",
]
