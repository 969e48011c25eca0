"""Template tags of the admin's pages."""

from django import template
from django.conf import settings
from django.utils import timezone

from cooperation.models import TwinningAgreement, dormant_since, jubilee_years
from cooperation.views.mixins import first_entries
from editorial.cache import cached_until_content_changes

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
    silence first, for staff reviving them: `{"years", "agreements", "more"}`, each agreement
    with its `last_exchange` and `silent_since`. It reads the stored activity of every
    agreement not ended, so it is kept until the content changes."""
    since = dormant_since(timezone.localdate())

    def longest_silences():
        dormant = TwinningAgreement.objects.dormant(since).with_parties()
        return first_entries(dormant.order_by("silent_since", "pk"), DORMANT_LIMIT)

    agreements, more = cached_until_content_changes(f"dormant:{since}", longest_silences)
    return {
        "years": settings.COOPERATION_DORMANT_AFTER_YEARS,
        "agreements": agreements,
        "more": more,
    }
