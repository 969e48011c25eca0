"""A spreadsheet import on its way through the background worker (editorial.tasks)."""

import uuid

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SpreadsheetImport(models.Model):
    """A CSV or Excel file checked, then, once staff confirm the preview, imported."""

    class State(models.TextChoices):
        CHECK_WAITING = "check-waiting", _("waiting to be checked")
        CHECKING = "checking", _("being checked")
        CHECKED = "checked", _("checked")
        IMPORT_WAITING = "import-waiting", _("waiting to be imported")
        IMPORTING = "importing", _("being imported")
        IMPORTED = "imported", _("imported")
        FAILED = "failed", _("not imported")
        CANCELLED = "cancelled", _("cancelled")

    WAITING = [State.CHECK_WAITING, State.CHECKING, State.IMPORT_WAITING, State.IMPORTING]

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
    # The worker's token: it records the outcome only while the job is still its own.
    lease = models.CharField(_("lease"), max_length=32, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("spreadsheet import")
        verbose_name_plural = _("spreadsheet imports")

    def __str__(self):
        return self.file_name

    @property
    def is_waiting(self):
        return self.state in self.WAITING

    @property
    def can_be_confirmed(self):
        return self.state == self.State.CHECKED and not self.summary.get("refused_count")

    def claim(self):
        """Take a waiting job for this worker; False when another worker took it first."""
        checking = self.state == self.State.CHECK_WAITING
        working = self.State.CHECKING if checking else self.State.IMPORTING
        lease = uuid.uuid4().hex
        jobs = SpreadsheetImport.objects.filter(pk=self.pk, state=self.state)
        if jobs.update(state=working, lease=lease, updated_at=timezone.now()):
            self.state, self.lease = working, lease
            return True
        return False

    def move_to(self, state, **fields):
        """Record a new state, unless the job was taken from this worker since; False then."""
        with transaction.atomic():
            mine = SpreadsheetImport.objects.select_for_update().filter(
                pk=self.pk, lease=self.lease
            )
            if not mine.exists():
                return False
            for name, value in fields.items():
                setattr(self, name, value)
            self.state = state
            self.save(update_fields=["state", "updated_at", *fields])
        return True

    def take_from_worker(self, state):
        """Take a job whose worker stopped into `state`: waiting again, or cancelled."""
        fields = {"data": b""} if state == self.State.CANCELLED else {}
        jobs = SpreadsheetImport.objects.filter(pk=self.pk, state=self.state, lease=self.lease)
        return bool(jobs.update(state=state, lease="", updated_at=timezone.now(), **fields))
