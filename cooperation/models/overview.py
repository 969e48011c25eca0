"""The regional cooperation page's own text and the order of its list of agreements."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from editorial.models import PublicationQuerySet, Publishable
from editorial.rich_text import RichTextField


class OverviewPageQuerySet(PublicationQuerySet):
    def get_by_natural_key(self):
        return self.get()


class OverviewPage(Publishable):
    class ListOrder(models.TextChoices):
        OLDEST_FIRST = "oldest", _("oldest first")
        NEWEST_FIRST = "newest", _("newest first")

    title = models.CharField(_("title"), max_length=200)
    body = RichTextField(_("body"), blank=True)
    list_order = models.CharField(
        _("order of the agreements"),
        max_length=10,
        choices=ListOrder,
        default=ListOrder.OLDEST_FIRST,
        help_text=_("The order of the years in the page's list of agreements."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OverviewPageQuerySet.as_manager()

    class Meta:
        verbose_name = _("regional cooperation page")
        verbose_name_plural = _("regional cooperation page")
        permissions = [
            ("publish_overviewpage", _("Can publish and withdraw the regional cooperation page"))
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("cooperation:overview")

    def natural_key(self):
        return ()

    @property
    def newest_first(self):
        return self.list_order == self.ListOrder.NEWEST_FIRST
