"""The public pages, as a visitor and as staff see them."""

import csv
import datetime
import io
import math
import re

import pytest
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext
from PIL import Image

from cooperation.models import NewsPhoto, OverviewPage, Region, TwinningAgreement, Visit
from photos.renditions import JPEG, WEBP
from tests.factories import (
    AgreementFactory,
    MissionLinkFactory,
    MunicipalityFactory,
    NewsPhotoFactory,
    OblastFactory,
    OverviewPageFactory,
    RegionFactory,
    TownFactory,
    VisitFactory,
    twinned_regions,
)
from tests.photos.image_files import image_bytes, upload

pytestmark = pytest.mark.django_db


def text_of(response):
    return response.content.decode()


def result_count(response):
    return response.context["paginator"].count


@pytest.fixture
def regions():
    return twinned_regions()


@pytest.fixture
def stara_zagora_visit(regions):
    """The ambassador's visit to Stara Zagora oblast with the Brest oblast delegation, and its
    photo, featured on the cooperation page."""
    visit = VisitFactory(
        kind=Visit.Kind.AMBASSADOR,
        start_date=datetime.date(2021, 9, 6),
        location=regions.stara_zagora_oblast,
        regions=[regions.brest_oblast, regions.stara_zagora_oblast],
    )
    NewsPhotoFactory(
        visit=visit,
        regions=[regions.brest_oblast, regions.stara_zagora_oblast],
        taken_on=datetime.date(2021, 9, 6),
        caption_bg="Срещата с ръководството на област Стара Загора (6 септември 2021 г.)",
        credit_bg="Посолство на Беларус",
        is_featured=True,
    )
    return visit


def many_agreements(count, **fields):
    """`count` agreements of one town, enough for more than one page of the list."""
    town = TownFactory()
    return AgreementFactory.create_batch(count, mission_region=town, **fields)


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


def test_unknown_slugs_are_404(client):
    for url in (
        "/bg/cooperation/regions/atlantis/",
        "/bg/cooperation/visits/atlantis/",
        "/bg/news/atlantis/",
        "/bg/pages/atlantis/",
    ):
        assert client.get(url).status_code == 404


def test_visit_list_newest_first_and_filtered(client):
    burgas_oblast = OblastFactory(country="BG")
    in_2021 = VisitFactory(kind=Visit.Kind.AMBASSADOR, start_date=datetime.date(2021, 9, 6))
    in_2005 = VisitFactory(
        kind=Visit.Kind.TWIN_CITIES_MEETING,
        start_date=datetime.date(2005, 4, 1),
        location=MunicipalityFactory(parent=burgas_oblast),
    )
    in_2000 = VisitFactory(
        kind=Visit.Kind.TWIN_CITIES_MEETING, start_date=datetime.date(2000, 11, 1)
    )

    def visits(**query):
        return list(client.get("/bg/cooperation/visits/", query).context["object_list"])

    assert visits() == [in_2021, in_2005, in_2000]
    assert visits(year=2005) == [in_2005]
    assert visits(region=burgas_oblast.slug) == [in_2005]
    assert visits(kind="ambassador") == [in_2021]
    bad = client.get("/bg/cooperation/visits/", {"year": "MMXXI"})
    assert bad.status_code == 200 and bad.context["filter"].form.errors


def test_visit_page_shows_month_only_dates_as_a_month(client):
    visit = VisitFactory(
        start_date=datetime.date(2000, 11, 1), date_precision=Visit.DatePrecision.MONTH
    )
    page = text_of(client.get(visit.get_absolute_url()))
    assert "ноември 2000 г." in page
    assert "1 ноември 2000 г." not in page


def test_visit_page_shows_its_photos_and_regions(client, stara_zagora_visit):
    page = text_of(client.get(stara_zagora_visit.get_absolute_url()))
    assert "6 септември 2021 г." in page
    assert stara_zagora_visit.photos.get().get_absolute_url() in page
    assert "/bg/cooperation/regions/brest-oblast/" in page


def test_news_page_shows_the_photo_caption_credit_date_visit_and_regions(
    client, stara_zagora_visit
):
    photo = stara_zagora_visit.photos.get()
    page = text_of(client.get(photo.get_absolute_url()))
    assert photo.image.renditions.all[-1].url in page
    assert photo.caption_bg in page and photo.credit_bg in page
    assert "6 септември 2021 г." in page
    assert stara_zagora_visit.get_absolute_url() in page
    assert "/bg/cooperation/regions/stara-zagora-oblast/" in page


def test_news_list_newest_first(client):
    older = NewsPhotoFactory(publish_at=timezone.now() - datetime.timedelta(days=2))
    newer = NewsPhotoFactory(publish_at=timezone.now() - datetime.timedelta(hours=1))
    photos = list(client.get("/bg/news/").context["object_list"])
    assert photos == [newer, older]


@pytest.mark.parametrize("when", ["draft", "future"])
def test_unpublished_entries_are_404_for_the_public_and_previewed_by_staff(
    client, staff_client, when
):
    visit = VisitFactory()
    if when == "draft":
        visit.status = Visit.Status.DRAFT
    else:
        visit.publish_at = timezone.now() + datetime.timedelta(days=1)
    visit.save()
    url = visit.get_absolute_url()
    assert client.get(url).status_code == 404
    assert visit not in client.get("/bg/cooperation/visits/").context["object_list"]
    response = staff_client.get(url)
    assert response.status_code == 200
    assert 'class="draft-banner"' in text_of(response)


def test_draft_photo_is_hidden_from_lists_and_the_cooperation_page(client):
    photo = NewsPhotoFactory(is_featured=True)
    assert client.get("/bg/cooperation/").context["featured_photo"] == photo
    photo.status = NewsPhoto.Status.DRAFT
    photo.save()
    assert client.get(photo.get_absolute_url()).status_code == 404
    assert photo.slug not in text_of(client.get("/bg/news/"))
    assert client.get("/bg/cooperation/").context["featured_photo"] is None


def test_mission_selector_sends_the_browser_on_to_a_stored_link(client):
    """A page that refreshes to the mission and links to it: the Content-Security-Policy's
    form-action 'self' blocks a form's redirect to another site."""
    link = MissionLinkFactory(title_en="All Missions")
    response = client.get("/bg/missions/go/", {"mission": link.pk})
    assert response.status_code == 200
    assert response["Refresh"] == f"0; url={link.url}"
    assert f'<a href="{link.url}" rel="noopener">' in text_of(response)


@pytest.mark.parametrize(
    "query",
    [
        {"mission": "https://evil.example/"},
        {"mission": "999999"},
        {"mission": "", "next": "https://evil.example/"},
        {"mission": "1 OR 1=1", "next": "//evil.example/"},
    ],
)
def test_mission_selector_never_leaves_the_site_for_an_unstored_address(client, query):
    response = client.get("/bg/missions/go/", query, follow=True)
    assert response.status_code == 200
    assert all("evil" not in url for url, _status in response.redirect_chain)
    assert "Изберете дипломатическо представителство" in text_of(response) or (
        "Choose a diplomatic mission" in text_of(response)
    )


def test_mission_selector_with_an_unknown_value_stays_on_the_current_page(client):
    response = client.get("/bg/missions/go/", {"mission": "x", "next": "/bg/news/"})
    assert response["Location"] == "/bg/news/"


def test_every_page_has_the_missions_selector_and_a_language_switcher_keeping_the_page(client):
    OblastFactory(slug="brest-oblast")
    MissionLinkFactory(title_bg="Всички мисии")
    page = text_of(client.get("/bg/cooperation/agreements/", {"region": "brest-oblast"}))
    assert 'action="/bg/missions/go/"' in page
    assert "Всички мисии" in page
    assert 'href="/en/cooperation/agreements/?region=brest-oblast"' in page
    assert 'href="/ru/cooperation/agreements/?region=brest-oblast"' in page


def test_every_page_declares_its_language(client):
    assert '<html lang="en">' in text_of(client.get("/en/cooperation/"))
    assert '<html lang="bg">' in text_of(client.get("/bg/cooperation/"))


def test_region_lookup_by_slug_is_the_same_in_every_language(client):
    region = RegionFactory()
    for code in ("bg", "ru", "be", "en"):
        assert client.get(f"/{code}/cooperation/regions/{region.slug}/").status_code == 200


def test_region_menu_offers_the_oblasts_and_the_chosen_town(client, regions):
    response = client.get("/bg/cooperation/agreements/", {"region": "pinsk"})
    page = text_of(response)
    assert '<option value="pinsk" selected>Пинск</option>' in page
    assert '<option value="stara-zagora-oblast">област Стара Загора</option>' in page
    assert '<option value="varna">' not in page
    assert result_count(response) == 1


def test_cooperation_page_lists_years_with_counts_when_agreements_are_many(
    client, regions, monkeypatch
):
    monkeypatch.setattr("cooperation.views.overview.OVERVIEW_AGREEMENT_LIMIT", 5)
    page = text_of(client.get("/bg/cooperation/"))
    assert 'href="/bg/cooperation/agreements/?year_min=2021&amp;year_max=2021"' in page
    assert "Плевен" not in page.split('<h2 id="agreement-list">')[1]


def test_region_page_shows_the_first_agreements_and_links_to_all(client, regions, monkeypatch):
    monkeypatch.setattr("cooperation.views.regions.REGION_PAGE_AGREEMENT_LIMIT", 3)
    response = client.get("/bg/cooperation/regions/brest-oblast/")
    assert len(response.context["agreements"]) == 3 and response.context["more_agreements"]
    assert 'href="/bg/cooperation/agreements/?region=brest-oblast"' in text_of(response)


@pytest.mark.parametrize("url", ["/bg/", "/bg/news/", "/bg/cooperation/", "the photo's page"])
def test_pages_send_renditions_that_exist_and_never_the_original(client, url):
    from django.core.files.storage import default_storage

    photo = NewsPhotoFactory(is_featured=True)
    if url == "the photo's page":
        url = photo.get_absolute_url()
    page = text_of(client.get(url))
    assert photo.image.url not in page
    sources = re.findall(r'srcset="([^"]+)"', page)
    assert sources
    for srcset in sources:
        for candidate in srcset.split(", "):
            url_part = candidate.split()[0]
            assert default_storage.exists(url_part.removeprefix(default_storage.base_url))


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


def svg_of(page, css_class):
    return re.search(rf'<svg class="{css_class}".*?</svg>', page, re.DOTALL).group()


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


def test_cooperation_page_with_many_agreements_keeps_the_timeline_and_leaves_out_the_map(
    client, regions, monkeypatch
):
    monkeypatch.setattr("cooperation.views.overview.OVERVIEW_AGREEMENT_LIMIT", 5)
    page = text_of(client.get("/bg/cooperation/"))
    assert '<svg class="agreement-map"' not in page
    assert svg_of(page, "timeline").count('<a class="timeline-bar"') == 5


def test_map_page_with_too_many_agreements_asks_for_narrower_filters(client, regions, monkeypatch):
    monkeypatch.setattr("cooperation.views.agreements.MAP_AGREEMENT_LIMIT", 3)
    page = text_of(client.get("/en/cooperation/map/"))
    assert "Too many agreements to draw: narrow them down with the filters." in page
    assert '<a class="map-line"' not in page
    page = text_of(client.get("/en/cooperation/map/", {"region": "brest-district"}))
    assert svg_of(page, "agreement-map").count('<a class="map-line"') == 3


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
