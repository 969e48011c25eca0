"""The regional cooperation section as a Django app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "cooperation"
    verbose_name = _("Regional cooperation")

    def ready(self):
        # The receivers that keep each agreement's activity.
        from . import activity  # noqa: F401
