from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from . import views
from .cache import cache_public_page

admin.site.site_header = _("Embassy of Belarus in Bulgaria: regional cooperation")
admin.site.site_title = _("Regional cooperation")
admin.site.index_title = _("Content")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", views.health, name="health"),
]

urlpatterns += i18n_patterns(
    path("", include("cooperation.urls")),
    path("missions/go/", views.go_to_mission, name="go_to_mission"),
    path("pages/<slug:slug>/", cache_public_page(views.PageDetailView.as_view()), name="page"),
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
