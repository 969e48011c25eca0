"""The section's lines of the staff member's desk (editorial.desk): jubilees, dormant ones."""

import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from editorial import desk
from editorial.cache import cached_until_content_changes
from editorial.desk import Line

from ..models import JUBILEE_AGES, TwinningAgreement, dormant_since
from ..models.jubilees import MonthAndDay

JUBILEE_DAYS = 90


def jubilees_within(today, days):
    """The agreements (not ended) whose round anniversary falls within `days` from `today`."""
    end = today + datetime.timedelta(days=days)
    condition = Q()
    for year in range(today.year, end.year + 1):
        first = f"{today:%m%d}" if year == today.year else "0101"
        last = f"{end:%m%d}" if year == end.year else "1231"
        years = [year - age for age in JUBILEE_AGES]
        condition |= Q(year__in=years, month_and_day__range=(first, last))
    agreements = TwinningAgreement.objects.exclude(status=TwinningAgreement.Status.ENDED)
    return agreements.alias(month_and_day=MonthAndDay("signed_on")).filter(condition)


@desk.line
def coming_jubilees(user):
    if not user.has_perm("cooperation.view_twinningagreement"):
        return None
    count = jubilees_within(timezone.localdate(), JUBILEE_DAYS).count()
    if not count:
        return None
    text = ngettext(
        "%(count)d jubilee of an agreement in the next %(days)d days",
        "%(count)d jubilees of agreements in the next %(days)d days",
        count,
    )
    url = reverse("admin:index") + "#jubilees-module"
    return Line(text % {"count": count, "days": JUBILEE_DAYS}, url)


@desk.line
def dormant_partnerships(user):
    if not user.has_perm("cooperation.view_twinningagreement"):
        return None
    since = dormant_since(timezone.localdate())
    count = cached_until_content_changes(
        f"dormant-count:{since}", TwinningAgreement.objects.dormant(since).count
    )
    if not count:
        return None
    text = ngettext("%(count)d dormant partnership", "%(count)d dormant partnerships", count)
    url = reverse("admin:cooperation_twinningagreement_changelist") + "?dormant=yes"
    return Line(text % {"count": count}, url)
