"""Filters of the public lists; the same FilterSets serve the pages and the data downloads."""

import datetime
import re
from functools import cache, partial

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import slug_re
from django.db.models import Q
from django.utils import timezone
from django.utils.choices import CallableChoiceIterator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from drf_spectacular.utils import extend_schema_field

from .countries import country_choices
from .models import Region, TwinningAgreement, Visit, dormant_since
from .search import SEARCH_MAX_LENGTH

# The JSON API schema of filters whose values its generator cannot guess.
REGION_SLUG_MAX_LENGTH = Region._meta.get_field("slug").max_length
REGION_PARAMETER_SCHEMA = {
    "type": "string",
    "pattern": r"^[-a-zA-Z0-9_]+$",
    "maxLength": REGION_SLUG_MAX_LENGTH,
    "description": _("A region's slug, such as brest-oblast; it includes every unit below it."),
}
DATE_OR_YEAR_PARAMETER_SCHEMA = {
    "anyOf": [
        {"type": "string", "format": "date"},
        {"type": "string", "pattern": "^([0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)$"},
    ],
    "description": _(
        "Agreements with a published visit or news photo of both parties (or of units within "
        "them) on or after this day: a date (2021-09-06) or a year (2021, from its 1st of "
        "January)."
    ),
}
DORMANT_PARAMETER_SCHEMA = {
    "type": "string",
    "enum": ["yes", "no"],
    "description": _(
        "yes: only the agreements, not ended, without any published visit or news photo of "
        "both parties for more than COOPERATION_DORMANT_AFTER_YEARS years (5 unless the site "
        "says otherwise), counted from the signing for those never visited; no: all the others."
    ),
}
COUNTRY_PARAMETER_SCHEMA = {
    "type": "string",
    "enum": [code for code, _name in country_choices()],
    "description": _("A country code (ISO 3166-1 alpha-2)."),
}


DORMANT_CHOICES = [("yes", _("dormant only")), ("no", _("not dormant"))]


def dormant_or_not(agreements, value):
    """The agreements dormant today ("yes"), or the others ("no"); for the list and the admin."""
    since = dormant_since(timezone.localdate())
    if value == "yes":
        return agreements.dormant(since)
    if value == "no":
        return agreements.not_dormant(since)
    return agreements


def year_filter(minimum, **kwargs):
    """A whole year, as the schema says (a decimal point is refused)."""
    field = django_filters.NumberFilter(
        min_value=minimum, max_value=9999, decimal_places=0, **kwargs
    )
    return extend_schema_field({"type": "integer", "minimum": minimum, "maximum": 9999})(field)


class RegionSlugField(forms.CharField):
    """What no region's slug could be (a NUL, a space, too long) is refused with one message."""

    def run_validators(self, value):
        if value and not (len(value) <= REGION_SLUG_MAX_LENGTH and slug_re.fullmatch(value)):
            raise ValidationError(
                forms.ModelChoiceField.default_error_messages["invalid_choice"],
                code="invalid_choice",
            )


def text_filter():
    """A name to look for, as the schema says: no NUL (Django's forms refuse it), not too long."""
    field = django_filters.CharFilter(
        label=_("Name contains"), method="filter_text", max_length=SEARCH_MAX_LENGTH
    )
    schema = {"type": "string", "maxLength": SEARCH_MAX_LENGTH, "pattern": "^[^\\u0000]*$"}
    return extend_schema_field(schema)(field)


@extend_schema_field(REGION_PARAMETER_SCHEMA)
class RegionChoiceFilter(django_filters.Filter):
    """A region's slug, with every unit below it (queryset.`lookup`); an unknown slug finds none."""

    field_class = RegionSlugField

    def __init__(self, *args, lookup="involving", **kwargs):
        self.lookup = lookup
        kwargs.setdefault("label", _("Region"))
        super().__init__(*args, widget=forms.Select, **kwargs)

    def filter(self, queryset, slug):
        if not slug:
            return queryset
        region = Region.objects.filter(slug=slug).first()
        return queryset.none() if region is None else getattr(queryset, self.lookup)(region)


class RegionMenuMixin:
    """A region menu of the oblasts and the chosen region; any region's slug is accepted."""

    region_menu_field = "region"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.form.fields[self.region_menu_field]
        chosen = self.data.get(self.region_menu_field, "") if self.data else ""
        if not slug_re.fullmatch(chosen):
            chosen = ""  # No region has it; PostgreSQL refuses some of it (NUL) in a query.
        # Read only when the form is shown, and once.
        field.widget.choices = CallableChoiceIterator(cache(partial(region_menu, chosen)))


def region_menu(chosen_slug):
    """The oblasts grouped by country, and the chosen region, as select choices."""
    menu = Region.objects.filter(Q(kind=Region.Kind.OBLAST) | Q(slug=chosen_slug)).by_country()
    countries = dict(country_choices())
    groups = {}
    for country, slug, name in menu.values_list("country", "slug", "name"):
        groups.setdefault(countries.get(country, country), []).append((slug, name))
    return [("", _("Any region")), *groups.items()]


class DateOrYearField(forms.Field):
    """A day given as a date (2021-09-06) or as a year (2021: its 1st of January)."""

    widget = forms.TextInput(attrs={"maxlength": 10})
    default_error_messages = {"invalid": _("Give a year (2021) or a date (2021-09-06).")}

    def to_python(self, value):
        value = (value or "").strip()
        if not value:
            return None
        match = re.fullmatch(r"(\d{4})(?:-(\d{2})-(\d{2}))?", value)
        try:
            if match is None:
                raise ValueError
            year, month, day = match.groups()
            return datetime.date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


@extend_schema_field(DATE_OR_YEAR_PARAMETER_SCHEMA)
class DateOrYearFilter(django_filters.Filter):
    field_class = DateOrYearField


class YearRangeForm(forms.Form):
    def clean(self):
        cleaned_data = super().clean()
        year_min, year_max = cleaned_data.get("year_min"), cleaned_data.get("year_max")
        if year_min is not None and year_max is not None and year_min > year_max:
            self.add_error(
                "year_max",
                _("The last year (%(last)s) comes before the first year (%(first)s).")
                % {"last": year_max, "first": year_min},
            )
        return cleaned_data


class AgreementFilter(RegionMenuMixin, django_filters.FilterSet):
    SORT_CHOICES = [
        ("-year", _("Year, newest first")),
        ("year", _("Year, oldest first")),
        ("name", _("Name, A to Z")),
        ("-name", _("Name, Z to A")),
    ]

    q = text_filter()
    year_min = year_filter(0, field_name="year", lookup_expr="gte", label=_("From year"))
    year_max = year_filter(0, field_name="year", lookup_expr="lte", label=_("To year"))
    kind = django_filters.ChoiceFilter(
        choices=TwinningAgreement.Kind.choices, label=_("Kind"), empty_label=_("Any kind")
    )
    status = django_filters.ChoiceFilter(
        choices=TwinningAgreement.Status.choices, label=_("Status"), empty_label=_("Any status")
    )
    region = RegionChoiceFilter()
    country = django_filters.ChoiceFilter(
        choices=country_choices,
        label=_("Search the names of"),
        empty_label=_("Both countries"),
        method="filter_country",
    )
    active_since = DateOrYearFilter(
        label=_("Exchanges since (year or date)"), method="filter_active_since"
    )
    dormant = extend_schema_field(DORMANT_PARAMETER_SCHEMA)(
        django_filters.ChoiceFilter(
            choices=DORMANT_CHOICES,
            label=_("Dormant"),
            empty_label=_("Dormant or not"),
            method="filter_dormant",
        )
    )
    sort = django_filters.ChoiceFilter(
        choices=SORT_CHOICES, label=_("Sort by"), empty_label=None, method="sort_results"
    )

    class Meta:
        model = TwinningAgreement
        fields = []  # All declared above.
        form = YearRangeForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        years = settings.COOPERATION_DORMANT_AFTER_YEARS
        self.form.fields["dormant"].label = ngettext(
            "Dormant (no exchange for more than %(years)s year)",
            "Dormant (no exchange for more than %(years)s years)",
            years,
        ) % {"years": years}

    def searched_sides(self):
        country = self.form.cleaned_data.get("country")
        if country == settings.COOPERATION_MISSION_COUNTRY:
            return ("mission_region",)
        if country == settings.COOPERATION_HOST_COUNTRY:
            return ("host_region",)
        return ("mission_region", "host_region")

    def filter_text(self, queryset, name, value):
        return queryset.search(value, sides=self.searched_sides())

    @extend_schema_field(COUNTRY_PARAMETER_SCHEMA)
    def filter_country(self, queryset, name, value):
        return queryset  # It narrows the text search and the name sort: see searched_sides().

    def filter_active_since(self, queryset, name, day):
        return queryset.active_since(day)

    def filter_dormant(self, queryset, name, value):
        return dormant_or_not(queryset, value)

    def sort_results(self, queryset, name, value):
        side = "host_region" if self.searched_sides() == ("host_region",) else "mission_region"
        orderings = {
            "year": ["year", f"{side}__name", "pk"],
            "-year": ["-year", f"{side}__name", "pk"],
            "name": [f"{side}__name", "year", "pk"],
            "-name": [f"-{side}__name", "-year", "pk"],
        }
        return queryset.order_by(*orderings[value])


class VisitFilter(RegionMenuMixin, django_filters.FilterSet):
    year = year_filter(1, field_name="start_date", lookup_expr="year", label=_("Year"))
    kind = django_filters.ChoiceFilter(
        choices=Visit.Kind.choices, label=_("Kind"), empty_label=_("Any kind")
    )
    region = RegionChoiceFilter()

    class Meta:
        model = Visit
        fields = ["year", "kind", "region"]


class RegionFilter(RegionMenuMixin, django_filters.FilterSet):
    region_menu_field = "within"

    q = text_filter()
    country = extend_schema_field(COUNTRY_PARAMETER_SCHEMA)(
        django_filters.ChoiceFilter(
            choices=country_choices, label=_("Country"), empty_label=_("Both countries")
        )
    )
    kind = django_filters.ChoiceFilter(
        choices=Region.Kind.choices, label=_("Kind"), empty_label=_("Any kind")
    )
    within = RegionChoiceFilter(label=_("Within"), lookup="within")

    class Meta:
        model = Region
        fields = ["q", "country", "kind", "within"]

    def filter_text(self, queryset, name, value):
        return queryset.search(value)
