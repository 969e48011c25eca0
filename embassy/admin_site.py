"""The staff's admin site: Django's own, with the site's titles."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _


class SiteAdmin(admin.AdminSite):
    site_header = _("Embassy of Belarus in Bulgaria: regional cooperation")
    site_title = _("Regional cooperation")
    index_title = _("Content")


class SiteAdminConfig(AdminConfig):
    default_site = "embassy.admin_site.SiteAdmin"
