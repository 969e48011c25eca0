from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView, TemplateView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from cooperation.api import not_found, router
from cooperation.sitemaps import NewsPhotoSitemap, RegionSitemap, SectionSitemap, VisitSitemap
from editorial.cache import cache_public_page

from . import views
from .sitemaps import PageSitemap

admin.site.site_header = _("Embassy of Belarus in Bulgaria: regional cooperation")
admin.site.site_title = _("Regional cooperation")
admin.site.index_title = _("Content")

sitemaps = {
    "sections": SectionSitemap,
    "pages": PageSitemap,
    "regions": RegionSitemap,
    "visits": VisitSitemap,
    "news": NewsPhotoSitemap,
}

api_patterns = [
    path("", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    # Only addresses ending in a slash, so that CommonMiddleware still adds a missing one.
    re_path(r"^.*/$", not_found),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", views.health, name="health"),
    path("api/", include((api_patterns, "api"))),
    # An index of the sitemaps' files, each within the protocol's limits; cached as the pages are.
    path(
        "sitemap.xml",
        cache_public_page(sitemap_views.index),
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        cache_public_page(views.sitemap_file),
        {"sitemaps": sitemaps},
        name="sitemap_section",
    ),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
]

urlpatterns += i18n_patterns(
    path("", include("cooperation.urls")),
    path("missions/go/", views.go_to_mission, name="go_to_mission"),
    # The regional cooperation page's text was a page of the site before the section had it.
    path(
        "pages/regional-cooperation/",
        RedirectView.as_view(pattern_name="cooperation:overview", permanent=True),
    ),
    path("pages/<slug:slug>/", views.PageDetailView.as_view(), name="page"),
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
