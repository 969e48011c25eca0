"""How drafts reach publication through review, and how each staff member is told of it."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Review(models.Model):
    """A draft's latest way to publication: marked ready, then published or sent back."""

    class State(models.TextChoices):
        READY = "ready", _("ready for review")
        RETURNED = "returned", _("sent back")
        PUBLISHED = "published", _("published")

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    entry = GenericForeignKey()
    state = models.CharField(_("review"), max_length=10, choices=State)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(_("asked for review"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_review_per_entry"
            )
        ]
        ordering = ["-requested_at", "pk"]

    def __str__(self):
        return f"{self.entry}: {self.get_state_display()}"

    def decide(self, state, user, comment=""):
        self.state, self.decided_by, self.comment = state, user, comment
        self.decided_at = timezone.now()
        self.save()


class NoticePreference(models.Model):
    """How a staff member is told of what awaits them, and in which language."""

    class Frequency(models.TextChoices):
        EACH = "each", _("an e-mail for each event")
        DAILY = "daily", _("a daily digest")
        NEVER = "never", _("no e-mail")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notice_preference"
    )
    frequency = models.CharField(
        _("e-mail notices"), max_length=10, choices=Frequency, default=Frequency.EACH
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )

    class Meta:
        verbose_name = _("e-mail notices")
        verbose_name_plural = _("e-mail notices")

    def __str__(self):
        return str(self.user)
