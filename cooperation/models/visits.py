"""Visits: exchanges of delegations, ambassadors' visits, meetings of twinned cities."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from editorial.models import PublicationQuerySet, Publishable
from editorial.rich_text import RichTextField

from .regions import Region, RegionLink
from .searchable import SearchableText


class VisitQuerySet(PublicationQuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def exchange_regions(self):
        return Region.objects.filter(
            Q(pk__in=self.values("location"))
            | Q(pk__in=VisitRegion.objects.filter(visit__in=self).values("region"))
        )

    def involving(self, region):
        """Visits held in or joined by the region or a unit below it."""
        units = Region.objects.within(region).values("pk")
        taking_part = VisitRegion.objects.filter(region__in=units).values("visit")
        return self.filter(Q(location__in=units) | Q(pk__in=taking_part))

    def with_details(self):
        """With the place, the regions taking part and the published `public_photos`."""
        photos = self.model._meta.get_field("photos").related_model.objects.published()
        return self.select_related("location").prefetch_related(
            "regions", Prefetch("photos", queryset=photos, to_attr="public_photos")
        )


class Visit(Publishable, SearchableText):
    searched_fields = ("title", "summary")

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
    body = RichTextField(_("text"), blank=True)
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


class VisitRegion(RegionLink):
    entry_field = "visit"

    visit = models.ForeignKey(Visit, verbose_name=_("visit"), on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("region taking part")
        verbose_name_plural = _("regions taking part")
        constraints = [
            models.UniqueConstraint(fields=["visit", "region"], name="unique_visit_region"),
        ]

    def natural_key(self):
        return super().natural_key()

    natural_key.dependencies = ["cooperation.visit", "cooperation.region"]
