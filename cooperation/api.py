"""The read-only JSON API of the public data, filtered by the public pages' own FilterSets, in
the language of `?lang=` (else the request's), cached like the pages; `router` lists the views."""

from django import forms
from django.conf import settings
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework import viewsets
from rest_framework.decorators import api_view, schema
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.routers import DefaultRouter

from editorial.cache import cache_public_page
from embassy.sites import on_site

from .filters import AgreementFilter, RegionFilter, VisitFilter
from .models import NewsPhoto, Region, TwinningAgreement, Visit
from .paging import KeysFirstPaginator
from .serializers import (
    AgreementSerializer,
    NewsPhotoSerializer,
    RegionSerializer,
    VisitSerializer,
)

LANGUAGE_PARAMETER = "lang"

PARAMETER_ERRORS = OpenApiResponse(
    response={
        "type": "object",
        "additionalProperties": {"type": "array", "items": {"type": "string"}},
        "example": {"year_min": ["Enter a number."]},
    },
    description=_("A parameter is invalid: the body names it, with what is wrong."),
)
NOT_FOUND_MESSAGE = _("No published entry has this address.")
NOT_FOUND = OpenApiResponse(
    response={
        "type": "object",
        "properties": {"detail": {"type": "string"}},
        "required": ["detail"],
    },
    description=NOT_FOUND_MESSAGE,
)


class PublicDataSchema(AutoSchema):
    """Every operation takes `lang` and documents its 400 and 404 answers; filters may be empty."""

    def get_override_parameters(self):
        return [
            *super().get_override_parameters(),
            OpenApiParameter(
                LANGUAGE_PARAMETER,
                OpenApiTypes.STR,
                OpenApiParameter.QUERY,
                enum=[code for code, _name in settings.LANGUAGES],
                description=_(
                    "The language of names and texts; without it, the Accept-Language header's."
                ),
            ),
        ]

    def get_operation(self, *args, **kwargs):
        operation = super().get_operation(*args, **kwargs)
        # A filter left empty, as the pages' forms send it, means "any".
        filterset = getattr(self.view, "filterset_class", None)
        for parameter in operation.get("parameters", []) if filterset else []:
            if parameter["name"] in filterset.base_filters:
                parameter["schema"] = {"anyOf": [parameter["schema"], {"enum": [""]}]}
        return operation

    def get_response_serializers(self):
        serializer = super().get_response_serializers()
        return {200: serializer, 400: PARAMETER_ERRORS, 404: NOT_FOUND}


class PublicDataPagination(PageNumberPagination):
    django_paginator_class = KeysFirstPaginator
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
    # Page numbers only, as the schema says: no "last".
    last_page_strings = ()

    def get_page_size(self, request):
        value = request.query_params.get(self.page_size_query_param)
        if value is None:
            return self.page_size
        try:
            size = int(value)
        except ValueError:  # Not a whole number ("²" is a digit to str.isdigit()), or too long.
            size = 0
        if not 1 <= size <= self.max_page_size:
            message = _("Give a whole number from 1 to %(max)s.") % {"max": self.max_page_size}
            raise ValidationError({self.page_size_query_param: [message]})
        return size

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound:
            number = request.query_params.get(self.page_query_param, "")[:20]
            raise NotFound(_("There is no page “%(page)s”.") % {"page": number}) from None

    # DRF makes the links from the request's host; they name the site's address instead.
    def get_next_link(self):
        link = super().get_next_link()
        return link and on_site(link)

    def get_previous_link(self):
        link = super().get_previous_link()
        return link and on_site(link)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["maximum"] = self.max_page_size
        return parameters


class PublicDataViewSet(viewsets.ReadOnlyModelViewSet):
    @classmethod
    def as_view(cls, actions=None, **initkwargs):
        # From the pages' cache, kept apart by Accept: JSON, or the browsable page.
        view = super().as_view(actions, **initkwargs)
        return cache_public_page(view, vary_on=("Accept",))

    pagination_class = PublicDataPagination
    filter_backends = [DjangoFilterBackend]
    schema = PublicDataSchema()

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        language = request.query_params.get(LANGUAGE_PARAMETER)
        if language is None:
            return
        if language not in dict(settings.LANGUAGES):
            codes = ", ".join(code for code, _name in settings.LANGUAGES)
            message = _("Choose one of the languages %(codes)s.") % {"codes": codes}
            raise ValidationError({LANGUAGE_PARAMETER: [message]})
        translation.activate(language)
        request.LANGUAGE_CODE = language

    def get_object(self):
        try:
            return super().get_object()
        except Http404:
            # Django's message is in English and names the model's class.
            raise NotFound(NOT_FOUND_MESSAGE) from None

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # Public data without credentials: any web page may read it.
        response["Access-Control-Allow-Origin"] = "*"
        return response


class RegionViewSet(PublicDataViewSet):
    """Regions of both countries at every level, the mission's country first, each as a tree."""

    queryset = Region.objects.by_country().select_related("parent")
    serializer_class = RegionSerializer
    filterset_class = RegionFilter
    lookup_field = "slug"


class AgreementAPIFilter(AgreementFilter):
    """The list's filters, where reversed years find nothing: no schema can say one parameter
    must not pass another, so the API does not refuse them (the page's form names the slip)."""

    class Meta(AgreementFilter.Meta):
        form = forms.Form


class AgreementViewSet(PublicDataViewSet):
    """Agreements between a region of each country, with the agreement list's filters."""

    queryset = TwinningAgreement.objects.listed()
    serializer_class = AgreementSerializer
    filterset_class = AgreementAPIFilter


class VisitViewSet(PublicDataViewSet):
    """Published visits, newest first, with their regions and published photos."""

    serializer_class = VisitSerializer
    filterset_class = VisitFilter
    lookup_field = "slug"

    def get_queryset(self):
        return Visit.objects.published().with_details()


class NewsPhotoViewSet(PublicDataViewSet):
    """Published news photos, newest first."""

    serializer_class = NewsPhotoSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return NewsPhoto.objects.published().with_details()


router = DefaultRouter()
router.register("regions", RegionViewSet, basename="region")
router.register("agreements", AgreementViewSet, basename="agreement")
router.register("visits", VisitViewSet, basename="visit")
router.register("news", NewsPhotoViewSet, basename="news")


@api_view(["GET", "HEAD"])
@schema(None)
def not_found(request, *args, **kwargs):
    """Any other address under /api/ is a 404 in JSON too, like an unknown slug."""
    raise NotFound(NOT_FOUND_MESSAGE)


class DocumentationView(SpectacularSwaggerSplitView):
    """Swagger UI's page. Only GET and HEAD: its template renderer has no answer to OPTIONS."""

    http_method_names = ["get", "head"]
