"""A region's page as a visitor reads it: where the region lies, what it is, its website, its
coat of arms, the units above it, and its visits."""

import datetime
import math
import re

import pytest
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext
from PIL import Image

from cooperation.models import Region
from photos.renditions import JPEG, WEBP
from tests.cooperation.views.conftest import text_of
from tests.factories import (
    AgreementFactory,
    OblastFactory,
    RegionFactory,
    TownFactory,
    VisitFactory,
    jpeg,
)
from tests.photos.image_files import image_bytes, upload

pytestmark = pytest.mark.django_db


def page_of(client, region, language="bg"):
    response = client.get(f"/{language}{region.get_absolute_url()[3:]}")
    assert response.status_code == 200
    return response.content.decode()


def in_language(language, message):
    with translation.override(language):
        return gettext(message)


@pytest.fixture
def village():
    """A village three levels below its oblast, with its place, its text and its website."""
    oblast = OblastFactory(name_bg="Гродненска област")
    district = RegionFactory(parent=oblast, kind="district", name_bg="Гродненски район")
    council = RegionFactory(parent=district, kind="village_council", name_bg="Поречски съвет")
    return RegionFactory(
        parent=council,
        kind="village",
        name_bg="Поречие",
        latitude=53.6,
        longitude=24.1,
        description_bg="Село на Неман.\n\nИзвестно с дървената си църква.",
        website="https://porechye.example.by/",
    )


def test_the_breadcrumbs_name_every_unit_above_the_region_from_the_top(client, village):
    page = page_of(client, village)
    trail = re.search(r'<nav class="breadcrumbs".*?</nav>', page, re.DOTALL).group()
    names = re.findall(r"<li>(?:<a [^>]*>)?([^<]+)", trail)
    assert names[1:] == ["Гродненска област", "Гродненски район", "Поречски съвет"]
    assert f'href="{village.parent.get_absolute_url()}"' in trail
    assert '<li aria-current="page">Поречие</li>' in trail


def test_the_description_keeps_its_paragraphs(client, village):
    page = page_of(client, village)
    assert "<p>Село на Неман.</p>" in page
    assert "<p>Известно с дървената си църква.</p>" in page


@pytest.mark.parametrize("language", ["bg", "en"])
def test_the_website_is_a_link_marked_as_leading_to_another_site(client, village, language):
    page = page_of(client, village, language)
    link = re.search(r'<a class="external"[^>]*>.*?</a>', page, re.DOTALL).group()
    assert 'href="https://porechye.example.by/"' in link
    assert 'rel="noopener noreferrer"' in link
    assert in_language(language, "Official website") in link
    hidden = re.search(r'<span class="visually-hidden">([^<]*)</span>', link).group(1)
    assert hidden.strip() == in_language(language, "(external site)")


def test_the_map_rings_the_region_at_its_place_among_its_partners(client, village):
    agreement = AgreementFactory(mission_region=village)
    page = page_of(client, village)
    drawing = re.search(r'<svg class="agreement-map".*?</svg>', page, re.DOTALL).group()
    assert drawing.count('<a class="map-line"') == 1
    assert f'href="{agreement.host_region.get_absolute_url()}"' in drawing
    ring = re.search(r'<g class="map-marked"[^>]*>.*?</g>', drawing, re.DOTALL).group()
    point = re.search(
        rf'href="{village.get_absolute_url()}">\s*<title>[^<]*</title>\s*'
        r'<circle cx="([\d.]+)" cy="([\d.]+)"',
        drawing,
    )
    assert f'cx="{point.group(1)}" cy="{point.group(2)}"' in ring
    assert "Поречие" in re.search(r"<desc[^>]*>(.*?)</desc>", drawing, re.DOTALL).group(1)


def test_a_region_without_partners_is_still_shown_where_it_lies(client, village):
    drawing = re.search(r'<svg class="agreement-map".*?</svg>', page_of(client, village), re.DOTALL)
    assert drawing is not None
    assert '<a class="map-line"' not in drawing.group()
    assert '<g class="map-marked"' in drawing.group()


def test_a_region_without_a_place_or_partners_has_no_map(client):
    region = RegionFactory(latitude=None, longitude=None)
    assert '<svg class="agreement-map"' not in page_of(client, region)


def test_the_coat_of_arms_is_shown_as_renditions_with_its_text_alternative(client):
    town = TownFactory(name_bg="Лида")
    town.coat_of_arms = upload("lida.jpg", jpeg(300, 360))
    town.save()
    page = page_of(client, town)
    assert town.coat_of_arms.renditions.srcset(WEBP) in page
    assert 'alt="Герб: Лида"' in page
    assert town.coat_of_arms.url not in page


def test_a_visit_date_is_followed_by_its_colon_without_a_space(client):
    town = TownFactory()
    VisitFactory(location=town, regions=[town], start_date=datetime.date(2021, 9, 6))
    page = page_of(client, town)
    assert "6 септември 2021 г.</time>: <a" in page


def test_region_list_groups_by_country(client, regions):
    response = client.get("/bg/cooperation/regions/")
    page = text_of(response)
    page = page[page.index('<h2 id="country-') :]  # The list, after the form's region menu.
    assert page.index("Брестска област") < page.index("Знаменски селски съвет")
    assert page.index("Знаменски селски съвет") < page.index("област Стара Загора")
    assert len(re.findall(r"<h2 id=\"country-", page)) == 2


def test_region_index_goes_page_by_page_and_finds_a_town_by_name(client, monkeypatch):
    monkeypatch.setattr("cooperation.views.regions.RegionListView.paginate_by", 20)
    oblast = OblastFactory(name_bg="Демообласт")
    TownFactory.create_batch(30, parent=oblast)
    TownFactory(name_bg="Търсеноград", parent=oblast)
    first = client.get("/bg/cooperation/regions/")
    assert first.context["paginator"].num_pages == math.ceil(Region.objects.count() / 20)
    assert sum(len(regions) for _country, regions in first.context["countries"]) == 20
    found = text_of(client.get("/bg/cooperation/regions/", {"q": "търсеноград"}))
    assert "Търсеноград" in found and "Демообласт" in found  # The town, and where it lies.
    within = client.get("/bg/cooperation/regions/", {"within": oblast.slug, "page": 2})
    assert within.context["paginator"].count == 32
    assert len(within.context["countries"][0][1]) == 12


def test_region_page_lists_the_first_units_below_it_and_links_to_them_all(client, monkeypatch):
    monkeypatch.setattr("cooperation.views.regions.REGION_PAGE_CHILDREN_LIMIT", 5)
    oblast = OblastFactory()
    towns = TownFactory.create_batch(6, parent=oblast)
    page = text_of(client.get(oblast.get_absolute_url()))
    assert sum(town.get_absolute_url() in page for town in towns) == 5
    assert f'href="/bg/cooperation/regions/?within={oblast.slug}"' in page


def test_region_page_shows_breadcrumbs_partners_below_it_visits_and_children(client, regions):
    page = text_of(client.get("/bg/cooperation/regions/brest-district/"))
    assert 'href="/bg/cooperation/regions/brest-oblast/"' in page
    assert "Чирпан" in page and "Опан" in page
    with translation.override("bg"):
        assert escape(gettext("a unit below this region")) in page
    assert 'href="/bg/cooperation/regions/znamenka-village-council/"' in page


def test_region_page_shows_its_visits_and_photos(client, stara_zagora_visit):
    page = text_of(client.get("/bg/cooperation/regions/stara-zagora-oblast/"))
    assert stara_zagora_visit.get_absolute_url() in page
    assert stara_zagora_visit.photos.get().get_absolute_url() in page


def test_region_lookup_by_slug_is_the_same_in_every_language(client):
    region = RegionFactory()
    for code in ("bg", "ru", "be", "en"):
        assert client.get(f"/{code}/cooperation/regions/{region.slug}/").status_code == 200


def test_region_page_shows_the_first_agreements_and_links_to_all(client, regions, monkeypatch):
    monkeypatch.setattr("cooperation.views.regions.REGION_PAGE_AGREEMENT_LIMIT", 3)
    response = client.get("/bg/cooperation/regions/brest-oblast/")
    assert len(response.context["agreements"]) == 3 and response.context["more_agreements"]
    assert 'href="/bg/cooperation/agreements/?region=brest-oblast"' in text_of(response)


def test_a_region_page_shows_its_coat_of_arms_as_renditions(client):
    region = TownFactory(slug="pinsk", name_bg="Пинск")
    region.coat_of_arms = upload("pinsk.png", image_bytes(Image.new("RGB", (300, 360)), "PNG"))
    region.save()
    page = text_of(client.get("/bg/cooperation/regions/pinsk/"))
    arms = region.coat_of_arms.renditions
    assert f'src="{arms.closest(640, JPEG).url}"' in page
    assert arms.srcset(WEBP) in page
    assert 'alt="Герб: Пинск"' in page
    assert region.coat_of_arms.url not in page
