"""The site's addresses, and test-only ones that fail in each way an error page answers."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from embassy.urls import handler400, handler403, handler404, handler500, urlpatterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


def fail(request):
    raise RuntimeError("A test's failure.")


def refuse(request):
    raise PermissionDenied


def suspect(request):
    raise SuspiciousOperation("A test's suspicious request.")


failing = [
    path("test-errors/500/", fail),
    path("test-errors/403/", refuse),
    path("test-errors/400/", suspect),
]
urlpatterns = [*failing, *i18n_patterns(*failing), *urlpatterns]
