"""
The cooperation section's content, a module per entity: regions (a hierarchy of both
countries), the agreements between them, visits, news photos, and the regional cooperation
page's own text; and the partner search board's requests.
"""

from .agreements import TwinningAgreement, dormant_since
from .jubilees import JUBILEE_AGES, jubilee_years
from .news import NewsPhoto, NewsPhotoRegion
from .overview import OverviewPage
from .partners import Interest, PartnerRequest
from .regions import Region, RegionKind
from .visits import Visit, VisitRegion

__all__ = [
    "JUBILEE_AGES",
    "Interest",
    "NewsPhoto",
    "NewsPhotoRegion",
    "OverviewPage",
    "PartnerRequest",
    "Region",
    "RegionKind",
    "TwinningAgreement",
    "Visit",
    "VisitRegion",
    "dormant_since",
    "jubilee_years",
]
