"""The staff's admin site: Django's own, with the site's titles and the page of entries that
still lack a language (made the default site by embassy.apps.SiteAdminConfig)."""

from django.contrib import admin
from django.urls import path
from django.utils.translation import gettext_lazy as _

from editorial.admin.translations import MissingTranslationsView


class SiteAdmin(admin.AdminSite):
    site_header = _("Embassy of Belarus in Bulgaria: regional cooperation")
    site_title = _("Regional cooperation")
    index_title = _("Content")

    def get_urls(self):
        # Before the admin's own addresses, whose last one catches every other.
        missing = MissingTranslationsView.as_view(admin_site=self)
        return [
            path("translations/", self.admin_view(missing), name="missing_translations"),
            *super().get_urls(),
        ]
