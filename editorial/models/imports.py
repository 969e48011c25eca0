"""A spreadsheet import on its way through the background worker (editorial.tasks)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SpreadsheetImport(models.Model):
    """A CSV or Excel file on its way into the content: checked, then, once a staff member has
    seen the preview and confirmed it, imported, both by the background worker."""

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
