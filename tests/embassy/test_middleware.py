"""Security headers: every response carries them, the admin's own pages included."""

import gzip
from html.parser import HTMLParser

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.factories import (
    NewsPhotoFactory,
    OverviewPageFactory,
    RegionFactory,
    VisitFactory,
    twinned_regions,
)

pytestmark = pytest.mark.django_db

EXPECTED_CSP = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "style-src": ["'self'"],
    "script-src": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}


def content_security_policy(response):
    directives = {}
    for directive in response["Content-Security-Policy"].split(";"):
        name, *sources = directive.split()
        directives[name] = sources
    return directives


def assert_security_headers(response):
    assert content_security_policy(response) == EXPECTED_CSP
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_admin_login_page_carries_every_security_header(client):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 200
    assert_security_headers(response)


def test_page_not_found_carries_every_security_header(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert_security_headers(response)


def test_content_security_policy_allows_nothing_inline_and_no_other_site(client):
    policy = client.get(reverse("admin:login"))["Content-Security-Policy"]
    assert "unsafe" not in policy
    assert "http" not in policy
    assert "*" not in policy


@override_settings(SECURE_HSTS_SECONDS=31536000)
def test_https_responses_ask_browsers_to_keep_to_https(client):
    response = client.get(reverse("admin:login"), secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


@override_settings(SECURE_SSL_REDIRECT=True)
def test_plain_http_is_redirected_to_https_except_the_health_check(client):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/admin/login/"
    assert client.get(reverse("health")).status_code == 200


@override_settings(
    SECURE_SSL_REDIRECT=True,
    SECURE_HSTS_SECONDS=31536000,
    SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"),
)
def test_behind_a_proxy_a_request_it_received_over_https_counts_as_https(client):
    response = client.get(reverse("admin:login"), headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 200
    assert "Strict-Transport-Security" in response


@override_settings(SECURE_HSTS_SECONDS=31536000)
def test_plain_http_responses_carry_no_hsts(client):
    assert "Strict-Transport-Security" not in client.get(reverse("admin:login"))


@pytest.fixture
def content():
    """Something of everything the public pages show: regions and agreements (the map and the
    timeline), the cooperation page's text, a visit and a featured photo."""
    regions = twinned_regions()
    OverviewPageFactory()
    visit = VisitFactory(regions=[regions.brest_oblast])
    NewsPhotoFactory(visit=visit, regions=[regions.brest_oblast], is_featured=True)
    return regions


PUBLIC_PAGES = [
    "/bg/",
    "/bg/cooperation/",
    "/ru/cooperation/agreements/?q=брест",
    "/en/cooperation/regions/",
    "/bg/cooperation/regions/brest-oblast/",
    "/bg/cooperation/visits/",
    "/bg/news/",
]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_carry_every_security_header_also_from_the_cache(client, content, url):
    first, cached = client.get(url), client.get(url)
    assert first.status_code == cached.status_code == 200
    assert_security_headers(first)
    assert_security_headers(cached)


class InlineCodeFinder(HTMLParser):
    """Collect what a Content-Security-Policy without 'unsafe-inline' would block."""

    def __init__(self):
        super().__init__()
        self.blocked = []
        self.in_inline_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        # A data block (JSON-LD, JSON) is never run, so the policy does not apply to it.
        runs = attributes.get("type", "text/javascript") in {"text/javascript", "module", ""}
        if tag == "script" and "src" not in attributes and runs:
            self.in_inline_script = True
        if tag == "style":
            self.blocked.append("<style>")
        for name, value in attrs:
            if name == "style" or name.startswith("on"):
                self.blocked.append(f'<{tag} {name}="{value}">')
            if value and value.strip().lower().startswith("javascript:"):
                self.blocked.append(f'<{tag} {name}="{value}">')

    def handle_data(self, data):
        if self.in_inline_script and data.strip():
            self.blocked.append(f"<script>{data.strip()[:60]}")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_inline_script = False


def inline_code(response):
    finder = InlineCodeFinder()
    finder.feed(response.content.decode())
    return finder.blocked


@pytest.mark.parametrize("view", ["add", "change"])
def test_region_admin_form_needs_no_inline_code(staff_client, view):
    """The form's slug prepopulation, autocomplete and inlines run from files, as the CSP needs."""
    region = twinned_regions().brest_oblast
    args = [region.pk] if view == "change" else []
    response = staff_client.get(reverse(f"admin:cooperation_region_{view}", args=args))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-prepopulated-fields="[{&quot;id&quot;: &quot;#id_slug&quot;' in page
    assert "admin/js/autocomplete.js" in page
    assert inline_code(response) == []
    assert_security_headers(response)


@pytest.mark.parametrize(
    "url_name", ["admin:index", "admin:cooperation_newsphoto_changelist", "admin:login"]
)
def test_admin_pages_need_no_inline_code(staff_client, content, url_name):
    response = staff_client.get(reverse(url_name), follow=True)
    assert response.status_code == 200
    assert inline_code(response) == []


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_need_no_inline_code(client, content, url):
    response = client.get(url)
    assert inline_code(response) == []


def test_admin_language_switcher_still_switches_and_keeps_the_cookie_from_scripts(staff_client):
    response = staff_client.post(reverse("set_language"), {"language": "ru", "next": "/admin/"})
    assert response.status_code == 302
    assert response.cookies["django_language"]["httponly"]
    assert staff_client.get("/admin/").headers["Content-Language"] == "ru"


# The admin's answers to requests its pages never send.


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE", "TRACE", "OPTIONS"])
def test_admin_pages_answer_other_methods_than_reading_and_sending_a_form_with_405(
    staff_client, method
):
    visit = VisitFactory()
    response = staff_client.generic(method, f"/admin/cooperation/visit/{visit.pk}/change/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, POST"


def test_an_empty_to_field_is_a_bad_request_not_a_server_error(staff_client):
    visit = VisitFactory()
    response = staff_client.get(f"/admin/cooperation/visit/{visit.pk}/change/?_to_field=")
    assert response.status_code == 400


def test_a_nul_in_a_filters_value_is_a_bad_request(staff_client):
    RegionFactory()
    response = staff_client.get("/admin/cooperation/region/?country__exact=a%00b")
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("url", "content_type"),
    [
        ("/bg/cooperation/", "text/html; charset=utf-8"),
        ("/api/agreements/", "application/json"),
        ("/bg/cooperation/agreements/?format=csv", "text/csv; charset=utf-8"),
        ("/sitemap-regions.xml", "application/xml"),
        ("/bg/news/feed/rss/", "application/rss+xml; charset=utf-8"),
    ],
)
def test_text_is_compressed_on_the_wire_for_a_browser_that_accepts_gzip(
    client, staff_client, url, content_type
):
    twinned_regions()  # Enough text to be worth compressing.
    for browser in (client, staff_client):  # from the page cache, and made afresh
        response = browser.get(url, headers={"accept-encoding": "gzip", "accept": "*/*"})
        assert response.status_code == 200
        assert response["Content-Type"] == content_type
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        body = gzip.decompress(response.getvalue())
        plain = browser.get(url, headers={"accept": "*/*"}).getvalue()
        assert len(body) == len(plain) > len(response.getvalue())
