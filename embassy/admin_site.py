"""The staff's admin site: Django's own, with the site's titles, the staff member's desk at the
top of the index (editorial.desk), the page of entries that still lack a language, and the
libraries' records (login attempts, background tasks) in one section for administrators."""

from django.contrib import admin
from django.urls import path
from django.utils.translation import gettext_lazy as _

from editorial.admin.translations import MissingTranslationsView
from editorial.desk import lines_for

RECORDS_APPS = {"axes", "django_tasks_database"}


class SiteAdmin(admin.AdminSite):
    site_header = _("Embassy of Belarus in Bulgaria: regional cooperation")
    site_title = _("Regional cooperation")
    index_title = _("Content")
    # The lists need the width; the index and the breadcrumbs lead everywhere.
    enable_nav_sidebar = False

    def get_urls(self):
        # Before the admin's own addresses, whose last one catches every other.
        missing = MissingTranslationsView.as_view(admin_site=self)
        return [
            path("translations/", self.admin_view(missing), name="missing_translations"),
            *super().get_urls(),
        ]

    def index(self, request, extra_context=None):
        return super().index(request, {"desk": lines_for(request.user), **(extra_context or {})})

    def get_app_list(self, request, app_label=None):
        apps = super().get_app_list(request, app_label)
        if app_label:
            return apps
        records = [app for app in apps if app["app_label"] in RECORDS_APPS]
        apps = [app for app in apps if app not in records]
        if records and request.user.is_superuser:
            section = {**records[0], "name": _("Logins and background tasks")}
            section["models"] = [model for app in records for model in app["models"]]
            apps.append(section)
        return apps
