"""Site-wide content: translated pages and the footer's links to other diplomatic missions."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from editorial.models import PublicationQuerySet, Publishable
from editorial.rich_text import RichTextField


class PageQuerySet(PublicationQuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Page(Publishable):
    """A translated rich-text page of the site, at /<language>/pages/<slug>/."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("The page's address; the same in every language."),
    )
    body = RichTextField(_("body"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        permissions = [("publish_page", _("Can publish and withdraw pages"))]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("page", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)


class MissionLinkQuerySet(models.QuerySet):
    def get_by_natural_key(self, url):
        return self.get(url=url)

    def shown(self):
        return self.filter(is_active=True)


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

    def get_absolute_url(self):
        return self.url

    def natural_key(self):
        return (self.url,)
