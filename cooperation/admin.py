"""The staff's editing tool for regions, agreements, visits and news photos."""

import hashlib

import reversion
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, models
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX

from embassy.admin import HistoryAdmin, PublishableAdmin, RichTextAdminMixin, TranslatedAdmin

from .forms import PastedAgreementsForm
from .images import WEBP
from .importers import preview_pasted_agreements, save_pasted_agreements
from .models import (
    NewsPhoto,
    NewsPhotoRegion,
    Region,
    TwinningAgreement,
    Visit,
    VisitRegion,
)
from .resources import RegionResource, TwinningAgreementResource


class OblastListFilter(admin.SimpleListFilter):
    """Everything in one oblast, at any level below it."""

    title = _("oblast")
    parameter_name = "oblast"
    region_lookup = "path"

    def lookups(self, request, model_admin):
        return [(oblast.slug, str(oblast)) for oblast in Region.objects.oblasts()]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        oblast = Region.objects.filter(slug=self.value()).first()
        if oblast is None:
            return queryset.none()
        return queryset.filter(**{f"{self.region_lookup}__startswith": oblast.path})


class MissionOblastListFilter(OblastListFilter):
    title = _("oblast of the mission's country party")
    parameter_name = "mission_oblast"
    region_lookup = "mission_region__path"

    def lookups(self, request, model_admin):
        oblasts = Region.objects.oblasts().in_country(settings.COOPERATION_MISSION_COUNTRY)
        return [(oblast.slug, str(oblast)) for oblast in oblasts]


class HostOblastListFilter(OblastListFilter):
    title = _("oblast of the host country party")
    parameter_name = "host_oblast"
    region_lookup = "host_region__path"

    def lookups(self, request, model_admin):
        oblasts = Region.objects.oblasts().in_country(settings.COOPERATION_HOST_COUNTRY)
        return [(oblast.slug, str(oblast)) for oblast in oblasts]


class _ImportRefused(Exception):
    def __init__(self, result):
        self.result = result


class SpreadsheetImportExportMixin(ImportExportMixin):
    """
    Import and export as CSV or Excel. An uploaded file is previewed first: what would be
    created, changed, left as it is, or refused and why. Only a preview without refusals can be
    confirmed, and the confirmed import is one transaction and one revision of the history, so
    a row refused at that point writes nothing at all.
    """

    formats = [CSV, XLSX]
    import_template_name = "admin/cooperation/import.html"

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def get_import_data_kwargs(self, **kwargs):
        return {**super().get_import_data_kwargs(**kwargs), "rollback_on_validation_errors": True}

    def process_dataset(self, dataset, form, request, **kwargs):
        file_name = form.cleaned_data.get("original_file_name", "")
        try:
            with reversion.create_revision():
                reversion.set_user(request.user)
                reversion.set_comment(_("Imported from “%(file)s”.") % {"file": file_name})
                result = super().process_dataset(dataset, form, request, **kwargs)
                if result.has_errors() or result.has_validation_errors():
                    raise _ImportRefused(result)
        except _ImportRefused as refused:
            return refused.result
        return result

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            messages.error(
                request,
                _(
                    "Nothing was imported: the file no longer passes the checks. "
                    "Import it again to see why."
                ),
            )
            return redirect(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
        return super().process_result(result, request)


class MissionPartyAgreementInline(admin.TabularInline):
    model = TwinningAgreement
    fk_name = "mission_region"
    fields = ["host_region", "kind", "year", "signed_on", "status"]
    autocomplete_fields = ["host_region"]
    extra = 0
    verbose_name_plural = _("agreements")


class HostPartyAgreementInline(MissionPartyAgreementInline):
    fk_name = "host_region"
    fields = ["mission_region", "kind", "year", "signed_on", "status"]
    autocomplete_fields = ["mission_region"]


@admin.register(Region)
class RegionAdmin(SpreadsheetImportExportMixin, HistoryAdmin, TranslatedAdmin):
    resource_classes = [RegionResource]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "kind", "country", "parent", "agreement_count"]
    list_filter = ["country", "kind", OblastListFilter]
    search_fields = ["name_bg", "name_ru", "name_be", "name_en", "slug"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name_en"]}
    list_select_related = ["parent"]
    list_per_page = 50
    fieldsets = [
        (None, {"fields": ["name", "slug", "country", "kind", "parent"]}),
        (_("Place"), {"fields": ["latitude", "longitude", "website", "coat_of_arms"]}),
        (_("Description"), {"fields": ["description"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                agreement_total=Count("agreements_as_mission_party", distinct=True)
                + Count("agreements_as_host_party", distinct=True)
            )
        )

    @admin.display(description=_("agreements"), ordering="agreement_total")
    def agreement_count(self, region):
        return region.agreement_total

    def get_inlines(self, request, obj):
        if obj is None:
            return []
        if obj.country == settings.COOPERATION_MISSION_COUNTRY:
            return [MissionPartyAgreementInline]
        return [HostPartyAgreementInline]


@admin.register(TwinningAgreement)
class TwinningAgreementAdmin(SpreadsheetImportExportMixin, HistoryAdmin, TranslatedAdmin):
    resource_classes = [TwinningAgreementResource]
    import_export_change_list_template = "admin/cooperation/twinningagreement/change_list.html"
    list_display = ["__str__", "year", "mission_region", "host_region", "kind", "status"]
    list_display_links = ["__str__"]
    list_filter = ["kind", "status", "year", MissionOblastListFilter, HostOblastListFilter]
    search_fields = [
        f"{side}__name_{code}"
        for side in ("mission_region", "host_region")
        for code in ("bg", "ru", "be", "en")
    ]
    autocomplete_fields = ["mission_region", "host_region"]
    list_select_related = ["mission_region", "host_region"]
    fieldsets = [
        (None, {"fields": ["mission_region", "host_region", "kind", "status"]}),
        (_("Signature"), {"fields": ["year", "signed_on", "document"]}),
        (_("Notes"), {"fields": ["notes"]}),
    ]

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


class VisitRegionInline(admin.TabularInline):
    model = VisitRegion
    autocomplete_fields = ["region"]
    extra = 1


class NewsPhotoRegionInline(admin.TabularInline):
    model = NewsPhotoRegion
    autocomplete_fields = ["region"]
    extra = 1


@admin.register(Visit)
class VisitAdmin(RichTextAdminMixin, PublishableAdmin, TranslatedAdmin):
    rich_text_fields = ["body"]
    list_display = ["title", "start_date", "kind", "location", "status", "publish_at"]
    list_filter = ["kind", "status", "start_date"]
    search_fields = ["title_bg", "title_ru", "title_be", "title_en", "slug"]
    autocomplete_fields = ["location"]
    prepopulated_fields = {"slug": ["title_en"]}
    list_select_related = ["location"]
    date_hierarchy = "start_date"
    inlines = [VisitRegionInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "location"]}),
        (_("Dates"), {"fields": ["start_date", "end_date", "date_precision"]}),
        (_("Text"), {"fields": ["summary", "body"]}),
        (_("Publication"), {"fields": ["status", "publish_at"]}),
    ]


def thumbnail(photo, size, loading="eager"):
    """The smallest WebP rendition sharp on a high-density screen at `size` CSS pixels wide."""
    renditions = photo.renditions(formats=[WEBP])
    if not renditions:
        return "—"
    rendition = next((r for r in renditions if r.width >= 2 * size), renditions[-1])
    return format_html(
        '<img src="{}" alt="" width="{}" height="{}" loading="{}" decoding="async">',
        rendition.url,
        size,
        round(size * rendition.height / rendition.width),
        loading,
    )


@admin.register(NewsPhoto)
class NewsPhotoAdmin(PublishableAdmin, TranslatedAdmin):
    list_display = ["list_thumbnail", "title", "taken_on", "status", "publish_at", "is_featured"]
    list_display_links = ["list_thumbnail", "title"]
    list_filter = ["status", "is_featured", "publish_at"]
    search_fields = ["title_bg", "title_ru", "title_be", "title_en", "slug"]
    autocomplete_fields = ["visit"]
    prepopulated_fields = {"slug": ["title_en"]}
    readonly_fields = ["form_thumbnail", "width", "height"]
    inlines = [NewsPhotoRegionInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "image", "form_thumbnail", ("width", "height")]}),
        (_("Description"), {"fields": ["caption", "alt_text", "credit", "taken_on", "visit"]}),
        (_("Publication"), {"fields": ["status", "publish_at", "is_featured"]}),
    ]

    @admin.display(description=_("photo"))
    def list_thumbnail(self, photo):
        return thumbnail(photo, 80, loading="lazy")

    @admin.display(description=_("preview"))
    def form_thumbnail(self, photo):
        return thumbnail(photo, 320)
