"""The site's addresses: the admin, the API, the sitemap, and every page under a language prefix."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST
from django.views.generic import RedirectView, TemplateView
from django.views.i18n import set_language
from drf_spectacular.views import SpectacularAPIView

from cooperation import sitemaps as cooperation_sitemaps
from cooperation.api import DocumentationView, not_found, router
from editorial.cache import cache_public_page
from editorial.public import read_only
from partners.sitemaps import BoardSitemap, PartnerRequestSitemap

from . import views
from .health import health
from .sitemaps import PageSitemap

sitemaps = {
    "sections": cooperation_sitemaps.SectionSitemap,
    "pages": PageSitemap,
    "regions": cooperation_sitemaps.RegionSitemap,
    "visits": cooperation_sitemaps.VisitSitemap,
    "news": cooperation_sitemaps.NewsPhotoSitemap,
    "agreements": cooperation_sitemaps.AgreementSitemap,
    "board": BoardSitemap,
    "partners": PartnerRequestSitemap,
}

api_patterns = [
    path("", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", DocumentationView.as_view(url_name="api:schema"), name="docs"),
    # Only addresses ending in a slash, so that CommonMiddleware still adds a missing one.
    re_path(r"^.*/$", not_found),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    # The admin's language menu posts its choice; any other method is a 405, not a CSRF 403.
    path(
        "i18n/setlang/",
        csrf_exempt(require_POST(csrf_protect(set_language))),
        name="set_language",
    ),
    path("healthz", health, name="health"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("api/", include((api_patterns, "api"))),
    path(
        "sitemap.xml",
        read_only(cache_public_page(sitemap_views.index)),
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        read_only(cache_public_page(sitemap_views.sitemap)),
        {"sitemaps": sitemaps},
        name="sitemap_section",
    ),
    path(
        "robots.txt",
        read_only(TemplateView.as_view(template_name="robots.txt", content_type="text/plain")),
        name="robots_txt",
    ),
]

urlpatterns += i18n_patterns(
    path("", include("cooperation.urls")),
    path("cooperation/partners/", include("partners.urls")),
    path("missions/go/", views.go_to_mission, name="go_to_mission"),
    # The regional cooperation page's text was a page of the site before the section had it.
    path(
        "pages/regional-cooperation/",
        read_only(RedirectView.as_view(pattern_name="cooperation:overview", permanent=True)),
    ),
    path("pages/<slug:slug>/", views.PageDetailView.as_view(), name="page"),
)

handler400 = "embassy.errors.bad_request"
handler403 = "embassy.errors.permission_denied"
handler404 = "embassy.errors.page_not_found"
handler500 = "embassy.errors.server_error"

urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)  # only with DEBUG
