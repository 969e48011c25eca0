"""The staff's side of the board: open requests first; an Editor corrects and summarises them,
a Publisher publishes and closes them; the writer's contact stays out of the revision history."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.utils import get_translation_fields

from editorial import desk
from editorial.admin import PublishableAdmin, TranslatedAdmin
from editorial.desk import Line

from .models import Interest, PartnerRequest


class OpenListFilter(admin.SimpleListFilter):
    title = _("open or closed")
    parameter_name = "open"

    def lookups(self, request, model_admin):
        return [("yes", _("open")), ("no", _("closed"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.open()
        if self.value() == "no":
            return queryset.exclude(closed_at=None)
        return queryset


class InterestListFilter(admin.SimpleListFilter):
    title = _("field of interest")
    parameter_name = "interest"

    def lookups(self, request, model_admin):
        return Interest.choices

    def queryset(self, request, queryset):
        if self.value() in Interest.values:
            return queryset.in_field(self.value())
        return queryset


@admin.register(PartnerRequest)
class PartnerRequestAdmin(PublishableAdmin, TranslatedAdmin):
    list_display = ["__str__", "fields_of_interest", "is_open", "status", "created_at"]
    list_filter = [OpenListFilter, "status", "country", InterestListFilter]
    list_select_related = ["region"]
    search_fields = [
        *get_translation_fields("region__name"),
        "region_name",
        "description",
        "contact_name",
        "contact_email",
    ]
    autocomplete_fields = ["region", "agreements"]
    # Closing and linking agreements are the Publisher's decisions, as publishing is.
    publication_fields = ["status", "publish_at", "closed_at", "closed_reason", "agreements"]
    readonly_fields = ["language", "created_at", "consent", "contacts_deleted_at", "links"]
    fieldsets = [
        (None, {"fields": ["country", "region", "region_name", "interests"]}),
        (_("The writer's words"), {"fields": ["description", "language"]}),
        (
            _("Contact (never shown on the site)"),
            {"fields": ["contact_name", "contact_email", "consent", "contacts_deleted_at"]},
        ),
        (_("The embassy's summary"), {"fields": ["summary"]}),
        (
            _("Publication"),
            {"fields": ["status", "publish_at", "created_at", "closed_at", "closed_reason"]},
        ),
        (_("Agreements"), {"fields": ["agreements", "links"]}),
    ]

    def get_queryset(self, request):
        # A request its writer has not confirmed is not the embassy's to check.
        return super().get_queryset(request).confirmed()

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if obj and obj.contacts_deleted_at:
            return [*readonly, *PartnerRequest.CONTACT_FIELDS]
        return readonly

    def reversion_register(self, model, **options):
        super().reversion_register(model, exclude=PartnerRequest.CONTACT_FIELDS, **options)

    @admin.display(description=_("fields of interest"))
    def fields_of_interest(self, partner_request):
        return partner_request.interests_text()

    @admin.display(description=_("open"), boolean=True, ordering="closed_at")
    def is_open(self, partner_request):
        return partner_request.is_open

    @admin.display(description=_("agreements"))
    def links(self, partner_request):
        agreements = partner_request.agreements.with_parties() if partner_request.pk else []
        links = (
            (reverse("admin:cooperation_twinningagreement_change", args=[agreement.pk]), agreement)
            for agreement in agreements
        )
        return format_html_join(", ", '<a href="{}">{}</a>', links) or "—"


@desk.line
def partner_requests_to_moderate(user):
    if not user.has_perm("partners.publish_partnerrequest"):
        return None
    to_moderate = PartnerRequest.objects.confirmed().open()
    count = to_moderate.filter(status=PartnerRequest.Status.DRAFT).count()
    if not count:
        return None
    text = ngettext(
        "%(count)d partner request to moderate", "%(count)d partner requests to moderate", count
    )
    url = reverse("admin:partners_partnerrequest_changelist") + "?open=yes&status__exact=draft"
    return Line(text % {"count": count}, url, digest=True)
