"""The site's shell as a Django app: its pages and the footer's mission links."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmbassyConfig(AppConfig):
    name = "embassy"
    verbose_name = _("Site")
