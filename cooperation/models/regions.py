"""Regions: the administrative units of both countries, at every level, as one hierarchy."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import BooleanField, Expression, F, Q, Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext_lazy as _

from photos.fields import PhotoField

from ..addresses import cached_reverse
from ..countries import country_choices, mission_country_first
from ..transliteration import contains_text, search_lines


class WithinPath(Expression):
    """`path__startswith=ancestor` as a range on the path's index, which works for an OuterRef
    ancestor, unlike LIKE. Path characters all sort before "~"; compared byte-wise."""

    output_field = BooleanField()
    AFTER_EVERY_PATH_CHARACTER = "~"

    def __init__(self, path, ancestor):
        super().__init__()
        self.path = F(path)
        self.ancestor = ancestor if hasattr(ancestor, "resolve_expression") else Value(ancestor)

    def get_source_expressions(self):
        return [self.path, self.ancestor]

    def set_source_expressions(self, expressions):
        self.path, self.ancestor = expressions

    def as_sql(self, compiler, connection, at_least=">=", below="<"):
        path, path_params = compiler.compile(self.path)
        ancestor, ancestor_params = compiler.compile(self.ancestor)
        sql = f"({path} {at_least} {ancestor} AND {path} {below} ({ancestor} || %s))"
        params = (*path_params, *ancestor_params, *path_params, *ancestor_params)
        return sql, (*params, self.AFTER_EVERY_PATH_CHARACTER)

    def as_postgresql(self, compiler, connection):
        return self.as_sql(compiler, connection, at_least="~>=~", below="~<~")


class RegionQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def search(self, text):
        return self.filter(contains_text("search_names", text))

    def within(self, region):
        return self.filter(path__startswith=region.path)

    def above(self, *regions):
        return self.filter(slug__in={slug for region in regions for slug in region.path_above()})

    def in_country(self, code):
        return self.filter(country=code)

    def by_country(self):
        """The mission's own country first, then the host country; each as a tree."""
        return self.order_by(mission_country_first(), "path")

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
    # Every language's names case-folded and in Latin letters (cooperation.transliteration).
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
        width_field="coat_of_arms_width",
        height_field="coat_of_arms_height",
        help_text=_("A JPEG, PNG or WebP image; SVG files are not accepted."),
    )
    coat_of_arms_width = models.PositiveIntegerField(null=True, editable=False)
    coat_of_arms_height = models.PositiveIntegerField(null=True, editable=False)
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
        self.fill_derived_fields()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return cached_reverse("cooperation:region_detail", slug=self.slug)

    def get_kind_display(self):
        # Django's translates every kind's name on each call, and lists show hundreds of regions.
        return dict(self.Kind.choices).get(self.kind, self.kind)

    def clean(self):
        super().clean()
        countries = [code for code, _name in country_choices()]
        if self.country and self.country not in countries:
            raise ValidationError({"country": _("Choose one of the two countries.")})
        # The parent itself, not its id: an import's parent may not be saved yet.
        parent = self.parent
        if parent is None or not self.kind:
            return
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

    def fill_derived_fields(self):
        self.path = self.build_path()
        self.search_names = self.build_search_names()

    @property
    def level(self):
        return self.LEVELS[self.kind]

    @property
    def depth(self):
        return self.path.count("/") - 2

    def path_above(self):
        return self.path.strip("/").split("/")[:-1]

    def ancestors(self, among=None):
        """The units above this one, top first, read or picked from `among`."""
        among = Region.objects.above(self) if among is None else among
        by_slug = {region.slug: region for region in among}
        return [by_slug[slug] for slug in self.path_above() if slug in by_slug]

    def build_search_names(self):
        return search_lines(
            [(code, getattr(self, f"name_{code}", None)) for code, _name in settings.LANGUAGES]
        )

    def build_path(self):
        prefix = self.parent.path if self.parent is not None else "/"
        return f"{prefix}{self.slug}/"

    def moved_from(self, old_path):
        Region.objects.filter(path__startswith=old_path).exclude(pk=self.pk).update(
            path=Concat(Value(self.path), Substr("path", len(old_path) + 1))
        )


class RegionLinkQuerySet(models.QuerySet):
    def get_by_natural_key(self, entry_slug, region_slug):
        return self.get(
            **{f"{self.model.entry_field}__slug": entry_slug, "region__slug": region_slug}
        )

    def entries(self):
        return self.model.entry_model()._default_manager.filter(
            pk__in=self.values(self.model.entry_field)
        )

    def exchange_regions(self):
        return self.entries().exchange_regions()


class RegionLink(models.Model):
    """A region linked to an entry (taking part in a visit, shown in a photo)."""

    entry_field = None  # The name of the foreign key to the entry.

    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT)

    objects = RegionLinkQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self):
        return str(self.region)

    def get_absolute_url(self):
        return getattr(self, self.entry_field).get_absolute_url()

    @classmethod
    def entry_model(cls):
        return cls._meta.get_field(cls.entry_field).related_model

    def natural_key(self):
        return (*getattr(self, self.entry_field).natural_key(), *self.region.natural_key())
