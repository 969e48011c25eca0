"""The editorial layer as a Django app: it connects the page cache to content changes."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial tools")

    def ready(self):
        from . import signals  # noqa: F401  (empties the page cache when content changes)
