"""A test-only page with a stylesheet and photos, for measuring its weight."""

from django.http import HttpResponse
from django.template import Context, Template
from django.urls import path

from cooperation.models import NewsPhoto

# A template tag is one line, however long.
PAGE = Template(
    """{% load photos %}<!doctype html>
<html><head><link rel="stylesheet" href="/static/admin/css/base.css"></head><body>
{% picture featured.image alt=featured.alt_text sizes="100vw" loading="eager" fetchpriority="high" %}
{% for photo in photos %}
{% picture photo.image alt=photo.alt_text sizes="(min-width: 40em) 20em, 50vw" %}
{% endfor %}
</body></html>"""  # noqa: E501
)


def photo_page(request):
    photos = list(NewsPhoto.objects.all())
    return HttpResponse(PAGE.render(Context({"featured": photos[0], "photos": photos})))


urlpatterns = [path("photos/", photo_page)]
