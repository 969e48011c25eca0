"""The admin of news photos: the photo as a thumbnail in the list and the form."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import get_translation_fields

from editorial.admin import PublishableAdmin, TranslatedAdmin
from photos.fields import make_missing_renditions
from photos.renditions import WEBP

from ..models import NewsPhoto, NewsPhotoRegion


class NewsPhotoRegionInline(admin.TabularInline):
    model = NewsPhotoRegion
    autocomplete_fields = ["region"]
    extra = 1


def thumbnail(photo, size, loading="eager"):
    """The smallest WebP rendition sharp on a high-density screen at `size` CSS pixels wide."""
    rendition = photo.image.renditions.closest(2 * size, WEBP)
    if rendition is None:
        return "—"
    return format_html(
        '<img src="{}" alt="" width="{}" height="{}" loading="{}" decoding="async">',
        rendition.url,
        size,
        round(size * rendition.height / rendition.width),
        loading,
    )


@admin.register(NewsPhoto)
class NewsPhotoAdmin(PublishableAdmin, TranslatedAdmin):
    list_display = ["list_thumbnail", "title", "taken_on", "status", "publish_at", "is_featured"]
    publication_fields = ["status", "publish_at", "is_featured"]
    list_display_links = ["list_thumbnail", "title"]
    list_filter = ["status", "is_featured", "publish_at"]
    search_fields = [*get_translation_fields("title"), "slug"]
    autocomplete_fields = ["visit"]
    prepopulated_fields = {"slug": ["title_en"]}
    readonly_fields = ["form_thumbnail", "width", "height"]
    inlines = [NewsPhotoRegionInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "image", "form_thumbnail", ("width", "height")]}),
        (_("Description"), {"fields": ["caption", "alt_text", "credit", "taken_on", "visit"]}),
        (_("Publication"), {"fields": ["status", "publish_at", "is_featured"]}),
    ]

    @admin.display(description=_("photo"))
    def list_thumbnail(self, photo):
        return thumbnail(photo, 80, loading="lazy")

    @admin.display(description=_("preview"))
    def form_thumbnail(self, photo):
        return thumbnail(photo, 320)

    def version_restored(self, request, entry):
        make_missing_renditions(entry)
