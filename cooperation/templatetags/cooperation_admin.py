"""Template tags of the admin's pages."""

from django import template
from django.utils import timezone

from cooperation.models import TwinningAgreement, jubilee_years

register = template.Library()

JUBILEE_LIMIT = 200


@register.simple_tag
def upcoming_jubilees():
    today = timezone.localdate()
    return {
        "years": jubilee_years(today),
        "jubilees": TwinningAgreement.objects.jubilees(today)[:JUBILEE_LIMIT],
    }
