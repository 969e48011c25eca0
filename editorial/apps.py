"""The editorial layer as a Django app: it connects the page cache to content changes."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial tools")

    def ready(self):
        # The page cache emptied when content changes; the Publishers told of a failed import;
        # each staff member's notices page, registered once the admin site exists.
        from . import notices, signals  # noqa: F401
        from .admin import preferences  # noqa: F401
