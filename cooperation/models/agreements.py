"""Agreements: twinning and cooperation agreements between a region of each country."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MinValueValidator
from django.db import models
from django.db.models import Case, CharField, Count, DateField, Exists, OuterRef, Q, Value, When
from django.db.models.functions import Cast, Coalesce, Concat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..addresses import cached_reverse
from ..countries import country_name, host_country_regions, mission_country_regions
from ..documents import DocumentField
from ..transliteration import contains_text
from .exchanges import worked_out_last_exchange
from .jubilees import JubileeMixin, JubileeQuerySet, same_day_in
from .regions import Region

FIRST_AGREEMENT_YEAR = 1990


def validate_not_future_year(year):
    if year is not None and year > datetime.date.today().year:
        raise ValidationError(
            _("The year %(year)s has not come yet."), code="future_year", params={"year": year}
        )


def dormant_since(today):
    """A partnership silent since before this day is dormant."""
    return same_day_in(today.year - settings.COOPERATION_DORMANT_AFTER_YEARS, today)


class TwinningAgreementQuerySet(JubileeQuerySet):
    def get_by_natural_key(self, mission_slug, host_slug, kind):
        return self.get(mission_region__slug=mission_slug, host_region__slug=host_slug, kind=kind)

    def with_parties(self):
        return self.select_related("mission_region", "host_region")

    def listed(self):
        """With only the fields of their parties that lists and maps show."""
        party = ["slug", "name", "kind", "country", "latitude", "longitude"]
        sides = ["mission_region", "host_region"]
        fields = [f"{side}__{field}" for side in sides for field in party]
        return self.with_parties().only("year", "signed_on", "kind", "status", *fields)

    def party_count(self):
        agreements = self.order_by()
        return Region.objects.filter(
            Exists(agreements.filter(mission_region=OuterRef("pk")))
            | Exists(agreements.filter(host_region=OuterRef("pk")))
        ).count()

    def per_year(self):
        return self.order_by().values("year").annotate(count=Count("pk"))

    def search(self, text, sides=("mission_region", "host_region")):
        condition = Q()
        for side in sides:
            condition |= contains_text(f"{side}__search_names", text)
        return self.filter(condition)

    def involving(self, region):
        """Agreements of the region or of any unit below it, on either side."""
        units = Region.objects.within(region).values("pk")
        return self.filter(Q(mission_region__in=units) | Q(host_region__in=units))

    def with_last_exchange(self):
        """Annotate `last_exchange` (stored, or worked out once `recorded_until` has passed) and
        `silent_since`, that day or else the day signed."""
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
        return self.with_last_exchange().filter(
            Q(recorded_last_exchange__gte=day)
            | Q(recorded_until__lte=timezone.now(), last_exchange__gte=day)
        )

    def dormant(self, since):
        return self.with_last_exchange().filter(self._dormant(since))

    def not_dormant(self, since):
        return self.with_last_exchange().exclude(self._dormant(since))

    def _dormant(self, since):
        return Q(silent_since__lt=since) & ~Q(status=TwinningAgreement.Status.ENDED)


class TwinningAgreement(JubileeMixin, models.Model):
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
    # Kept by cooperation.activity, read through with_last_exchange().
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
            # The validator holds the moving upper bound, the current year.
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
        return cached_reverse("cooperation:agreement_detail", pk=self.pk, slug=self.address_slug)

    @property
    def address_slug(self):
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

    @property
    def parties(self):
        return [self.mission_region, self.host_region]
