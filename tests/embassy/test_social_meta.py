"""Open Graph and Twitter card tags: how a shared link to any page looks on social networks."""

import re

import pytest

from cooperation.models import NewsPhoto, Region
from embassy.models import Page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("initial_content")]


@pytest.fixture(autouse=True)
def site_page():
    Page.objects.create(title="За посолството", slug="about", status=Page.Status.PUBLISHED)


PHOTO_SLUG = "ambassador-and-brest-oblast-delegation-in-stara-zagora-2021"
PUBLIC_URLS = [
    "/bg/",
    "/bg/cooperation/",
    "/bg/cooperation/agreements/?region=brest-oblast",
    "/bg/cooperation/regions/",
    "/bg/cooperation/regions/brest-oblast/",
    "/bg/cooperation/visits/",
    f"/bg/cooperation/visits/{PHOTO_SLUG}/",
    "/bg/news/",
    f"/bg/news/{PHOTO_SLUG}/",
    "/bg/pages/about/",
]


def meta_tags(client, url):
    head = client.get(url).content.decode().split("</head>")[0]
    tags = re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">', head)
    return dict(tags)


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_every_page_has_a_title_description_address_and_card(client, url):
    tags = meta_tags(client, url)
    assert tags["og:title"] and tags["og:description"] and tags["description"]
    assert tags["og:site_name"]
    assert tags["og:url"] == f"http://testserver{url}"
    assert tags["og:locale"] == "bg_BG"
    assert tags["twitter:card"] in {"summary", "summary_large_image"}


def test_news_page_shares_its_title_caption_and_photo(client):
    photo = NewsPhoto.objects.get()
    tags = meta_tags(client, f"/en/news/{PHOTO_SLUG}/")
    assert tags["og:type"] == "article"
    assert tags["og:title"] == photo.title_en
    assert tags["og:description"] == photo.caption_en
    assert tags["og:image"] == f"http://testserver{photo.image.renditions.shared.url}"
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "800")
    assert tags["og:image:alt"] == photo.alt_text_en
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["og:locale"] == "en_GB"
    assert client.get(tags["og:url"].removeprefix("http://testserver")).status_code == 200


def test_visit_page_shares_its_photo_and_region_page_its_name(client):
    visit_tags = meta_tags(client, f"/bg/cooperation/visits/{PHOTO_SLUG}/")
    assert (
        visit_tags["og:image"]
        == f"http://testserver{NewsPhoto.objects.get().image.renditions.shared.url}"
    )
    region_tags = meta_tags(client, "/ru/cooperation/regions/brest/")
    assert region_tags["og:title"] == Region.objects.get(slug="brest").name_ru
    assert region_tags["twitter:card"] == "summary"
