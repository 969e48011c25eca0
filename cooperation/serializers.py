"""The public data as JSON: regions, agreements, published visits and news photos, in the active
language, each with the absolute `url` of its public page."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from embassy.sites import absolute_url

from .models import NewsPhoto, Region, TwinningAgreement, Visit


@extend_schema_field(OpenApiTypes.URI)
class AbsoluteURLField(serializers.ReadOnlyField):
    """A site-relative address, such as get_absolute_url's, made absolute."""

    def to_representation(self, value):
        return absolute_url(value)


class ImageSerializer(serializers.Serializer):
    url = serializers.URLField()
    width = serializers.IntegerField(allow_null=True)
    height = serializers.IntegerField(allow_null=True)
    type = serializers.CharField(help_text=_("The file's media type, e.g. image/webp."))


@extend_schema_field(ImageSerializer(many=True))
class RenditionsField(serializers.ReadOnlyField):
    """A photo field's renditions, smallest first, WebP then JPEG; [] without a file."""

    def to_representation(self, image):
        return [
            {
                "url": absolute_url(rendition.url),
                "width": rendition.width,
                "height": rendition.height,
                "type": rendition.media_type,
            }
            for rendition in image.renditions
        ]


class EntrySerializer(serializers.ModelSerializer):
    url = AbsoluteURLField(source="get_absolute_url")


class RegionReferenceSerializer(EntrySerializer):
    """A region named inside another entry: a party to an agreement, a visit's place."""

    class Meta:
        model = Region
        fields = ["slug", "name", "country", "kind", "url"]


class RegionSerializer(EntrySerializer):
    parent = serializers.SlugRelatedField(
        slug_field="slug",
        read_only=True,
        allow_null=True,
        help_text=_("The slug of the region this one lies in; null at the top of a country."),
    )
    coat_of_arms = RenditionsField(
        help_text=_("The region's coat of arms in several sizes; empty when there is none.")
    )

    class Meta:
        model = Region
        fields = [
            "slug",
            "name",
            "kind",
            "country",
            "parent",
            "latitude",
            "longitude",
            "coat_of_arms",
            "url",
        ]
        # Coordinates are numbers in JSON, as maps expect them, not strings.
        extra_kwargs = {
            "latitude": {"coerce_to_string": False},
            "longitude": {"coerce_to_string": False},
        }


class AgreementSerializer(EntrySerializer):
    parties = RegionReferenceSerializer(
        many=True,
        read_only=True,
        help_text=_("The region of the mission's country first, then the host country's."),
    )

    class Meta:
        model = TwinningAgreement
        fields = ["id", "year", "signed_on", "kind", "status", "parties", "url"]


class PhotoReferenceSerializer(EntrySerializer):
    """A news photo named inside another entry, such as the photos of a visit."""

    image = AbsoluteURLField(source="image.url", help_text=_("The original photo's address."))
    renditions = RenditionsField(
        source="image",
        help_text=_("Resized versions of the photo for screens of different widths."),
    )

    class Meta:
        model = NewsPhoto
        fields = ["slug", "title", "alt_text", "image", "width", "height", "renditions", "url"]
        extra_kwargs = {
            "alt_text": {"help_text": _("What the photo shows, for those who cannot see it.")}
        }


class VisitReferenceSerializer(EntrySerializer):
    class Meta:
        model = Visit
        fields = ["slug", "title", "url"]


class VisitSerializer(EntrySerializer):
    location = RegionReferenceSerializer(allow_null=True)
    regions = RegionReferenceSerializer(many=True, help_text=_("The regions taking part."))
    photos = PhotoReferenceSerializer(
        source="public_photos", many=True, help_text=_("The visit's published news photos.")
    )
    published_at = serializers.DateTimeField(source="publish_at")

    class Meta:
        model = Visit
        fields = [
            "slug",
            "kind",
            "title",
            "summary",
            "start_date",
            "end_date",
            "date_precision",
            "location",
            "regions",
            "photos",
            "published_at",
            "url",
        ]
        extra_kwargs = {
            "date_precision": {"help_text": _("“month” when only the month of the visit is known.")}
        }


class NewsPhotoSerializer(PhotoReferenceSerializer):
    """A news entry built around one photo."""

    regions = RegionReferenceSerializer(many=True, help_text=_("The regions the photo shows."))
    visit = serializers.SerializerMethodField(help_text=_("The visit the photo was taken on."))
    published_at = serializers.DateTimeField(source="publish_at")

    class Meta(PhotoReferenceSerializer.Meta):
        fields = [
            "slug",
            "title",
            "caption",
            "alt_text",
            "credit",
            "taken_on",
            "image",
            "width",
            "height",
            "renditions",
            "visit",
            "regions",
            "published_at",
            "url",
        ]

    @cached_property
    def visit_serializer(self):
        """One serializer for the visits of every photo of a list."""
        return VisitReferenceSerializer(context=self.context)

    @extend_schema_field(VisitReferenceSerializer(allow_null=True))
    def get_visit(self, photo):
        # A published photo may belong to a visit still in draft: that visit stays unnamed.
        if photo.visit is None or not photo.visit.is_published:
            return None
        return self.visit_serializer.to_representation(photo.visit)
