"""The site-wide pages in sitemap.xml, and robots.txt that points to it."""

from urllib.parse import parse_qsl, urlsplit

import pytest

from embassy.models import Page
from tests.cooperation.test_sitemaps import sitemap_files

pytestmark = pytest.mark.django_db


def test_published_pages_are_in_the_sitemap_and_the_cooperation_text_once(client):
    Page.objects.create(title="За нас", slug="about", status=Page.Status.PUBLISHED)
    Page.objects.create(title="Чернова", slug="draft", status=Page.Status.DRAFT)
    sitemap = "".join(
        client.get(urlsplit(url).path, dict(parse_qsl(urlsplit(url).query))).content.decode()
        for url in sitemap_files(client)
    )
    assert "<loc>http://testserver/bg/pages/about/</loc>" in sitemap
    assert "<loc>http://testserver/en/pages/about/</loc>" in sitemap
    assert "/pages/draft/" not in sitemap
    assert "/pages/regional-cooperation/" not in sitemap
    assert "<loc>http://testserver/bg/cooperation/</loc>" in sitemap


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert client.get("/sitemap.xml").status_code == 200
