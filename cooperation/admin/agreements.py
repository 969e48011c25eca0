"""The admin of agreements, with the importer of the old page's list."""

import hashlib

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import get_translation_fields

from editorial.admin import HistoryAdmin, TranslatedAdmin
from editorial.admin.imports import SpreadsheetImportExportMixin

from ..documents import DocumentField, DocumentInput
from ..forms import PastedAgreementsForm
from ..importers import preview_pasted_agreements, save_pasted_agreements
from ..models import TwinningAgreement
from ..resources import TwinningAgreementResource
from .list_filters import DormantListFilter, HostOblastListFilter, MissionOblastListFilter


@admin.register(TwinningAgreement)
class TwinningAgreementAdmin(SpreadsheetImportExportMixin, HistoryAdmin, TranslatedAdmin):
    resource_classes = [TwinningAgreementResource]
    import_export_change_list_template = "admin/cooperation/twinningagreement/change_list.html"
    list_display = [
        "__str__",
        "year",
        "mission_region",
        "host_region",
        "kind",
        "status",
        "last_exchange",
    ]
    list_display_links = ["__str__"]
    list_filter = [
        "kind",
        "status",
        DormantListFilter,
        "year",
        MissionOblastListFilter,
        HostOblastListFilter,
    ]
    search_fields = [
        f"{side}__{name}"
        for side in ("mission_region", "host_region")
        for name in get_translation_fields("name")
    ]
    autocomplete_fields = ["mission_region", "host_region"]
    formfield_overrides = {DocumentField: {"widget": DocumentInput}}
    list_select_related = ["mission_region", "host_region"]
    fieldsets = [
        (None, {"fields": ["mission_region", "host_region", "kind", "status"]}),
        (_("Signature"), {"fields": ["year", "signed_on", "document"]}),
        (_("Notes"), {"fields": ["notes"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_last_exchange()

    @admin.display(description=_("last exchange"), ordering="last_exchange", empty_value="—")
    def last_exchange(self, agreement):
        return agreement.last_exchange

    def get_urls(self):
        paste = path(
            "paste/",
            self.admin_site.admin_view(self.paste_view),
            name=f"{self.opts.app_label}_{self.opts.model_name}_paste",
        )
        return [paste, *super().get_urls()]

    def paste_view(self, request):
        """Agreements pasted in the old page's format: previewed, then added on confirmation."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = PastedAgreementsForm(request.POST or None)
        preview = digest = None
        if form.is_valid():
            text, kind = form.cleaned_data["text"], form.cleaned_data["kind"]
            preview = preview_pasted_agreements(text, kind)
            # Save only the list that was previewed; an edited list is previewed again.
            digest = hashlib.sha256(f"{kind}\n{text}".encode()).hexdigest()
            if "confirm" in request.POST and request.POST.get("previewed") == digest:
                return self.save_pasted(request, preview)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Paste the old list of agreements"),
            "form": form,
            "preview": preview,
            "digest": digest,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/cooperation/twinningagreement/paste.html", context)

    def save_pasted(self, request, preview):
        try:
            added = save_pasted_agreements(preview, user=request.user)
        except IntegrityError:
            messages.error(
                request,
                _("Nothing was added: the agreements changed meanwhile. Check the preview again."),
            )
            return redirect(request.path)
        for agreement in added:
            self.log_addition(request, agreement, _("Added from a pasted list."))
        messages.success(
            request,
            _("Agreements added: %(added)s. Already there: %(existing)s. Left out: %(left)s.")
            % {
                "added": len(added),
                "existing": len(preview.existing),
                "left": len(preview.unknown) + len(preview.refused),
            },
        )
        return redirect(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
