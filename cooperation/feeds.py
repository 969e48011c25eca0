"""RSS and Atom feeds of the published news photos and visits, in every language."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, format_html
from django.utils.translation import gettext_lazy as _

from embassy.sites import absolute_url

from .models import NewsPhoto, Visit

FEED_LENGTH = 20


class PublishedEntryFeed(Feed):
    def item_pubdate(self, entry):
        return entry.publish_at

    def item_updateddate(self, entry):
        return entry.updated_at


class NewsPhotoFeed(PublishedEntryFeed):
    title = _("News from the regional cooperation of Belarus and Bulgaria")
    description = _("Photos from the meetings of Belarusian and Bulgarian regions.")

    def link(self):
        return reverse("cooperation:news_list")

    def items(self):
        photos = list(NewsPhoto.objects.published()[:FEED_LENGTH])
        for photo in photos:
            photo.shared_image = photo.image.renditions.shared
            photo.absolute_image_url = (
                absolute_url(photo.shared_image.url) if photo.shared_image else ""
            )
        return photos

    def item_title(self, photo):
        return photo.title

    def item_description(self, photo):
        return format_html(
            '<p><img src="{}" alt="{}" width="{}" height="{}"></p><p>{}</p>',
            photo.absolute_image_url,
            photo.alt_text,
            photo.shared_image.width if photo.shared_image else "",
            photo.shared_image.height if photo.shared_image else "",
            photo.caption,
        )

    def item_author_name(self, photo):
        return photo.credit or None

    def item_enclosure_url(self, photo):
        return photo.absolute_image_url

    def item_enclosure_length(self, photo):
        try:
            return photo.image.storage.size(photo.shared_image.name) if photo.shared_image else 0
        except OSError:  # The file is missing from the storage: the feed still works.
            return 0

    def item_enclosure_mime_type(self, photo):
        return photo.shared_image.media_type if photo.shared_image else "image/jpeg"


class NewsPhotoAtomFeed(NewsPhotoFeed):
    feed_type = Atom1Feed
    subtitle = NewsPhotoFeed.description


class VisitFeed(PublishedEntryFeed):
    title = _("Visits between the regions of Belarus and Bulgaria")
    description = _("Exchanges of delegations, ambassadors' visits, meetings of twinned cities.")

    def link(self):
        return reverse("cooperation:visit_list")

    def items(self):
        return Visit.objects.published().order_by("-publish_at", "pk")[:FEED_LENGTH]

    def item_title(self, visit):
        return visit.title

    def item_description(self, visit):
        return escape(visit.summary)  # Feed readers take descriptions as HTML.

    def item_categories(self, visit):
        return [visit.get_kind_display()]


class VisitAtomFeed(VisitFeed):
    feed_type = Atom1Feed
    subtitle = VisitFeed.description
