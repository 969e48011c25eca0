"""Each staff member's own page of e-mail notices (the admin's top bar links to it)."""

from django.contrib import admin
from django.shortcuts import redirect
from django.utils.translation import get_language

from ..desk import entry_url
from ..models import NoticePreference


@admin.register(NoticePreference)
class NoticePreferenceAdmin(admin.ModelAdmin):
    fields = ["frequency", "language"]

    def has_module_permission(self, request):
        return False

    def has_view_permission(self, request, obj=None):
        return obj is None or obj.user_id == request.user.pk

    has_change_permission = has_view_permission

    def get_queryset(self, request):
        return super().get_queryset(request).filter(user=request.user)

    def changelist_view(self, request, extra_context=None):
        preference, _created = NoticePreference.objects.get_or_create(
            user=request.user, defaults={"language": get_language()}
        )
        return redirect(entry_url(preference))
