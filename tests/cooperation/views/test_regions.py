"""A region's page as a visitor reads it: where the region lies, what it is, its website, its
coat of arms, the units above it, and its visits."""

import datetime
import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

from photos.renditions import WEBP
from tests.factories import (
    AgreementFactory,
    OblastFactory,
    RegionFactory,
    TownFactory,
    VisitFactory,
    jpeg,
)
from tests.photos.image_files import upload

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
