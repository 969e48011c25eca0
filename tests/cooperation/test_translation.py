"""Four languages end to end: names, interface, dates, fallbacks and alternates."""

import datetime
import re

import pytest
from django.utils import translation

from tests.factories import (
    AgreementFactory,
    MunicipalityFactory,
    OblastFactory,
    RegionFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def mogilev():
    """A city named in the four languages, with an agreement."""
    city = RegionFactory(
        slug="mogilev", name_bg="Могильов", name_ru="Могилёв", name_be="Магілёў", name_en="Mogilev"
    )
    AgreementFactory(mission_region=city)
    return city


@pytest.mark.parametrize(
    ("code", "name", "interface"),
    [
        ("bg", "Могильов", "Споразумения"),
        ("ru", "Могилёв", "Соглашения"),
        ("be", "Магілёў", "Пагадненні"),
        ("en", "Mogilev", "Agreements"),
    ],
)
def test_cooperation_page_speaks_the_visitors_language(client, mogilev, code, name, interface):
    page = client.get(f"/{code}/cooperation/").content.decode()
    assert f'<html lang="{code}">' in page
    assert f">{name} – " in page
    assert interface in page


@pytest.mark.parametrize(
    ("code", "date"),
    [
        ("bg", "6 септември 2021 г."),
        ("ru", "6 сентября 2021 г."),
        ("be", "6 верасня 2021 г."),
        ("en", "6 September 2021"),
    ],
)
def test_dates_are_written_in_the_pages_language(client, code, date):
    visit = VisitFactory(start_date=datetime.date(2021, 9, 6))
    with translation.override(code):
        url = visit.get_absolute_url()
    assert date in client.get(url).content.decode()


def test_a_missing_name_falls_back_to_bulgarian(client):
    AgreementFactory(host_region=MunicipalityFactory(name_bg="Габрово", name_en="", name_be=""))
    assert " – Габрово</a>" in client.get("/en/cooperation/").content.decode()
    assert " – Габрово</a>" in client.get("/be/cooperation/").content.decode()


def test_a_text_missing_in_bulgarian_falls_back_to_russian_then_english(client):
    minsk = RegionFactory(slug="minsk")
    minsk.description_ru = "Столица Беларуси."
    minsk.description_en = "The capital of Belarus."
    minsk.save()
    assert "Столица Беларуси." in client.get("/bg/cooperation/regions/minsk/").content.decode()
    minsk.description_ru = ""
    minsk.save()
    assert (
        "The capital of Belarus." in client.get("/bg/cooperation/regions/minsk/").content.decode()
    )


def test_pages_link_their_other_language_versions_which_exist(client):
    RegionFactory(slug="brest")
    page = client.get("/bg/cooperation/regions/brest/?x=1").content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', page))
    assert set(alternates) >= {"bg", "ru", "be", "en"}
    for code in ("bg", "ru", "be", "en"):
        url = alternates[code]
        assert url.startswith(f"http://testserver/{code}/cooperation/regions/brest/")
        assert client.get(url.removeprefix("http://testserver")).status_code == 200


def test_language_switcher_keeps_the_page_and_its_query(client):
    OblastFactory(slug="brest-oblast")
    page = client.get("/ru/cooperation/agreements/?region=brest-oblast&sort=name").content.decode()
    assert 'href="/be/cooperation/agreements/?region=brest-oblast&amp;sort=name"' in page


def test_slugs_are_the_same_in_every_language(client, mogilev):
    for code in ("bg", "ru", "be", "en"):
        page = client.get(f"/{code}/cooperation/").content.decode()
        assert f'href="/{code}/cooperation/regions/mogilev/"' in page
