"""Publication: an entry is a draft or published, from a moment on (a future one schedules it)."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..roles import may


class PublicationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Publishable.Status.PUBLISHED, publish_at__lte=timezone.now())

    def visible_to(self, user):
        """All entries for staff who may view them in the admin (to preview), else published."""
        staff = user.is_active and user.is_staff
        if staff and (may(user, "view", self.model) or may(user, "change", self.model)):
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
    reviews = GenericRelation("editorial.Review")

    class Meta:
        abstract = True

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED and self.publish_at <= timezone.now()
