"""The site's shell as a Django app: its pages and the footer's mission links."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from .sites import keep_site_to_setting


class EmbassyConfig(AppConfig):
    name = "embassy"
    verbose_name = _("Site")

    def ready(self):
        post_migrate.connect(keep_site_to_setting, sender=self)
