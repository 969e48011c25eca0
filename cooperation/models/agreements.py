"""Agreements: twinning and cooperation agreements between a region of each country."""

import datetime
from typing import NamedTuple

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MinValueValidator
from django.db import models
from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    DateTimeField,
    Exists,
    Func,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import (
    Cast,
    Coalesce,
    Concat,
    Greatest,
    Least,
    NullIf,
    TruncDate,
)
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editorial.models import Publishable

from ..addresses import agreement_addresses
from ..countries import country_name, host_country_regions, mission_country_regions
from ..documents import DocumentField
from ..transliteration import contains_text
from .regions import Region, WithinPath

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


def same_day_in(year, day):
    """The day and month of `day` in another year (28 February for a 29th)."""
    try:
        return day.replace(year=year)
    except ValueError:
        return day.replace(year=year, day=28)


def dormant_since(today):
    """A partnership silent since before this day is dormant: COOPERATION_DORMANT_AFTER_YEARS
    years before `today`."""
    return same_day_in(today.year - settings.COOPERATION_DORMANT_AFTER_YEARS, today)


class Jubilee(NamedTuple):
    year: int
    age: int
    day: datetime.date | None


# Stand for "none" inside the SQL of the activity's expressions: NULL would make SQLite's
# two-argument MAX() and MIN() NULL too, where PostgreSQL's GREATEST() and LEAST() skip it.
NO_EXCHANGE = datetime.date.min
NOTHING_SCHEDULED = datetime.datetime.max.replace(tzinfo=datetime.UTC)


def within(path):
    """A link row (a visit's or a photo's region) whose region lies at or below `path`."""
    return WithinPath("region__path", path)


def party_path(side, regions):
    """
    The path of an agreement's party (`side`: "mission_region" or "host_region"), read from a
    subquery one level below the agreement's query by a subquery of its own rather than a join:
    an UPDATE of the agreements cannot join.
    """
    return Subquery(regions.filter(pk=OuterRef(OuterRef(f"{side}_id"))).order_by().values("path"))


def exchange_rows(registry):
    """
    The link rows of the published visits and news photos that involve both parties of the
    agreement of the outer query, or units within them, as (rows, day, moment): each row's
    exchange happened on `day` and is public from `moment` on. Each set starts from the link
    rows of the regions below one party (WithinPath, a range on the paths' index) and joins the
    same visit's or photo's place or regions below the other party. The models come from
    `registry`, the app registry, or a migration's.
    """
    region, visit_link, photo_link = (
        registry.get_model("cooperation", name)
        for name in ("Region", "VisitRegion", "NewsPhotoRegion")
    )
    mission = party_path("mission_region", region.objects)
    host = party_path("host_region", region.objects)
    published = Publishable.Status.PUBLISHED
    visits = visit_link.objects.filter(visit__status=published)
    photos = photo_link.objects.filter(photo__status=published).annotate(
        day=Coalesce("photo__taken_on", TruncDate("photo__publish_at"))
    )
    visit, photo = ("visit__start_date", "visit__publish_at"), ("day", "photo__publish_at")
    return [
        # Joined by a unit of each party.
        (visits.filter(within(mission), WithinPath("visit__regions__path", host)), *visit),
        # Joined by a unit of one party, held at one of the other's.
        (visits.filter(within(mission), WithinPath("visit__location__path", host)), *visit),
        (visits.filter(within(host), WithinPath("visit__location__path", mission)), *visit),
        # A photo showing a unit of each party.
        (photos.filter(within(mission), WithinPath("photo__regions__path", host)), *photo),
    ]


def worked_out_last_exchange(now, registry=apps):
    """
    For the agreements of the query it is used in: the day of the latest visit or news photo
    published by `now` that involves both parties, or units within them, or None. Four
    correlated subqueries per agreement: the work that storing it (`recorded_last_exchange`)
    spares the reads.
    """
    none = Value(NO_EXCHANGE, output_field=DateField())
    latest = [
        Coalesce(
            Subquery(rows.filter(**{f"{moment}__lte": now}).order_by(f"-{day}").values(day)[:1]),
            none,
        )
        for rows, day, moment in exchange_rows(registry)
    ]
    return NullIf(Greatest(*latest), none)


def next_scheduled_exchange(now, registry=apps):
    """For the agreements of the query it is used in: when the first visit or news photo of
    both parties that is published but scheduled for after `now` comes out, or None."""
    nothing = Value(NOTHING_SCHEDULED, output_field=DateTimeField())
    soonest = [
        Coalesce(
            Subquery(rows.filter(**{f"{moment}__gt": now}).order_by(moment).values(moment)[:1]),
            nothing,
        )
        for rows, _day, moment in exchange_rows(registry)
    ]
    return NullIf(Least(*soonest), nothing)


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

    def with_last_exchange(self):
        """
        Each agreement with `last_exchange`: the day of the latest published visit or news photo
        that involves both parties, or units within them (None if there is none); and
        `silent_since`: that day or, for an agreement never visited, the day it was signed (the
        1st of January of its year when the day is unknown).

        Read from what is stored (`recorded_last_exchange`, kept up to date by
        cooperation.activity), with no subquery, except for an agreement whose pair has had a
        visit or photo come out since it was stored, one that was scheduled for later
        (`recorded_until` has passed): its last exchange is worked out afresh, so that it is
        exact at every moment without anything run at that moment.
        """
        now = timezone.now()
        last_exchange = Case(
            When(recorded_until__lte=now, then=worked_out_last_exchange(now)),
            default="recorded_last_exchange",
            output_field=DateField(),
        )
        new_year = Concat(Cast("year", CharField()), Value("-01-01"), output_field=CharField())
        return self.annotate(last_exchange=last_exchange).annotate(
            silent_since=Coalesce(
                "last_exchange", "signed_on", Cast(new_year, DateField()), output_field=DateField()
            )
        )

    def active_since(self, day):
        """Agreements with an exchange on or after `day`: found by the index of the recorded
        last exchange, which time only moves later (with_last_exchange()), and of the moments
        at which a scheduled one overtakes it."""
        return self.with_last_exchange().filter(
            Q(recorded_last_exchange__gte=day)
            | Q(recorded_until__lte=timezone.now(), last_exchange__gte=day)
        )

    def dormant(self, since):
        """Agreements not ended that have been silent since before `since` (see
        with_last_exchange()); `order_by("silent_since")` puts the longest silence first."""
        return self.with_last_exchange().filter(self._dormant(since))

    def not_dormant(self, since):
        return self.with_last_exchange().exclude(self._dormant(since))

    def _dormant(self, since):
        return Q(silent_since__lt=since) & ~Q(status=TwinningAgreement.Status.ENDED)

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
        return same_day_in(self.jubilee_year, self.signed_on)


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
    # The partnership's activity, stored so that reading it costs no subquery; kept up to date
    # by cooperation.activity wherever content changes, and read through with_last_exchange().
    recorded_last_exchange = models.DateField(
        _("last exchange (as recorded)"), null=True, editable=False, db_index=True
    )
    recorded_until = models.DateTimeField(
        _("last exchange recorded until"),
        null=True,
        editable=False,
        db_index=True,
        help_text=_(
            "When the first visit or news photo of the pair scheduled for later comes out; "
            "from then on the recorded last exchange may be behind."
        ),
    )

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

    def save(self, *args, **kwargs):
        from ..activity import refresh_last_exchange

        super().save(*args, **kwargs)
        # Its parties may have changed, and a new agreement may have had exchanges already.
        refresh_last_exchange(TwinningAgreement.objects.filter(pk=self.pk))

    def get_absolute_url(self):
        return agreement_addresses()(self.pk, self.address_slug)

    @property
    def address_slug(self):
        """The readable part of the agreement's address: its parties' slugs."""
        return f"{self.mission_region.slug}-{self.host_region.slug}"

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

    def next_jubilee(self, today):
        """
        The coming round anniversary (every five years), this year's or a later one: a Jubilee
        whose day is None when the signing day is unknown; None for an ended agreement.
        """
        if self.status == self.Status.ENDED:
            return None
        step = JUBILEE_AGES[0]
        age = max(step, -(-(today.year - self.year) // step) * step)
        year = self.year + age
        return Jubilee(year, age, same_day_in(year, self.signed_on) if self.signed_on else None)

    @property
    def parties(self):
        """The region of the mission's country, then the host country's."""
        return [self.mission_region, self.host_region]
