"""The site's shell as a Django app, and Django's admin with the site's own admin site."""

from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from .sites import keep_site_to_setting


class EmbassyConfig(AppConfig):
    name = "embassy"
    verbose_name = _("Site")

    def ready(self):
        post_migrate.connect(keep_site_to_setting, sender=self)


class SiteAdminConfig(AdminConfig):
    default_site = "embassy.admin_site.SiteAdmin"
