"""The site's icons: linked from every page, served by the site, /favicon.ico included."""

import io
import re

import pytest
from django.core.management import call_command
from PIL import Image

pytestmark = pytest.mark.django_db


def served(client, url):
    response = client.get(url, follow=True)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_every_page_links_an_svg_icon_with_png_fallback_and_an_apple_touch_icon(client):
    page = client.get("/bg/cooperation/").content.decode()
    links = dict(re.findall(r'<link rel="(icon|apple-touch-icon)" href="([^"]+)"', page))
    svg = re.search(r'<link rel="icon" href="([^"]+\.svg)" type="image/svg\+xml">', page)
    png = re.search(r'<link rel="icon" href="([^"]+\.png)" type="image/png" sizes="32x32">', page)
    assert svg and png and "apple-touch-icon" in links
    assert served(client, svg[1]).startswith(b"<svg")
    assert Image.open(io.BytesIO(served(client, png[1]))).size == (32, 32)
    touch = Image.open(io.BytesIO(served(client, links["apple-touch-icon"])))
    assert (touch.format, touch.size) == ("PNG", (180, 180))


def test_favicon_ico_answers_at_the_root_with_three_sizes(client):
    icon = Image.open(io.BytesIO(served(client, "/favicon.ico")))
    assert icon.format == "ICO"
    assert icon.info["sizes"] == {(16, 16), (32, 32), (48, 48)}


def test_make_icons_draws_the_png_and_ico_icons(tmp_path):
    call_command("make_icons", output=tmp_path, stdout=io.StringIO())
    assert Image.open(tmp_path / "favicon.png").size == (32, 32)
    assert Image.open(tmp_path / "apple-touch-icon.png").size == (180, 180)
    assert Image.open(tmp_path / "favicon.ico").info["sizes"] == {(16, 16), (32, 32), (48, 48)}
