"""Open Graph and Twitter card tags: how a shared link to any page looks on social networks."""

import re

import pytest

from tests.factories import (
    NewsPhotoFactory,
    OblastFactory,
    PageFactory,
    RegionFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db

VISIT_SLUG = "delegation-in-stara-zagora"
PHOTO_SLUG = "delegation-in-stara-zagora-photo"


@pytest.fixture(autouse=True)
def content():
    """A page of the site, an oblast, and a visit of it with a photo, featured."""
    PageFactory(title_bg="За посолството", slug="about")
    oblast = OblastFactory(slug="brest-oblast")
    visit = VisitFactory(slug=VISIT_SLUG, regions=[oblast])
    return NewsPhotoFactory(
        slug=PHOTO_SLUG,
        visit=visit,
        regions=[oblast],
        is_featured=True,
        caption_en="The delegation and the regional governor.",
        size=(1200, 800),
    )


PUBLIC_URLS = [
    "/bg/",
    "/bg/cooperation/",
    "/bg/cooperation/agreements/?region=brest-oblast",
    "/bg/cooperation/regions/",
    "/bg/cooperation/regions/brest-oblast/",
    "/bg/cooperation/visits/",
    f"/bg/cooperation/visits/{VISIT_SLUG}/",
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


def test_news_page_shares_its_title_caption_and_photo(client, content):
    photo = content
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


def test_visit_page_shares_its_photo_and_region_page_its_name(client, content):
    visit_tags = meta_tags(client, f"/bg/cooperation/visits/{VISIT_SLUG}/")
    assert visit_tags["og:image"] == f"http://testserver{content.image.renditions.shared.url}"
    RegionFactory(slug="brest", name_bg="Брест", name_ru="Брест (город)")
    region_tags = meta_tags(client, "/ru/cooperation/regions/brest/")
    assert region_tags["og:title"] == "Брест (город)"
    assert region_tags["twitter:card"] == "summary"
