"""Template tags of the admin's pages."""

from django import template
from django.conf import settings
from django.utils import timezone

from cooperation.models import TwinningAgreement, dormant_since, jubilee_years

register = template.Library()

JUBILEE_LIMIT = 200
DORMANT_LIMIT = 100


@register.simple_tag
def upcoming_jubilees():
    """The agreements' round anniversaries this year and next, for staff planning events:
    `{"years": (this year, next year), "jubilees": [agreement, ...]}`."""
    today = timezone.localdate()
    return {
        "years": jubilee_years(today),
        "jubilees": TwinningAgreement.objects.jubilees(today)[:JUBILEE_LIMIT],
    }


@register.simple_tag
def dormant_partnerships():
    """The partnerships silent for more than COOPERATION_DORMANT_AFTER_YEARS years, the longest
    silence first, for staff reviving them: `{"years", "since", "count", "agreements"}`, each
    agreement with its `last_exchange` and `silent_since`."""
    since = dormant_since(timezone.localdate())
    dormant = TwinningAgreement.objects.dormant(since)
    return {
        "years": settings.COOPERATION_DORMANT_AFTER_YEARS,
        "since": since,
        "count": dormant.count(),
        "agreements": dormant.with_parties().order_by("silent_since", "pk")[:DORMANT_LIMIT],
    }
