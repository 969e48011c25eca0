"""Absolute links from settings.SITE_URL, never from a request's Host, so that no visitor can put
another host into a cached page. Django's Site is kept to it at every migrate."""

from urllib.parse import urljoin, urlsplit

from django.apps import apps as global_apps
from django.conf import settings


def absolute_url(url):
    """A path of the site ("/bg/news/") as an absolute address; absolute addresses stay."""
    return urljoin(settings.SITE_URL, url)


def on_site(url):
    """An absolute address made from a request's host, moved to the site's own address."""
    parts = urlsplit(url)
    return absolute_url(f"{parts.path}?{parts.query}" if parts.query else parts.path)


def keep_site_to_setting(using, apps=global_apps, **kwargs):
    """After a migrate or a flush: Django's Site has SITE_URL's host name."""
    domain = urlsplit(settings.SITE_URL).netloc
    apps.get_model("sites", "Site").objects.using(using).update_or_create(
        pk=settings.SITE_ID, defaults={"domain": domain, "name": domain}
    )
