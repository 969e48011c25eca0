"""Agreements: twinning and cooperation agreements between a region of each country."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MinValueValidator
from django.db import models
from django.db.models import Case, Count, Exists, Func, OuterRef, Q, Value, When
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..countries import country_name, host_country_regions, mission_country_regions
from ..documents import DocumentField
from ..transliteration import contains_text
from .regions import Region

FIRST_AGREEMENT_YEAR = 1990
# The anniversaries of an agreement that the embassy marks with events.
JUBILEE_AGES = (5, 10, 15, 20, 25, 30)


def validate_not_future_year(year):
    if year is not None and year > datetime.date.today().year:
        raise ValidationError(
            _("The year %(year)s has not come yet."), code="future_year", params={"year": year}
        )


def jubilee_years(today):
    """The years whose jubilees are announced on `today`: this one and the next."""
    return (today.year, today.year + 1)


class MonthAndDay(Func):
    """A date's month and day as the text "MMDD", by the database's own date functions: the
    order of anniversaries (Django's ExtractMonth and ExtractDay call Python on SQLite, twice
    for each row sorted)."""

    output_field = models.CharField()
    template = "TO_CHAR(%(expressions)s, 'MMDD')"

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(
            # Per cent signs doubled twice: for this template, then for the query's parameters.
            compiler,
            connection,
            template="STRFTIME('%%%%m%%%%d', %(expressions)s)",
            **extra_context,
        )


class TwinningAgreementQuerySet(models.QuerySet):
    def get_by_natural_key(self, mission_slug, host_slug, kind):
        return self.get(mission_region__slug=mission_slug, host_region__slug=host_slug, kind=kind)

    def with_parties(self):
        return self.select_related("mission_region", "host_region")

    def party_count(self):
        """How many regions are a party to at least one of these agreements: each region is
        looked up in the agreements' indexes, rather than every agreement read."""
        agreements = self.order_by()
        return Region.objects.filter(
            Exists(agreements.filter(mission_region=OuterRef("pk")))
            | Exists(agreements.filter(host_region=OuterRef("pk")))
        ).count()

    def per_year(self):
        """Rows of {"year", "count"}: how many agreements were signed each year."""
        return self.order_by().values("year").annotate(count=Count("pk"))

    def search(self, text, sides=("mission_region", "host_region")):
        """Agreements with the text in a party's name, in any language."""
        condition = Q()
        for side in sides:
            condition |= contains_text(f"{side}__search_names", text)
        return self.filter(condition)

    def involving(self, region):
        """Agreements of the region or of any unit below it, on either side. The units are
        found first, so that the agreements are found by their parties' indexes rather than by
        reading every agreement with its parties."""
        units = Region.objects.within(region).values("pk")
        return self.filter(Q(mission_region__in=units) | Q(host_region__in=units))

    def jubilees(self, today):
        """
        The agreements (not ended) that turn one of JUBILEE_AGES this year or next, each with
        its `jubilee_year`, in the order of the anniversaries, those without a known day last
        in their year.
        """
        this_year, next_year = jubilee_years(today)
        return (
            self.filter(
                year__in=[year - age for year in (this_year, next_year) for age in JUBILEE_AGES]
            )
            .exclude(status=TwinningAgreement.Status.ENDED)
            .annotate(
                jubilee_year=Case(
                    When(year__in=[this_year - age for age in JUBILEE_AGES], then=Value(this_year)),
                    default=Value(next_year),
                )
            )
            .order_by("jubilee_year", MonthAndDay("signed_on").asc(nulls_last=True), "pk")
            .with_parties()
        )


class JubileeMixin:
    """The anniversary of an agreement (its `year`, `signed_on`) annotated with the
    `jubilee_year` of TwinningAgreementQuerySet.jubilees()."""

    @property
    def jubilee_age(self):
        """The round age the agreement reaches in its `jubilee_year`."""
        return self.jubilee_year - self.year

    @property
    def jubilee_date(self):
        """The anniversary's day when the signing date is known (28 February for a 29th)."""
        if self.signed_on is None:
            return None
        try:
            return self.signed_on.replace(year=self.jubilee_year)
        except ValueError:
            return self.signed_on.replace(year=self.jubilee_year, day=28)


class TwinningAgreement(JubileeMixin, models.Model):
    """A twinning or cooperation agreement between a region of each country."""

    class Kind(models.TextChoices):
        TWINNING = "twinning", _("twinning")
        COOPERATION = "cooperation", _("cooperation")

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        SUSPENDED = "suspended", _("suspended")
        ENDED = "ended", _("ended")

    mission_region = models.ForeignKey(
        Region,
        verbose_name=_("party of the mission's country"),
        on_delete=models.PROTECT,
        related_name="agreements_as_mission_party",
        limit_choices_to=mission_country_regions,
    )
    host_region = models.ForeignKey(
        Region,
        verbose_name=_("party of the host country"),
        on_delete=models.PROTECT,
        related_name="agreements_as_host_party",
        limit_choices_to=host_country_regions,
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.TWINNING)
    year = models.PositiveSmallIntegerField(
        _("year signed"),
        db_index=True,
        validators=[MinValueValidator(FIRST_AGREEMENT_YEAR), validate_not_future_year],
    )
    signed_on = models.DateField(
        _("date signed"),
        null=True,
        blank=True,
        help_text=_("Optional; when given it must fall in the year signed."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.ACTIVE)
    notes = models.TextField(_("notes"), blank=True)
    document = DocumentField(
        _("scanned document"),
        upload_to="agreements/",
        blank=True,
        validators=[FileExtensionValidator(["pdf"])],
        help_text=_(
            "The signed agreement as a PDF file. Visitors download it from the agreement's page."
        ),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = TwinningAgreementQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "pk"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        constraints = [
            models.UniqueConstraint(
                fields=["mission_region", "host_region", "kind"],
                name="unique_agreement_per_pair_and_kind",
                violation_error_message=_(
                    "These two regions already have an agreement of this kind."
                ),
            ),
            # The upper bound is the current year; the database holds a fixed ceiling and the
            # model's validator the moving one.
            models.CheckConstraint(
                condition=Q(year__gte=FIRST_AGREEMENT_YEAR, year__lte=2100),
                name="agreement_year_in_range",
                violation_error_message=_("The year must lie between 1990 and this year."),
            ),
            models.CheckConstraint(
                condition=~Q(mission_region=models.F("host_region")),
                name="agreement_parties_differ",
                violation_error_message=_("An agreement needs two different regions."),
            ),
        ]

    def __str__(self):
        return f"{self.mission_region} – {self.host_region} ({self.year})"

    def get_absolute_url(self):
        return reverse("cooperation:agreement_list") + f"?region={self.mission_region.slug}"

    def clean(self):
        super().clean()
        errors = {}
        for field, country in (
            ("mission_region", settings.COOPERATION_MISSION_COUNTRY),
            ("host_region", settings.COOPERATION_HOST_COUNTRY),
        ):
            party = getattr(self, field) if getattr(self, f"{field}_id") else None
            if party is not None and party.country != country:
                errors[field] = _("This party must be a region of %(country)s.") % {
                    "country": country_name(country)
                }
        if self.signed_on and self.year and self.signed_on.year != self.year:
            errors["signed_on"] = _("The date signed must fall in the year signed (%(year)s).") % {
                "year": self.year
            }
        if errors:
            raise ValidationError(errors)

    def natural_key(self):
        return (self.mission_region.slug, self.host_region.slug, self.kind)

    natural_key.dependencies = ["cooperation.region"]

    @property
    def parties(self):
        """The region of the mission's country, then the host country's."""
        return [self.mission_region, self.host_region]
