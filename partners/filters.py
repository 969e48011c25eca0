"""The board's filters: a country, a field of interest."""

import django_filters
from django.utils.translation import gettext_lazy as _

from cooperation.countries import country_choices

from .models import Interest


class PartnerRequestFilter(django_filters.FilterSet):
    country = django_filters.ChoiceFilter(
        choices=country_choices, label=_("Country"), empty_label=_("Both countries")
    )
    interest = django_filters.ChoiceFilter(
        choices=Interest.choices,
        label=_("Field of interest"),
        empty_label=_("Any field"),
        method="filter_interest",
    )

    def filter_interest(self, queryset, name, value):
        return queryset.in_field(value)
