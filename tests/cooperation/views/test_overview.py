"""The home page and the cooperation page: the list by year, figures, map, timeline, jubilees."""

import re

import pytest
from django.utils import timezone
from django.utils.html import escape

from cooperation.models import OverviewPage, TwinningAgreement, Visit
from tests.cooperation.views.conftest import result_count, svg_of, text_of
from tests.factories import (
    AgreementFactory,
    MunicipalityFactory,
    NewsPhotoFactory,
    OverviewPageFactory,
    TownFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db


def test_root_redirects_to_the_visitors_language(client):
    assert client.get("/", headers={"accept-language": "ru,en;q=0.8"})["Location"] == "/ru/"
    assert client.get("/", headers={"accept-language": "de"})["Location"] == "/bg/"


def test_home_links_the_sections_and_shows_the_latest_photo(client):
    photo = NewsPhotoFactory()
    page = text_of(client.get("/bg/"))
    for path in ("/bg/cooperation/", "/bg/cooperation/agreements/", "/bg/cooperation/visits/"):
        assert f'href="{path}"' in page
    assert f"/bg/news/{photo.slug}/" in page


def test_cooperation_page_names_every_pair_with_its_page_each_year_the_intro_and_the_caption(
    client, regions, stara_zagora_visit
):
    OverviewPageFactory(body_bg="<p>Подписани са повече от 45 споразумения.</p>")
    page = text_of(client.get("/bg/cooperation/"))
    for agreement in TwinningAgreement.objects.with_parties():
        assert (
            f'<a href="/bg/cooperation/agreements/{agreement.pk}-{agreement.address_slug}/">'
            f"{agreement.mission_region.name_bg} – {agreement.host_region.name_bg}</a>"
        ) in page
    years = re.findall(r'<h3 id="year-(\d{4})">', page)
    assert years == ["1997", "1999", "2000", "2018", "2021"]
    assert "повече от 45 споразумения" in page
    assert "с ръководството на област Стара Загора (6 септември 2021 г.)" in page


def test_cooperation_page_shows_live_figures(client):
    town, municipality = TownFactory(), MunicipalityFactory()
    AgreementFactory(mission_region=town, host_region=municipality)
    AgreementFactory(mission_region=town)
    AgreementFactory(host_region=municipality)
    VisitFactory.create_batch(2)
    VisitFactory(status=Visit.Status.DRAFT)
    figures = client.get("/bg/cooperation/").context
    assert figures["agreement_count"] == 3
    assert figures["region_count"] == 4  # the town, the municipality and one more of each
    assert figures["visit_count"] == 2  # the draft is not counted


def test_cooperation_page_lists_newest_first_when_the_editors_choose(client, regions):
    OverviewPageFactory(list_order=OverviewPage.ListOrder.NEWEST_FIRST)
    years = re.findall(r'<h3 id="year-(\d{4})">', text_of(client.get("/bg/cooperation/")))
    assert years == ["2021", "2018", "2000", "1999", "1997"]


def test_cooperation_page_lists_years_with_counts_when_agreements_are_many(
    client, regions, monkeypatch
):
    monkeypatch.setattr("cooperation.views.overview.OVERVIEW_AGREEMENT_LIMIT", 5)
    page = text_of(client.get("/bg/cooperation/"))
    assert 'href="/bg/cooperation/agreements/?year_min=2021&amp;year_max=2021"' in page
    assert "Плевен" not in page.split('<h2 id="agreement-list">')[1]


def test_cooperation_page_maps_every_agreement_as_a_line_between_its_parties(client, regions):
    svg = svg_of(text_of(client.get("/bg/cooperation/")), "agreement-map")
    assert svg.count('<a class="map-line"') == 6
    # Brest, Pinsk, the district, the village council, Minsk; five Bulgarian municipalities.
    assert svg.count('<a class="map-point') == 10
    assert "<title>Брест – Плевен, 1997</title>" in svg
    assert 'href="/bg/cooperation/regions/brest/"' in svg
    assert svg.count('<path class="map-country"') == 2
    # Coordinates keep their decimal point in Bulgarian, which writes numbers with a comma.
    assert not re.search(r'(x1|cx|y2)="\d+,\d', svg)


def test_cooperation_page_timeline_has_a_bar_linking_to_each_year(client, regions):
    svg = svg_of(text_of(client.get("/en/cooperation/")), "timeline")
    bars = re.findall(r'<a class="timeline-bar" href="([^"]+)">\s*<title>([^<]+)</title>', svg)
    assert [title for _url, title in bars] == [
        "1997: 1 agreement",
        "1999: 1 agreement",
        "2000: 1 agreement",
        "2018: 1 agreement",
        "2021: 2 agreements",
    ]
    assert bars[-1][0] == escape("/en/cooperation/agreements/?year_min=2021&year_max=2021")
    response = client.get("/bg/cooperation/agreements/", {"year_min": 2021, "year_max": 2021})
    assert result_count(response) == 2


def test_cooperation_page_announces_this_and_next_years_jubilees(client):
    this_year = timezone.localdate().year
    tenth = AgreementFactory(year=this_year - 10)
    AgreementFactory(year=this_year - 12)
    response = client.get("/en/cooperation/")
    assert [agreement.pk for agreement in response.context["jubilees"]] == [tenth.pk]
    page = text_of(response)
    assert f"Jubilees in {this_year} and {this_year + 1}" in page
    assert tenth.host_region.name_en in page


def test_cooperation_page_with_many_agreements_keeps_the_timeline_and_leaves_out_the_map(
    client, regions, monkeypatch
):
    monkeypatch.setattr("cooperation.views.overview.OVERVIEW_AGREEMENT_LIMIT", 5)
    page = text_of(client.get("/bg/cooperation/"))
    assert '<svg class="agreement-map"' not in page
    assert svg_of(page, "timeline").count('<a class="timeline-bar"') == 5
