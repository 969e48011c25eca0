"""Site-wide content: translated pages and the footer's links to other diplomatic missions."""

import nh3
from django.conf import settings
from django.contrib.auth import get_permission_codename
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# What staff may use in rich text; everything else (scripts, event handlers, styles,
# javascript: links) is removed before the text is stored.
RICH_TEXT_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "strong",
    "b",
    "em",
    "i",
    "a",
    "blockquote",
}
RICH_TEXT_ATTRIBUTES = {"a": {"href", "title"}}
RICH_TEXT_URL_SCHEMES = {"http", "https", "mailto"}


def sanitize_rich_text(html):
    """Return `html` with only the allowed tags, attributes and link schemes kept."""
    return nh3.clean(
        html or "",
        tags=RICH_TEXT_TAGS,
        attributes=RICH_TEXT_ATTRIBUTES,
        url_schemes=RICH_TEXT_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def sanitize_translated_rich_text(instance, field_name):
    """Sanitize every language's column of a translated rich-text field, in place."""
    for code, _name in settings.LANGUAGES:
        column = f"{field_name}_{code}"
        if value := getattr(instance, column, None):
            setattr(instance, column, sanitize_rich_text(value))


class PublicationQuerySet(models.QuerySet):
    def published(self):
        """Entries the public may see: published, with a publish time already past."""
        return self.filter(status=Publishable.Status.PUBLISHED, publish_at__lte=timezone.now())

    def visible_to(self, user):
        """
        Staff who may view these entries in the admin also see drafts and scheduled entries,
        to preview them on their public URL; everyone else sees what is published.
        """
        if user.is_active and user.is_staff:
            opts = self.model._meta
            if any(
                user.has_perm(f"{opts.app_label}.{get_permission_codename(action, opts)}")
                for action in ("view", "change")
            ):
                return self.all()
        return self.published()


class Publishable(models.Model):
    """An entry with a publication state; a future publish time publishes it then, unattended."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status,
        default=Status.DRAFT,
        help_text=_("Drafts are visible to staff only."),
    )
    publish_at = models.DateTimeField(
        _("publish at"),
        default=timezone.now,
        db_index=True,
        help_text=_("A published entry appears on the site from this moment on."),
    )

    class Meta:
        abstract = True

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED and self.publish_at <= timezone.now()


class PageQuerySet(PublicationQuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Page(Publishable):
    """A translated rich-text page, such as the introduction of the regional cooperation page."""

    class ListOrder(models.TextChoices):
        OLDEST_FIRST = "oldest", _("oldest first")
        NEWEST_FIRST = "newest", _("newest first")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("The page's address; the same in every language."),
    )
    body = models.TextField(
        _("body"),
        blank=True,
        help_text=_(
            "Headings, paragraphs, lists, links, bold and italic. Anything else is removed."
        ),
    )
    list_order = models.CharField(
        _("order of lists"),
        max_length=10,
        choices=ListOrder,
        default=ListOrder.OLDEST_FIRST,
        help_text=_("For pages that list entries by year, such as the agreements."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        permissions = [("publish_page", _("Can publish and withdraw pages"))]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        for code, _name in settings.LANGUAGES:
            field = f"body_{code}"
            setattr(self, field, sanitize_rich_text(getattr(self, field, "")))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        if self.slug == "regional-cooperation":
            return reverse("cooperation:overview")
        return reverse("page", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)


class MissionLinkQuerySet(models.QuerySet):
    def get_by_natural_key(self, url):
        return self.get(url=url)


class MissionLink(models.Model):
    """One entry of the footer's "Belarusian Diplomatic Missions" selector."""

    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address"), unique=True)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Links are listed from the lowest number.")
    )
    is_active = models.BooleanField(_("shown"), default=True)

    objects = MissionLinkQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("diplomatic mission link")
        verbose_name_plural = _("diplomatic mission links")

    def __str__(self):
        return self.title

    def natural_key(self):
        return (self.url,)
