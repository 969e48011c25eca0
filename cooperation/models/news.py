"""News photos: a news entry built around one photo."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from editorial.models import PublicationQuerySet, Publishable
from photos.fields import PhotoField

from .regions import Region, RegionLink
from .searchable import SearchableText
from .visits import Visit


class NewsPhotoQuerySet(PublicationQuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def exchange_regions(self):
        return Region.objects.filter(
            pk__in=NewsPhotoRegion.objects.filter(photo__in=self).values("region")
        )

    def showing(self, region):
        """Photos of the region or of any unit below it."""
        units = Region.objects.within(region).values("pk")
        return self.filter(pk__in=NewsPhotoRegion.objects.filter(region__in=units).values("photo"))

    def with_details(self):
        return self.select_related("visit").prefetch_related("regions")


class NewsPhoto(Publishable, SearchableText):
    searched_fields = ("title", "caption")

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

    def get_absolute_url(self):
        return reverse("cooperation:news_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        # The default language's own column, the one the form shows, without fallback.
        default_alt_text = build_localized_fieldname(
            "alt_text", settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        )
        if self.status == self.Status.PUBLISHED and not getattr(self, default_alt_text, ""):
            message = _("Describe the photo in the text alternative before publishing it.")
            raise ValidationError({default_alt_text: message})

    def natural_key(self):
        return (self.slug,)


class NewsPhotoRegion(RegionLink):
    entry_field = "photo"

    photo = models.ForeignKey(NewsPhoto, verbose_name=_("news photo"), on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("region shown")
        verbose_name_plural = _("regions shown")
        constraints = [
            models.UniqueConstraint(fields=["photo", "region"], name="unique_photo_region"),
        ]

    def natural_key(self):
        return super().natural_key()

    natural_key.dependencies = ["cooperation.newsphoto", "cooperation.region"]
