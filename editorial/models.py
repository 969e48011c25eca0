"""
Publication: an entry is a draft or published, from a moment on (a future one schedules it),
on its way through review; a spreadsheet import on its way through the background worker; and
how each staff member wants to be told of what awaits them.
"""

from django.conf import settings
from django.contrib.auth import get_permission_codename
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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
    reviews = GenericRelation("editorial.Review")

    class Meta:
        abstract = True

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED and self.publish_at <= timezone.now()


class SpreadsheetImport(models.Model):
    """
    A CSV or Excel file on its way into the content: checked, then, once a staff member has
    seen the preview and confirmed it, imported, both by the background worker
    (editorial.imports, editorial.tasks).
    """

    class State(models.TextChoices):
        CHECK_WAITING = "check-waiting", _("waiting to be checked")
        CHECKING = "checking", _("being checked")
        CHECKED = "checked", _("checked")
        IMPORT_WAITING = "import-waiting", _("waiting to be imported")
        IMPORTING = "importing", _("being imported")
        IMPORTED = "imported", _("imported")
        FAILED = "failed", _("not imported")

    content_type = models.ForeignKey(
        "contenttypes.ContentType", verbose_name=_("imported into"), on_delete=models.CASCADE
    )
    resource = models.CharField(_("resource"), max_length=200)
    file_name = models.CharField(_("file name"), max_length=255)
    file_format = models.CharField(_("format"), max_length=10)
    data = models.BinaryField(_("file"))
    encoding = models.CharField(_("encoding"), max_length=20, blank=True)
    row_count = models.PositiveIntegerField(_("rows"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        null=True,
        on_delete=models.SET_NULL,
    )
    language = models.CharField(_("language"), max_length=10)
    state = models.CharField(_("state"), max_length=20, choices=State, default=State.CHECK_WAITING)
    summary = models.JSONField(_("outcome"), default=dict, blank=True)
    message = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("spreadsheet import")
        verbose_name_plural = _("spreadsheet imports")

    def __str__(self):
        return self.file_name

    @property
    def is_waiting(self):
        return self.state in {
            self.State.CHECK_WAITING,
            self.State.CHECKING,
            self.State.IMPORT_WAITING,
            self.State.IMPORTING,
        }

    @property
    def can_be_confirmed(self):
        return self.state == self.State.CHECKED and not self.summary.get("refused_count")

    def move_to(self, state, **fields):
        """Record a new state at once, outside any transaction the work runs in."""
        for name, value in fields.items():
            setattr(self, name, value)
        self.state = state
        self.save(update_fields=["state", "updated_at", *fields])


class Review(models.Model):
    """A draft's way to publication: its Editor marks it ready, a Publisher publishes it or sends
    it back with a comment (editorial.admin.reviews). One per entry, its latest."""

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
        self.state, self.decided_by, self.decided_at, self.comment = (
            state,
            user,
            timezone.now(),
            comment,
        )
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
