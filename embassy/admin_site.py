"""The staff's admin site: Django's own, with the site's titles and the page of entries that
still lack a language."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.urls import path
from django.utils.translation import gettext_lazy as _


class SiteAdmin(admin.AdminSite):
    site_header = _("Embassy of Belarus in Bulgaria: regional cooperation")
    site_title = _("Regional cooperation")
    index_title = _("Content")

    def get_urls(self):
        # Imported once the apps are loaded: this module is loaded with them.
        from editorial.admin.translations import MissingTranslationsView

        # Before the admin's own addresses, whose last one catches every other.
        missing = MissingTranslationsView.as_view(admin_site=self)
        return [
            path("translations/", self.admin_view(missing), name="missing_translations"),
            *super().get_urls(),
        ]


class SiteAdminConfig(AdminConfig):
    default_site = "embassy.admin_site.SiteAdmin"
