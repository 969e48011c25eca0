"""A test-only page with a stylesheet and photos, for measuring its weight."""

from django.http import HttpResponse
from django.template import Context, Template
from django.urls import path

from cooperation.models import NewsPhoto

PAGE = Template(
    """{% load photos %}<!doctype html>
<html><head><link rel="stylesheet" href="/static/admin/css/base.css"></head><body>
{% picture featured sizes="100vw" loading="eager" fetchpriority="high" %}
{% for photo in photos %}{% picture photo sizes="(min-width: 40em) 20em, 50vw" %}{% endfor %}
</body></html>"""
)


def photo_page(request):
    photos = list(NewsPhoto.objects.all())
    return HttpResponse(PAGE.render(Context({"featured": photos[0], "photos": photos})))


urlpatterns = [path("photos/", photo_page)]
