"""The admin of the regional cooperation page's text: one page, edited, never added twice."""

from django.contrib import admin

from editorial.admin import PublishableAdmin, TranslatedAdmin

from ..models import OverviewPage


@admin.register(OverviewPage)
class OverviewPageAdmin(PublishableAdmin, TranslatedAdmin):
    list_display = ["title", "status", "publish_at", "list_order", "updated_at"]
    fields = ["title", "body", "list_order", "status", "publish_at"]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not OverviewPage.objects.exists()
