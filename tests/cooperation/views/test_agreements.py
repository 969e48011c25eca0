"""The agreement list, its filters, its CSV download and its map."""

import csv
import io
import re

import pytest
from django.utils.html import escape

from cooperation.models import TwinningAgreement
from tests.cooperation.views.conftest import result_count, svg_of, text_of
from tests.factories import (
    AgreementFactory,
    OblastFactory,
    RegionFactory,
    TownFactory,
)

pytestmark = pytest.mark.django_db


def many_agreements(count, **fields):
    """`count` agreements of one town, enough for more than one page of the list."""
    town = TownFactory()
    return AgreementFactory.create_batch(count, mission_region=town, **fields)


def test_agreement_list_without_filters_shows_them_all(client, regions):
    response = client.get("/bg/cooperation/agreements/")
    assert result_count(response) == 6
    assert "6 споразумения" in text_of(response)


def test_oblast_filter_includes_towns_and_districts_inside_it(client, regions):
    response = client.get("/bg/cooperation/agreements/", {"region": "brest-oblast"})
    slugs = {a.mission_region.slug for a in response.context["paginator"].object_list}
    assert slugs == {"brest", "pinsk", "brest-district", "znamenka-village-council"}
    assert result_count(response) == 5  # Minsk's agreement is not in the oblast


def test_bulgarian_oblast_filter_works_from_the_other_side(client, regions):
    response = client.get("/bg/cooperation/agreements/", {"region": "stara-zagora-oblast"})
    slugs = {a.host_region.slug for a in response.context["paginator"].object_list}
    assert slugs == {"chirpan", "opan"}
    assert result_count(response) == 3


def test_combining_filters_narrows_the_result(client, regions):
    url = "/bg/cooperation/agreements/"
    in_oblast = result_count(client.get(url, {"region": "brest-oblast"}))
    in_oblast_since_2000 = result_count(
        client.get(url, {"region": "brest-oblast", "year_min": 2000})
    )
    in_2021 = result_count(
        client.get(url, {"region": "brest-oblast", "year_min": 2021, "year_max": 2021})
    )
    assert (in_oblast, in_oblast_since_2000, in_2021) == (5, 3, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("минск", 1), ("МОГИЛЁВ", 2), ("Mogilev", 2), ("Магілёў", 2), ("стара загора", 1)],
)
def test_text_search_finds_names_in_any_language_and_case(client, text, expected):
    mogilev = RegionFactory(
        name_bg="Могильов", name_ru="Могилёв", name_be="Магілёў", name_en="Mogilev"
    )
    AgreementFactory.create_batch(2, mission_region=mogilev)
    AgreementFactory(mission_region__name_bg="Минск", host_region__name_bg="Стара Загора")
    AgreementFactory()
    response = client.get("/bg/cooperation/agreements/", {"q": text})
    assert result_count(response) == expected


def test_country_narrows_the_text_search_to_one_side(client, regions):
    AgreementFactory(host_region__name_bg="Брестник")
    url = "/bg/cooperation/agreements/"
    on_the_belarusian_side = client.get(url, {"q": "Брест", "country": "BY"})
    assert {a.mission_region.slug for a in on_the_belarusian_side.context["object_list"]} == {
        "brest",
        "brest-district",
    }
    assert result_count(on_the_belarusian_side) == 3
    on_the_bulgarian_side = client.get(url, {"q": "Брест", "country": "BG"})
    assert [a.host_region.name for a in on_the_bulgarian_side.context["object_list"]] == [
        "Брестник"
    ]


def test_sort_by_name(client, regions):
    response = client.get("/bg/cooperation/agreements/", {"sort": "name"})
    # The rows carry the names in the page's language, here Bulgarian.
    names = [a.mission_region.name for a in response.context["paginator"].object_list]
    assert len(names) == 6
    assert names == sorted(names)


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"year_min": "abc"}, "year_min"),
        ({"year_min": "2010", "year_max": "2000"}, "year_max"),
        ({"kind": "alliance"}, "kind"),
        ({"q": "x" * 500}, "q"),
        ({"q": "\x00\x01binary"}, "q"),
        ({"sort": "price"}, "sort"),
    ],
)
def test_bad_filter_input_gives_the_page_with_a_message(client, query, field):
    response = client.get("/bg/cooperation/agreements/", query)
    assert response.status_code == 200
    errors = response.context["filter"].form.errors[field]
    assert errors
    for message in errors:
        assert escape(message) in text_of(response)


def test_reversed_years_name_both_years_and_keep_the_first(client, regions):
    response = client.get("/bg/cooperation/agreements/", {"year_min": 2010, "year_max": 2000})
    assert "2010" in response.context["filter"].form.errors["year_max"][0]
    assert result_count(response) == 3  # from 2010 on: 2018 and 2021's two


def test_out_of_range_page_shows_the_last_page_with_a_message(client):
    many_agreements(26)
    response = client.get("/bg/cooperation/agreements/", {"page": 999})
    assert response.status_code == 200
    assert response.context["page_obj"].number == 2
    assert "999" in text_of(response)
    response = client.get("/bg/cooperation/agreements/", {"page": "last-but-one"})
    assert response.status_code == 200
    assert response.context["page_obj"].number == 1


def test_pagination_keeps_the_filters_in_its_links(client):
    many_agreements(26, year=2000)
    response = client.get("/bg/cooperation/agreements/", {"year_max": 2005})
    assert "?year_max=2005&amp;page=2" in text_of(response)


def test_region_menu_offers_the_oblasts_and_the_chosen_town(client, regions):
    response = client.get("/bg/cooperation/agreements/", {"region": "pinsk"})
    page = text_of(response)
    assert '<option value="pinsk" selected>Пинск</option>' in page
    assert '<option value="stara-zagora-oblast">област Стара Загора</option>' in page
    assert '<option value="varna">' not in page
    assert result_count(response) == 1


def csv_rows(response):
    body = response.getvalue()
    assert body.startswith(b"\xef\xbb\xbf")  # UTF-8 byte order mark
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def test_agreement_list_downloads_as_csv_with_the_filtered_rows_in_the_lists_order(client, regions):
    params = {"region": "brest-oblast", "sort": "name"}
    response = client.get("/bg/cooperation/agreements/", {**params, "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="agreements.csv"'
    rows = csv_rows(response)
    page = client.get("/bg/cooperation/agreements/", params)
    listed = list(page.context["paginator"].object_list)
    assert len(rows) == len(listed) == 5
    assert [(row["mission_party_slug"], row["host_party_slug"]) for row in rows] == [
        (agreement.mission_region.slug, agreement.host_region.slug) for agreement in listed
    ]
    pleven = TwinningAgreement.objects.get(host_region__slug="pleven")
    assert next(row for row in rows if row["host_party_slug"] == "pleven") == {
        "year": "1997",
        "signed_on": "",
        "mission_party_name": "Брест",
        "mission_party_slug": "brest",
        "mission_party_kind": "city",
        "host_party_name": "Плевен",
        "host_party_slug": "pleven",
        "host_party_kind": "municipality",
        "kind": "twinning",
        "status": "active",
        "url": f"http://testserver/bg/cooperation/agreements/{pleven.pk}-brest-pleven/",
    }


def test_agreement_csv_has_every_row_not_one_page_and_names_in_the_pages_language(client):
    agreements = many_agreements(26)
    rows = csv_rows(client.get("/en/cooperation/agreements/", {"format": "csv", "page": 2}))
    assert len(rows) == 26
    assert {row["host_party_name"] for row in rows} == {
        agreement.host_region.name_en for agreement in agreements
    }


def test_agreement_csv_is_sent_while_it_is_made_and_is_complete(client, monkeypatch):
    monkeypatch.setattr("cooperation.exports.ROWS_PER_CHUNK", 10)
    AgreementFactory.create_batch(25, year=2003)
    response = client.get("/en/cooperation/agreements/", {"format": "csv"})
    assert response.streaming
    chunks = [chunk.decode("utf-8-sig") for chunk in response.streaming_content]
    assert len(chunks) > 2
    rows = list(csv.DictReader(io.StringIO("".join(chunks))))
    agreements = TwinningAgreement.objects.all()
    assert len(rows) == agreements.count()
    assert {(row["mission_party_slug"], row["host_party_slug"]) for row in rows} == {
        (agreement.mission_region.slug, agreement.host_region.slug) for agreement in agreements
    }


def test_agreement_csv_with_bad_filters_is_a_400_naming_them(client):
    response = client.get(
        "/bg/cooperation/agreements/", {"year_min": "abc", "kind": "alliance", "format": "csv"}
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert {line.split(":")[0] for line in lines} == {"year_min", "kind"}


def test_agreement_list_links_the_csv_of_its_current_filters(client):
    OblastFactory(slug="brest-oblast")
    page = text_of(client.get("/bg/cooperation/agreements/", {"region": "brest-oblast", "page": 1}))
    assert 'href="?region=brest-oblast&amp;format=csv"' in page


def test_map_page_draws_only_the_filtered_agreements(client, regions):
    response = client.get("/en/cooperation/map/", {"region": "brest-oblast"})
    page = text_of(response)
    assert svg_of(page, "agreement-map").count('<a class="map-line"') == 5
    assert "5 agreements found" in page
    assert 'href="/en/cooperation/agreements/?region=brest-oblast"' in page
    assert 'name="sort"' not in page


def test_map_page_reports_a_bad_filter_and_still_draws_the_map(client):
    AgreementFactory()
    response = client.get("/en/cooperation/map/", {"year_min": "2010", "year_max": "1999"})
    assert response.status_code == 200
    page = text_of(response)
    assert "comes before the first year" in page
    assert '<svg class="agreement-map"' in page


def test_agreement_list_links_to_the_map_of_the_same_filters(client):
    OblastFactory(slug="brest-oblast")
    page = text_of(client.get("/bg/cooperation/agreements/", {"region": "brest-oblast", "page": 1}))
    assert 'href="/bg/cooperation/map/?region=brest-oblast"' in page


def test_a_lines_link_leads_to_the_agreements_page(client):
    town = TownFactory(slug="svetlogorsk", name_bg="Светлогорск")
    AgreementFactory(mission_region=town, host_region__name_bg="Сливен")
    AgreementFactory(mission_region=town, host_region__name_bg="Шумен")
    AgreementFactory(host_region__name_bg="Сливенски район")
    svg = svg_of(
        text_of(client.get("/bg/cooperation/map/", {"region": "svetlogorsk"})), "agreement-map"
    )
    links = re.findall(r'<a class="map-line" href="([^"]+)">', svg)
    assert len(links) == 2
    for link in links:
        response = client.get(link)
        assert response.status_code == 200
        agreement = response.context["agreement"]
        assert agreement.mission_region.slug == "svetlogorsk"
        assert f"<h1>Светлогорск – {agreement.host_region.name_bg}</h1>" in text_of(response)


def test_map_page_with_too_many_agreements_asks_for_narrower_filters(client, regions, monkeypatch):
    monkeypatch.setattr("cooperation.views.agreements.MAP_AGREEMENT_LIMIT", 3)
    page = text_of(client.get("/en/cooperation/map/"))
    assert "Too many agreements to draw: narrow them down with the filters." in page
    assert '<a class="map-line"' not in page
    page = text_of(client.get("/en/cooperation/map/", {"region": "brest-district"}))
    assert svg_of(page, "agreement-map").count('<a class="map-line"') == 3
