"""The schema.org structured data of the pages with a subject, in the page's language."""

import datetime

import pytest
from django.core.files.base import ContentFile

from tests.factories import NewsPhotoFactory, OblastFactory, TownFactory, VisitFactory, jpeg
from tests.schema_org import problems, structured_data

pytestmark = pytest.mark.django_db


def the_node(client, path):
    response = client.get(path)
    assert response.status_code == 200
    (node,) = structured_data(response)
    return node


@pytest.fixture
def town():
    oblast = OblastFactory(name_bg="Област Тестова", name_ru="Тестовая область")
    return TownFactory(
        parent=oblast,
        name_bg="Тестово",
        name_ru="Тестово-на-Днепре",
        latitude=53.9,
        longitude=27.5667,
        description_ru="Город на реке.",
        website="https://town.example.org/",
    )


def test_a_region_is_an_administrative_area_within_its_parents_with_its_coordinates(client, town):
    node = the_node(client, f"/ru/cooperation/regions/{town.slug}/")
    assert node["@type"] == "AdministrativeArea"
    assert node["name"] == "Тестово-на-Днепре"
    assert node["url"] == f"http://testserver/ru/cooperation/regions/{town.slug}/"
    assert node["description"] == "Город на реке."
    assert node["geo"] == {"@type": "GeoCoordinates", "latitude": 53.9, "longitude": 27.5667}
    assert node["sameAs"] == "https://town.example.org/"
    parent = node["containedInPlace"]
    assert (parent["@type"], parent["name"]) == ("AdministrativeArea", "Тестовая область")
    assert parent["containedInPlace"] == {"@type": "Country", "name": "Беларусь"}


def test_a_regions_coat_of_arms_is_its_logo(client, town):
    town.coat_of_arms = ContentFile(jpeg(400, 480), name="arms.jpg")
    town.save()
    logo = the_node(client, f"/en/cooperation/regions/{town.slug}/")["logo"]
    assert logo["@type"] == "ImageObject"
    assert logo["contentUrl"].startswith("http://testserver/media/renditions/regions/arms/")
    assert logo["width"]["value"] == 400 and logo["height"]["value"] == 480


def test_a_visit_is_an_event_with_its_place_its_dates_and_its_photo(client, town):
    visit = VisitFactory(
        title_en="Delegation of Testovo",
        summary_en="Talks on trade.",
        start_date=datetime.date(2021, 9, 6),
        end_date=datetime.date(2021, 9, 8),
        location=town,
    )
    photo = NewsPhotoFactory(visit=visit)
    node = the_node(client, f"/en/cooperation/visits/{visit.slug}/")
    assert node["@type"] == "Event"
    assert (node["name"], node["description"]) == ("Delegation of Testovo", "Talks on trade.")
    assert (node["startDate"], node["endDate"]) == ("2021-09-06", "2021-09-08")
    assert node["inLanguage"] == "en"
    assert node["location"]["name"] == town.name_en
    assert node["location"]["geo"]["latitude"] == 53.9
    assert node["location"]["address"]["addressCountry"] == "BY"
    assert node["image"]["contentUrl"] == f"http://testserver{photo.image.renditions.shared.url}"


def test_a_visit_known_to_the_month_starts_in_that_month(client):
    visit = VisitFactory(start_date=datetime.date(2000, 11, 1), date_precision="month")
    assert the_node(client, f"/bg/cooperation/visits/{visit.slug}/")["startDate"] == "2000-11"


def test_a_news_photo_is_a_news_article_with_its_shared_rendition(client, town):
    photo = NewsPhotoFactory(
        title_bg="Среща в Тестово",
        caption_bg="Кметовете.",
        credit_bg="Посолството",
        taken_on=datetime.date(2021, 9, 6),
        regions=[town],
    )
    node = the_node(client, f"/bg/news/{photo.slug}/")
    shared = photo.image.renditions.shared
    assert node["@type"] == "NewsArticle"
    assert (node["headline"], node["description"], node["inLanguage"]) == (
        "Среща в Тестово",
        "Кметовете.",
        "bg",
    )
    assert node["image"]["contentUrl"] == f"http://testserver{shared.url}"
    assert node["image"]["width"]["value"] == shared.width
    assert (node["image"]["creditText"], node["image"]["dateCreated"]) == (
        "Посолството",
        "2021-09-06",
    )
    assert node["datePublished"] == photo.publish_at.isoformat()
    assert node["publisher"]["@type"] == "GovernmentOrganization"
    assert node["publisher"]["name"] == "Посолство на Република Беларус в Република България"
    assert [place["name"] for place in node["contentLocation"]] == ["Тестово"]


def test_the_home_page_presents_the_embassy_in_its_language(client):
    node = the_node(client, "/ru/")
    assert node["@type"] == "GovernmentOrganization"
    assert node["name"] == "Посольство Республики Беларусь в Республике Болгария"


def test_a_text_cannot_end_the_data_element(client, town):
    town.description_bg = "</script><script>alert(1)</script> & <b>"
    town.save()
    page = client.get(f"/bg/cooperation/regions/{town.slug}/").content.decode()
    assert "<script>alert(1)" not in page
    assert "\\u003C/script\\u003E" in page
    (node,) = structured_data(client.get(f"/bg/cooperation/regions/{town.slug}/"))
    assert node["description"] == "</script><script>alert(1)</script> & <b>"


def test_the_check_finds_what_schema_org_does_not_allow():
    assert problems({"@type": "Event", "startDate": "2021-09-06"}) == []
    assert problems({"@type": "City", "headline": "x"}) == ["$.headline: not a property of City"]
    assert problems({"@type": "Evnt"}) == ["$: 'Evnt' is not a schema.org type"]
    assert problems({"@type": "Place", "geo": {"@type": "Country"}})
    assert problems({"@type": "Place", "latitude": True})
