"""Regions of both countries, the agreements between them, delegation visits and news photos."""

import datetime
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import (
    FileExtensionValidator,
    MaxValueValidator,
    MinValueValidator,
)
from django.db import models
from django.db.models import Case, Count, Q, Value, When
from django.db.models.functions import Concat, ExtractDay, ExtractMonth, Substr
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from embassy.models import PublicationQuerySet, Publishable, sanitize_translated_rich_text

from .fields import PhotoField
from .images import JPEG, photo_renditions

FIRST_AGREEMENT_YEAR = 1990
# The anniversaries of an agreement that the embassy marks with events.
JUBILEE_AGES = (5, 10, 15, 20, 25, 30)
COUNTRY_NAMES = {"BY": _("Belarus"), "BG": _("Bulgaria")}


def country_choices():
    """The mission's own country and the host country, as configured in settings."""
    codes = [settings.COOPERATION_MISSION_COUNTRY, settings.COOPERATION_HOST_COUNTRY]
    return [(code, COUNTRY_NAMES.get(code, code)) for code in codes]


def mission_country_regions():
    return {"country": settings.COOPERATION_MISSION_COUNTRY}


def host_country_regions():
    return {"country": settings.COOPERATION_HOST_COUNTRY}


def validate_not_future_year(year):
    if year is not None and year > datetime.date.today().year:
        raise ValidationError(
            _("The year %(year)s has not come yet."), code="future_year", params={"year": year}
        )


def search_term(text):
    """A visitor's search text in the form of Region.search_names."""
    return " ".join(text.split()).casefold()


class RegionQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def search(self, text):
        return self.filter(search_names__contains=search_term(text))

    def within(self, region):
        """The region and every unit below it, in one indexed query on the materialized path."""
        return self.filter(path__startswith=region.path)

    def in_country(self, code):
        return self.filter(country=code)

    def by_country(self):
        """The mission's own country first, then the host country; each as a tree."""
        mission_first = Case(
            When(country=settings.COOPERATION_MISSION_COUNTRY, then=Value(0)), default=Value(1)
        )
        return self.order_by(mission_first, "path")

    def oblasts(self):
        return self.filter(kind=Region.Kind.OBLAST)


class RegionKind(models.TextChoices):
    OBLAST = "oblast", _("oblast")
    DISTRICT = "district", _("district")
    MUNICIPALITY = "municipality", _("municipality")
    CITY = "city", _("city")
    TOWN = "town", _("town")
    VILLAGE_COUNCIL = "village_council", _("village council")
    VILLAGE = "village", _("village")


class Region(models.Model):
    """One administrative unit of either country, at any level of the hierarchy."""

    Kind = RegionKind

    # A parent must stand on a lower level than its child: an oblast holds districts and
    # municipalities, those hold towns and village councils, a village council holds villages.
    LEVELS = {
        Kind.OBLAST: 1,
        Kind.DISTRICT: 2,
        Kind.MUNICIPALITY: 2,
        Kind.CITY: 3,
        Kind.TOWN: 3,
        Kind.VILLAGE_COUNCIL: 3,
        Kind.VILLAGE: 4,
    }

    country = models.CharField(_("country"), max_length=2, choices=country_choices)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("lies in"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_(
            "The unit this one lies in: an oblast for a district, a district for a village council."
        ),
    )
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("Latin letters, digits and hyphens; the region's address in every language."),
    )
    path = models.CharField(_("path"), max_length=255, editable=False, db_index=True)
    # The names in every language, case-folded in Python: text search then matches Cyrillic
    # the same way on SQLite (whose LIKE folds only ASCII) and on PostgreSQL.
    search_names = models.TextField(_("names for search"), editable=False, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=7,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Degrees north, e.g. 52.0976 for Brest."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=7,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Degrees east, e.g. 23.7341 for Brest."),
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    coat_of_arms = PhotoField(
        _("coat of arms"),
        upload_to="regions/arms/",
        blank=True,
        help_text=_("A JPEG, PNG or WebP image; SVG files are not accepted."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["country", "path"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=RegionKind.values), name="region_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="region_latitude_in_range",
                violation_error_message=_("The latitude must lie between -90 and 90 degrees."),
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="region_longitude_in_range",
                violation_error_message=_("The longitude must lie between -180 and 180 degrees."),
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="region_coordinates_together",
                violation_error_message=_("Give both the latitude and the longitude, or neither."),
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        old_path = self.path
        self.path = self.build_path()
        self.search_names = self.build_search_names()
        super().save(*args, **kwargs)
        if old_path and old_path != self.path:
            # Moving or renaming a region moves everything below it too.
            Region.objects.filter(path__startswith=old_path).exclude(pk=self.pk).update(
                path=Concat(Value(self.path), Substr("path", len(old_path) + 1))
            )

    def get_absolute_url(self):
        return reverse("cooperation:region_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        countries = [code for code, _name in country_choices()]
        if self.country and self.country not in countries:
            raise ValidationError({"country": _("Choose one of the two countries.")})
        if self.parent_id is None or not self.kind:
            return
        parent = self.parent
        if parent.country != self.country:
            raise ValidationError(
                {"parent": _("A region can only lie in a region of the same country.")}
            )
        if parent.level >= self.level:
            raise ValidationError(
                {
                    "parent": _("A %(kind)s cannot lie in a %(parent_kind)s.")
                    % {"kind": self.get_kind_display(), "parent_kind": parent.get_kind_display()}
                }
            )
        if self.pk and (parent.pk == self.pk or parent.path.startswith(self.path)):
            raise ValidationError({"parent": _("A region cannot lie in itself or below itself.")})

    def natural_key(self):
        return (self.slug,)

    @property
    def level(self):
        return self.LEVELS[self.kind]

    @property
    def depth(self):
        """0 for a unit at the top of its country's hierarchy, 1 for one below it, and so on."""
        return self.path.count("/") - 2

    def ancestors(self):
        """The units above this one, from the top down, in one query."""
        slugs = self.path.strip("/").split("/")[:-1]
        by_slug = Region.objects.in_bulk(slugs, field_name="slug")
        return [by_slug[slug] for slug in slugs if slug in by_slug]

    def build_search_names(self):
        names = (getattr(self, f"name_{code}", None) for code, _name in settings.LANGUAGES)
        return "\n".join(name for name in names if name).casefold()

    def build_path(self):
        prefix = self.parent.path if self.parent_id else "/"
        return f"{prefix}{self.slug}/"


class Jubilee(NamedTuple):
    """An agreement and the year in which it turns a round age."""

    agreement: "TwinningAgreement"
    year: int

    @property
    def age(self):
        return self.year - self.agreement.year

    @property
    def date(self):
        """The anniversary's day when the signing date is known (28 February for a 29th)."""
        signed_on = self.agreement.signed_on
        if signed_on is None:
            return None
        try:
            return signed_on.replace(year=self.year)
        except ValueError:
            return signed_on.replace(year=self.year, day=28)


def jubilee_years(today):
    """The years whose jubilees are announced on `today`: this one and the next."""
    return (today.year, today.year + 1)


class TwinningAgreementQuerySet(models.QuerySet):
    def get_by_natural_key(self, mission_slug, host_slug, kind):
        return self.get(mission_region__slug=mission_slug, host_region__slug=host_slug, kind=kind)

    def with_parties(self):
        return self.select_related("mission_region", "host_region")

    def party_count(self):
        """How many regions are a party to at least one of these agreements."""
        mission_parties = self.order_by().values_list("mission_region_id")
        host_parties = self.order_by().values_list("host_region_id")
        return mission_parties.union(host_parties).count()

    def per_year(self):
        """Rows of {"year", "count"}: how many agreements were signed each year."""
        return self.order_by().values("year").annotate(count=Count("pk"))

    def search(self, text, sides=("mission_region", "host_region")):
        """Agreements with the text in a party's name, in any language."""
        term = search_term(text)
        condition = Q()
        for side in sides:
            condition |= Q(**{f"{side}__search_names__contains": term})
        return self.filter(condition)

    def involving(self, region):
        """Agreements of the region or of any unit below it, on either side."""
        return self.filter(
            Q(mission_region__path__startswith=region.path)
            | Q(host_region__path__startswith=region.path)
        )

    def jubilees(self, today, limit=None):
        """The agreements (not ended) that turn one of JUBILEE_AGES this year or next, as Jubilee
        pairs in the order of the anniversaries, those without a known day last in their year;
        the first `limit` of them, in one query."""
        this_year, next_year = jubilee_years(today)
        jubilees = (
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
            .order_by(
                "jubilee_year",
                ExtractMonth("signed_on").asc(nulls_last=True),
                ExtractDay("signed_on").asc(nulls_last=True),
                "pk",
            )
            .with_parties()
        )
        return [Jubilee(agreement, agreement.jubilee_year) for agreement in jubilees[:limit]]


class TwinningAgreement(models.Model):
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
    document = models.FileField(
        _("scanned document"),
        upload_to="agreements/",
        blank=True,
        validators=[FileExtensionValidator(["pdf"])],
        help_text=_("The signed agreement as a PDF file."),
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
        mission_country = settings.COOPERATION_MISSION_COUNTRY
        host_country = settings.COOPERATION_HOST_COUNTRY
        if self.mission_region_id and self.mission_region.country != mission_country:
            errors["mission_region"] = _("This party must be a region of %(country)s.") % {
                "country": COUNTRY_NAMES.get(mission_country, mission_country)
            }
        if self.host_region_id and self.host_region.country != host_country:
            errors["host_region"] = _("This party must be a region of %(country)s.") % {
                "country": COUNTRY_NAMES.get(host_country, host_country)
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


class PublishableQuerySet(PublicationQuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class VisitQuerySet(PublishableQuerySet):
    def involving(self, region):
        """Visits held in the region or below it, or in which such a unit took part."""
        return self.filter(
            Q(location__path__startswith=region.path) | Q(regions__path__startswith=region.path)
        ).distinct()


class NewsPhotoQuerySet(PublishableQuerySet):
    def showing(self, region):
        """Photos of the region or of any unit below it."""
        return self.filter(regions__path__startswith=region.path).distinct()


class Visit(Publishable):
    """An exchange of delegations, an ambassador's visit, or a meeting of twinned cities."""

    class Kind(models.TextChoices):
        DELEGATION = "delegation", _("exchange of delegations")
        AMBASSADOR = "ambassador", _("ambassador's visit")
        TWIN_CITIES_MEETING = "twin_cities_meeting", _("meeting of twinned cities")
        OTHER = "other", _("other")

    class DatePrecision(models.TextChoices):
        DAY = "day", _("exact day")
        MONTH = "month", _("month only")

    kind = models.CharField(_("kind"), max_length=30, choices=Kind)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    date_precision = models.CharField(
        _("date known to"),
        max_length=10,
        choices=DatePrecision,
        default=DatePrecision.DAY,
        help_text=_("Choose “month only” when the sources give only the month."),
    )
    location = models.ForeignKey(
        Region,
        verbose_name=_("where"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="visits_hosted",
    )
    regions = models.ManyToManyField(
        Region,
        verbose_name=_("regions taking part"),
        through="VisitRegion",
        related_name="visits",
        blank=True,
    )
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(
        _("text"),
        blank=True,
        help_text=_(
            "Headings, paragraphs, lists, links, bold and italic. Anything else is removed."
        ),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = VisitQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "pk"]
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        permissions = [("publish_visit", _("Can publish and withdraw visits"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="visit_ends_after_start",
                violation_error_message=_("The end date cannot come before the start date."),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        sanitize_translated_rich_text(self, "body")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("cooperation:visit_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("The end date cannot come before the start date.")}
            )

    def natural_key(self):
        return (self.slug,)


class VisitRegionManager(models.Manager):
    def get_by_natural_key(self, visit_slug, region_slug):
        return self.get(visit__slug=visit_slug, region__slug=region_slug)


class VisitRegion(models.Model):
    """A region taking part in a visit; a region with visits cannot be deleted."""

    visit = models.ForeignKey(Visit, verbose_name=_("visit"), on_delete=models.CASCADE)
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT)

    objects = VisitRegionManager()

    class Meta:
        verbose_name = _("region taking part")
        verbose_name_plural = _("regions taking part")
        constraints = [
            models.UniqueConstraint(fields=["visit", "region"], name="unique_visit_region"),
        ]

    def __str__(self):
        return str(self.region)

    def natural_key(self):
        return (*self.visit.natural_key(), *self.region.natural_key())

    natural_key.dependencies = ["cooperation.visit", "cooperation.region"]


class NewsPhoto(Publishable):
    """A news entry built around one photo."""

    image = PhotoField(
        _("photo"),
        upload_to="news/%Y/",
        width_field="width",
        height_field="height",
        help_text=_(
            "A JPEG, PNG or WebP photo straight from the camera or the phone. It is turned "
            "upright and its location and camera data are removed; pages show resized copies."
        ),
    )
    width = models.PositiveIntegerField(_("width"), null=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    caption = models.TextField(_("caption"), blank=True)
    alt_text = models.CharField(
        _("text alternative"),
        max_length=300,
        blank=True,
        help_text=_("What the photo shows, for visitors who cannot see it. Required to publish."),
    )
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    taken_on = models.DateField(_("date taken"), null=True, blank=True)
    visit = models.ForeignKey(
        Visit,
        verbose_name=_("visit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="photos",
    )
    regions = models.ManyToManyField(
        Region,
        verbose_name=_("regions shown"),
        through="NewsPhotoRegion",
        related_name="photos",
        blank=True,
    )
    is_featured = models.BooleanField(
        _("featured"),
        default=False,
        help_text=_("Show this photo on the regional cooperation page (the newest one is shown)."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = NewsPhotoQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "pk"]
        verbose_name = _("news photo")
        verbose_name_plural = _("news photos")
        permissions = [("publish_newsphoto", _("Can publish and withdraw news photos"))]

    def __str__(self):
        return self.title

    @classmethod
    def from_db(cls, db, field_names, values):
        photo = super().from_db(db, field_names, values)
        # The name of the file in the database, to find the renditions of a replaced photo.
        if "image" in photo.__dict__:
            photo.stored_image_name = photo.image.name
        return photo

    def get_absolute_url(self):
        return reverse("cooperation:news_detail", kwargs={"slug": self.slug})

    def renditions(self, formats=None):
        """The resized copies of the photo that pages show, smallest first, WebP then JPEG."""
        return photo_renditions(self.image, self.width, self.height, formats)

    def shared_rendition(self):
        """The copy other sites show (social previews, feeds): the largest JPEG, or None."""
        jpeg = self.renditions(formats=[JPEG])
        return jpeg[-1] if jpeg else None

    def clean(self):
        super().clean()
        # Translated fields fall back to another language when read; the rule is on the
        # default language's own column.
        default_alt_text = getattr(
            self, f"alt_text_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}", ""
        )
        if self.status == self.Status.PUBLISHED and not default_alt_text:
            raise ValidationError(
                {"alt_text": _("Describe the photo in the text alternative before publishing it.")}
            )

    def natural_key(self):
        return (self.slug,)


class NewsPhotoRegionManager(models.Manager):
    def get_by_natural_key(self, photo_slug, region_slug):
        return self.get(photo__slug=photo_slug, region__slug=region_slug)


class NewsPhotoRegion(models.Model):
    """A region shown in a news photo; a region with photos cannot be deleted."""

    photo = models.ForeignKey(NewsPhoto, verbose_name=_("news photo"), on_delete=models.CASCADE)
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT)

    objects = NewsPhotoRegionManager()

    class Meta:
        verbose_name = _("region shown")
        verbose_name_plural = _("regions shown")
        constraints = [
            models.UniqueConstraint(fields=["photo", "region"], name="unique_photo_region"),
        ]

    def __str__(self):
        return str(self.region)

    def natural_key(self):
        return (*self.photo.natural_key(), *self.region.natural_key())

    natural_key.dependencies = ["cooperation.newsphoto", "cooperation.region"]
