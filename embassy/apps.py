"""The site's shell as a Django app, and Django's admin with the site's own admin site."""

from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _


class EmbassyConfig(AppConfig):
    name = "embassy"
    verbose_name = _("Site")


class SiteAdminConfig(AdminConfig):
    default_site = "embassy.admin_site.SiteAdmin"
