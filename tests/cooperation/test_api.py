"""The JSON API as a journalist's script, a map on another site and a fuzzer use it."""

import contextlib
import datetime

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from PIL import Image

from cooperation.models import NewsPhoto, Region, TwinningAgreement, Visit
from embassy.wsgi import application
from tests.cooperation.test_query_counts import LARGE, SMALL, add_content
from tests.factories import (
    MunicipalityFactory,
    NewsPhotoFactory,
    OblastFactory,
    RegionFactory,
    TownFactory,
    VisitFactory,
    twinned_regions,
)
from tests.photos.image_files import image_bytes, upload

pytestmark = pytest.mark.django_db

VISIT_SLUG = "ambassador-in-stara-zagora-2021"
PHOTO_SLUG = "ambassador-in-stara-zagora-2021-photo"
OPERATIONS = [
    ("/api/regions/", "GET"),
    ("/api/regions/{slug}/", "GET"),
    ("/api/agreements/", "GET"),
    ("/api/agreements/{id}/", "GET"),
    ("/api/visits/", "GET"),
    ("/api/visits/{slug}/", "GET"),
    ("/api/news/", "GET"),
    ("/api/news/{slug}/", "GET"),
]


def get_json(client, url, params=None, **headers):
    response = client.get(url, params or {}, headers={"accept": "application/json", **headers})
    assert response["Content-Type"] == "application/json", response.content[:200]
    return response


def all_results(client, url, params=None):
    body = get_json(client, url, {"page_size": 500, **(params or {})}).json()
    assert body["next"] is None
    return body["results"]


@pytest.fixture
def regions():
    return twinned_regions()


@pytest.fixture
def visits(regions):
    """The ambassador's visit to Stara Zagora oblast in 2021, with its photo; a meeting of
    twinned cities in Burgas in 2005; another, known to the month, in 2000, with no place."""
    burgas_oblast = OblastFactory(country="BG", slug="burgas-oblast")
    ambassador = VisitFactory(
        slug=VISIT_SLUG,
        kind=Visit.Kind.AMBASSADOR,
        start_date=datetime.date(2021, 9, 6),
        location=regions.stara_zagora_oblast,
        regions=[regions.brest_oblast, regions.stara_zagora_oblast],
    )
    NewsPhotoFactory(
        slug=PHOTO_SLUG,
        visit=ambassador,
        regions=[regions.brest_oblast, regions.stara_zagora_oblast],
        publish_at=datetime.datetime(2021, 9, 6, 15, 0, tzinfo=datetime.UTC),
    )
    VisitFactory(
        slug="second-meeting-of-twinned-cities-2005",
        kind=Visit.Kind.TWIN_CITIES_MEETING,
        start_date=datetime.date(2005, 4, 1),
        date_precision=Visit.DatePrecision.MONTH,
        location=MunicipalityFactory(parent=burgas_oblast, slug="burgas"),
    )
    VisitFactory(
        slug="first-meeting-of-twinned-cities-2000",
        kind=Visit.Kind.TWIN_CITIES_MEETING,
        start_date=datetime.date(2000, 11, 1),
        date_precision=Visit.DatePrecision.MONTH,
    )
    return ambassador


# Regions


def test_regions_list_every_region_with_its_place_in_the_tree(client, regions):
    RegionFactory.create_batch(40)
    Region.objects.filter(slug="brest-oblast").update(latitude=52.0976, longitude=23.7341)
    body = get_json(client, "/api/regions/").json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == Region.objects.count() > 50
    assert len(body["results"]) == 50
    assert body["next"] == "http://testserver/api/regions/?page=2"
    brest_oblast, first_child = body["results"][:2]
    assert brest_oblast == {
        "slug": "brest-oblast",
        "name": "Брестска област",
        "kind": "oblast",
        "country": "BY",
        "parent": None,
        "latitude": 52.0976,
        "longitude": 23.7341,
        "coat_of_arms": [],
        "url": "http://testserver/bg/cooperation/regions/brest-oblast/",
    }
    assert first_child["parent"] == "brest-oblast"


def test_a_regions_coat_of_arms_comes_as_renditions(client):
    region = OblastFactory(slug="brest-oblast")
    region.coat_of_arms = upload("brest.png", image_bytes(Image.new("RGB", (400, 480)), "PNG"))
    region.save()
    arms = get_json(client, "/api/regions/brest-oblast/").json()["coat_of_arms"]
    assert [(image["width"], image["height"], image["type"]) for image in arms] == [
        (320, 384, "image/webp"),
        (400, 480, "image/webp"),
        (320, 384, "image/jpeg"),
        (400, 480, "image/jpeg"),
    ]
    assert all(image["url"].startswith("http://testserver/media/renditions/") for image in arms)


def test_one_region_by_its_slug(client, regions):
    region = get_json(client, "/api/regions/znamenka-village-council/").json()
    assert region["kind"] == "village_council"
    assert region["parent"] == "brest-district"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "BG", "kind": "oblast"}, {"slug": "stara-zagora-oblast", "country": "BG"}),
        ({"q": "загора"}, {"slug": "stara-zagora-oblast"}),
        ({"q": "ZNAMENKA"}, {"slug": "znamenka-village-council"}),
        ({"within": "brest-district"}, {"slug": "znamenka-village-council"}),
    ],
)
def test_region_filters(client, params, expected, regions):
    results = all_results(client, "/api/regions/", params)
    assert results
    assert any(expected.items() <= region.items() for region in results)
    for key in ("country", "kind"):
        if key in params:
            assert {region[key] for region in results} == {params[key]}


def test_within_filter_gives_the_region_and_every_unit_below_it(client, regions):
    slugs = {
        region["slug"]
        for region in all_results(client, "/api/regions/", {"within": "brest-oblast"})
    }
    brest_oblast = Region.objects.get(slug="brest-oblast")
    assert slugs == set(Region.objects.within(brest_oblast).values_list("slug", flat=True))
    assert {"brest-oblast", "brest-district", "znamenka-village-council"} <= slugs
    assert "stara-zagora-oblast" not in slugs


# Agreements


def test_agreements_carry_both_parties_and_the_address_of_their_page(client, regions):
    body = get_json(client, "/api/agreements/", {"region": "pleven"}).json()
    assert body["count"] == 1
    agreement = body["results"][0]
    stored = TwinningAgreement.objects.get(host_region__slug="pleven")
    assert agreement == {
        "id": stored.pk,
        "year": stored.year,
        "signed_on": None,
        "kind": "twinning",
        "status": "active",
        "parties": [
            {
                "slug": "brest",
                "name": "Брест",
                "country": "BY",
                "kind": "city",
                "url": "http://testserver/bg/cooperation/regions/brest/",
            },
            {
                "slug": "pleven",
                "name": "Плевен",
                "country": "BG",
                "kind": "municipality",
                "url": "http://testserver/bg/cooperation/regions/pleven/",
            },
        ],
        "url": f"http://testserver/bg/cooperation/agreements/{stored.pk}-brest-pleven/",
    }
    assert get_json(client, f"/api/agreements/{stored.pk}/").json() == agreement


def test_agreement_signing_date_is_an_iso_date(client, regions):
    TwinningAgreement.objects.filter(host_region__slug="pleven").update(
        signed_on=datetime.date(1997, 5, 14), year=1997
    )
    agreement = get_json(client, "/api/agreements/", {"region": "pleven"}).json()["results"][0]
    assert agreement["signed_on"] == "1997-05-14"


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"region": "brest-oblast"},
        {"region": "stara-zagora-oblast", "year_min": 2000},
        {"region": "brest-oblast", "year_min": 2021, "year_max": 2021},
        {"q": "минск"},
        {"q": "Brest", "country": "BY"},
        {"q": "Брест", "country": "BG"},
        {"kind": "twinning", "status": "active", "sort": "name"},
        {"year_max": 2005, "sort": "-name"},
        {"sort": "year"},
    ],
)
def test_api_and_agreement_list_page_give_the_same_agreements_in_the_same_order(
    client, params, regions
):
    page = client.get("/bg/cooperation/agreements/", params)
    on_the_page = [agreement.pk for agreement in page.context["paginator"].object_list]
    in_the_api = [agreement["id"] for agreement in all_results(client, "/api/agreements/", params)]
    assert in_the_api == on_the_page


def test_the_agreement_list_links_its_json_download_with_the_same_filters(client):
    OblastFactory(slug="brest-oblast")
    page = client.get("/en/cooperation/agreements/", {"region": "brest-oblast", "page": 2})
    assert 'href="/api/agreements/?region=brest-oblast&amp;lang=en"' in page.content.decode()


# Visits and news


def test_visits_list_only_published_visits_newest_first_with_places_regions_and_photos(
    client, visits
):
    Visit.objects.filter(slug="second-meeting-of-twinned-cities-2005").update(
        status=Visit.Status.DRAFT
    )
    results = all_results(client, "/api/visits/")
    assert [visit["slug"] for visit in results] == [
        VISIT_SLUG,
        "first-meeting-of-twinned-cities-2000",
    ]
    visit = results[0]
    assert set(visit) == {
        "slug",
        "kind",
        "title",
        "summary",
        "start_date",
        "end_date",
        "date_precision",
        "location",
        "regions",
        "photos",
        "published_at",
        "url",
    }
    assert visit["start_date"] == "2021-09-06"
    assert visit["location"]["slug"] == "stara-zagora-oblast"
    assert "brest-oblast" in {region["slug"] for region in visit["regions"]}
    photo = visit["photos"][0]
    assert photo["slug"] == PHOTO_SLUG
    assert photo["image"] == f"http://testserver{NewsPhoto.objects.get().image.url}"
    assert photo["url"] == f"http://testserver/bg/news/{PHOTO_SLUG}/"
    assert results[1]["location"] is None
    assert results[1]["date_precision"] == "month"


def test_a_visits_draft_photos_are_left_out(client, visits):
    NewsPhoto.objects.update(status=NewsPhoto.Status.DRAFT)
    assert get_json(client, f"/api/visits/{VISIT_SLUG}/").json()["photos"] == []


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"year": 2005}, ["second-meeting-of-twinned-cities-2005"]),
        ({"kind": "ambassador"}, [VISIT_SLUG]),
        ({"region": "burgas-oblast"}, ["second-meeting-of-twinned-cities-2005"]),
    ],
)
def test_visit_filters_are_the_visit_list_pages(client, params, expected, visits):
    assert [visit["slug"] for visit in all_results(client, "/api/visits/", params)] == expected
    page = client.get("/bg/cooperation/visits/", params)
    assert [visit.slug for visit in page.context["object_list"]] == expected


def test_news_photos_give_the_image_its_size_renditions_visit_and_regions(client, visits):
    photo = NewsPhoto.objects.get()
    results = all_results(client, "/api/news/")
    assert len(results) == 1
    entry = results[0]
    image_url = f"http://testserver{photo.image.url}"
    assert entry["image"] == image_url
    assert (entry["width"], entry["height"]) == (photo.width, photo.height) == (640, 480)
    assert [(r["width"], r["type"]) for r in entry["renditions"]] == [
        (320, "image/webp"),
        (640, "image/webp"),
        (320, "image/jpeg"),
        (640, "image/jpeg"),
    ]
    assert all(
        r["url"].startswith("http://testserver/media/renditions/") for r in entry["renditions"]
    )
    assert entry["visit"] == {
        "slug": VISIT_SLUG,
        "title": Visit.objects.get(slug=VISIT_SLUG).title_bg,
        "url": f"http://testserver/bg/cooperation/visits/{VISIT_SLUG}/",
    }
    assert "stara-zagora-oblast" in {region["slug"] for region in entry["regions"]}
    assert entry["alt_text"] == photo.alt_text_bg
    assert entry["published_at"] == "2021-09-06T18:00:00+03:00"


def test_news_photo_of_a_draft_visit_does_not_name_the_visit(client, visits):
    Visit.objects.filter(slug=VISIT_SLUG).update(status=Visit.Status.DRAFT)
    assert get_json(client, f"/api/news/{PHOTO_SLUG}/").json()["visit"] is None


def test_drafts_and_scheduled_entries_are_not_in_the_api_even_for_staff(
    client, staff_client, visits
):
    NewsPhoto.objects.update(publish_at=timezone.now() + datetime.timedelta(days=1))
    Visit.objects.filter(slug=VISIT_SLUG).update(status=Visit.Status.DRAFT)
    for some_client in (client, staff_client):
        assert get_json(some_client, "/api/news/").json()["count"] == 0
        assert get_json(some_client, f"/api/news/{PHOTO_SLUG}/").status_code == 404
        assert get_json(some_client, f"/api/visits/{VISIT_SLUG}/").status_code == 404


# Languages


def test_names_come_in_bulgarian_by_default(client, regions):
    region = get_json(client, "/api/regions/brest/").json()
    assert region["name"] == "Брест"
    assert region["url"] == "http://testserver/bg/cooperation/regions/brest/"


@pytest.mark.parametrize(
    ("params", "headers", "name", "language"),
    [
        ({"lang": "en"}, {}, "Brest", "en"),
        ({"lang": "be"}, {}, "Брэст", "be"),
        ({}, {"accept-language": "ru,en;q=0.8"}, "Брест", "ru"),
        ({"lang": "en"}, {"accept-language": "ru"}, "Brest", "en"),
        ({}, {"accept-language": "de"}, "Брест", "bg"),
    ],
)
def test_names_come_in_the_language_asked_for(client, params, headers, name, language, regions):
    response = get_json(client, "/api/regions/brest/", params, **headers)
    assert response.json()["name"] == name
    assert response.json()["url"] == f"http://testserver/{language}/cooperation/regions/brest/"
    assert response["Content-Language"] == language
    assert "Accept-Language" in response["Vary"]


def test_a_name_missing_in_a_language_falls_back_to_bulgarian(client, regions):
    Region.objects.filter(slug="brest").update(name_en="")
    assert get_json(client, "/api/regions/brest/", {"lang": "en"}).json()["name"] == "Брест"


# Bad input


def test_reversed_years_find_nothing_rather_than_a_refusal_the_schema_cannot_declare(
    client, regions
):
    response = get_json(client, "/api/agreements/", {"year_min": "2010", "year_max": "2000"})
    assert response.status_code == 200 and response.json()["results"] == []


@pytest.mark.parametrize(
    ("url", "params", "parameter"),
    [
        ("/api/agreements/", {"year_min": "abc"}, "year_min"),
        ("/api/agreements/", {"kind": "alliance"}, "kind"),
        ("/api/agreements/", {"status": "sleeping"}, "status"),
        ("/api/agreements/", {"country": "FR"}, "country"),
        ("/api/agreements/", {"q": "x" * 500}, "q"),
        ("/api/agreements/", {"q": "\x00\x01binary"}, "q"),
        ("/api/agreements/", {"sort": "price"}, "sort"),
        ("/api/agreements/", {"page_size": "0"}, "page_size"),
        ("/api/agreements/", {"page_size": "100000"}, "page_size"),
        ("/api/agreements/", {"page_size": "-5"}, "page_size"),
        ("/api/regions/", {"kind": "continent"}, "kind"),
        ("/api/regions/", {"country": "RU"}, "country"),
        ("/api/visits/", {"year": "MMXXI"}, "year"),
        ("/api/news/", {"lang": "fr"}, "lang"),
        ("/api/regions/brest/", {"lang": "xx"}, "lang"),
    ],
)
def test_a_bad_parameter_gives_400_with_a_body_naming_it(client, url, params, parameter):
    response = get_json(client, url, params)
    assert response.status_code == 400
    body = response.json()
    assert list(body) == [parameter]
    assert all(isinstance(message, str) and message for message in body[parameter])


@pytest.mark.parametrize("page", ["abc", "999", "0"])
def test_a_page_past_the_end_is_a_404_as_the_schema_says(client, page):
    response = get_json(client, "/api/agreements/", {"page": page, "lang": "en"})
    assert response.status_code == 404
    assert response.json() == {"detail": f"There is no page “{page}”."}


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/api/agreements/", {"region": "atlantis"}),
        ("/api/regions/", {"within": "atlantis"}),
        ("/api/visits/", {"region": "atlantis"}),
    ],
)
def test_a_region_that_does_not_exist_finds_nothing(client, regions, url, params):
    response = get_json(client, url, params)
    assert response.status_code == 200
    assert response.json()["results"] == []


def test_error_messages_come_in_the_language_asked_for(client):
    english = get_json(client, "/api/agreements/", {"year_min": "abc", "lang": "en"}).json()
    bulgarian = get_json(client, "/api/agreements/", {"year_min": "abc"}).json()
    assert english == {"year_min": ["Enter a number."]}
    assert bulgarian["year_min"] != english["year_min"]


@pytest.mark.parametrize(
    "url",
    ["/api/regions/atlantis/", "/api/agreements/999999/", "/api/agreements/abc/", "/api/nothing/"],
)
def test_unknown_addresses_are_404_in_json(client, url):
    response = get_json(client, url)
    assert response.status_code == 404
    assert "detail" in response.json()


def test_the_api_is_read_only(client):
    response = client.post("/api/regions/", {"slug": "atlantis"})
    assert response.status_code == 405
    assert not Region.objects.filter(slug="atlantis").exists()


def test_any_site_may_read_the_api(client):
    response = get_json(client, "/api/regions/", headers={"origin": "https://example.org"})
    assert response["Access-Control-Allow-Origin"] == "*"


def test_the_browsable_api_shows_the_data_in_html(client, regions):
    response = client.get(
        "/api/agreements/", {"region": "brest-oblast"}, headers={"accept": "text/html"}
    )
    assert response.status_code == 200
    assert "Брестски район" in response.content.decode()


# Schema and documentation


@contextlib.contextmanager
def served_in_the_test_transaction():
    """Serve the site's WSGI application inside the test's transaction.

    As Django's test client does, keep the database connection open between requests: closing
    it would end the transaction that holds the test's data.
    """
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


@pytest.fixture(scope="module")
def api_schema():
    with served_in_the_test_transaction():
        return schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)


def test_schema_validates_without_warnings(tmp_path):
    path = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(path))
    assert "openapi: 3.0" in path.read_text()


def test_schema_lists_every_endpoint(client):
    response = client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert {(path, method.upper()) for path, item in paths.items() for method in item} == set(
        OPERATIONS
    )
    agreement_parameters = {p["name"] for p in paths["/api/agreements/"]["get"]["parameters"]}
    assert {
        "q",
        "year_min",
        "year_max",
        "kind",
        "status",
        "region",
        "country",
        "active_since",
        "dormant",
        "sort",
        "lang",
        "page",
        "page_size",
    } == agreement_parameters
    region_parameters = {p["name"] for p in paths["/api/regions/"]["get"]["parameters"]}
    assert {"q", "country", "kind", "within", "lang"} <= region_parameters
    assert "400" in paths["/api/agreements/"]["get"]["responses"]
    assert "404" in paths["/api/agreements/{id}/"]["get"]["responses"]


def test_documentation_page_loads_its_files_from_the_site_only(client):
    page = client.get("/api/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "http://" not in html and "https://" not in html
    assert "<style" not in html and "style=" not in html
    script = client.get("/api/docs/", {"script": ""})
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert "/api/schema/" in script.content.decode()


# Built at import, for schemathesis to make one test per operation; as the site serves it.
fuzzed = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(public=True))
fuzzed.app = application


@fuzzed.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_fuzzing_the_schema_finds_only_the_answers_it_declares(case, visits):
    """Schemathesis' examples, coverage and fuzzing phases, with all its checks (`--checks all`)."""
    with served_in_the_test_transaction():
        # Its WSGI client asks for gzip but does not decompress what the site then compresses.
        case.call_and_validate(headers={"Accept-Encoding": "identity"})


# Query counts

LIST_URLS = [
    "/api/regions/",
    "/api/regions/?within=brest-oblast&q=а&kind=town",
    "/api/agreements/",
    "/api/agreements/?region=brest-oblast&q=а&sort=name&page_size=200",
    "/api/visits/",
    "/api/visits/?region=brest-oblast&page_size=200",
    "/api/news/?page_size=200",
    "/api/visits/visit-0/",
    "/api/news/photo-0/",
]
QUERY_CEILING = 5


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers={"accept": "application/json"})
    assert response.status_code == 200, url
    return len(queries)


def test_api_costs_the_same_few_queries_with_ten_times_the_content(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0  # What answering costs, not what the cache saves.
    add_content(SMALL)
    with_little = {url: count_queries(client, url) for url in LIST_URLS}
    add_content(LARGE - SMALL)
    with_ten_times = {url: count_queries(client, url) for url in LIST_URLS}
    assert with_ten_times == with_little
    assert max(with_little.values()) <= QUERY_CEILING, with_little


# Answers to what no client should send


@pytest.mark.parametrize(
    ("url", "headers", "message"),
    [
        ("/api/agreements/999999/", {}, "Няма публикуван запис с този адрес."),
        ("/api/agreements/999999/?lang=en", {}, "No published entry has this address."),
        (
            "/api/regions/atlantis/",
            {"accept-language": "ru"},
            "По этому адресу нет опубликованной записи.",
        ),
        ("/api/visits/atlantis/", {}, "Няма публикуван запис с този адрес."),
        ("/api/nothing/", {"accept-language": "en"}, "No published entry has this address."),
    ],
)
def test_a_missing_entry_is_a_404_in_the_language_of_the_request(client, url, headers, message):
    """It was Django's English message with the model's class ("No TwinningAgreement matches
    the given query.")."""
    response = get_json(client, url, **headers)
    assert response.status_code == 404
    assert response.json() == {"detail": message}


@pytest.mark.parametrize("page_size", ["²", "9" * 5000])
def test_a_page_size_that_int_cannot_read_is_a_400(client, page_size):
    """'²' is a digit to str.isdigit(), not to int(): it was a 500."""
    response = get_json(client, "/api/agreements/", {"page_size": page_size, "lang": "en"})
    assert response.status_code == 400
    assert response.json() == {"page_size": ["Give a whole number from 1 to 500."]}


@pytest.mark.parametrize("method", ["OPTIONS", "POST", "TRACE"])
def test_the_documentation_page_answers_other_methods_than_get_with_405(client, method):
    """OPTIONS was a 500: Swagger UI's template renderer had no template for it."""
    response = client.generic(method, "/api/docs/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


# The page cache


def test_the_api_answers_from_the_cache_until_the_content_changes(client):
    town = TownFactory(name_bg="Стар град", name_en="Old town")
    params = {"within": town.slug}
    assert get_json(client, "/api/regions/", params).json()["results"][0]["name"] == "Стар град"
    with CaptureQueriesContext(connection) as queries:
        cached = get_json(client, "/api/regions/", params)
    assert len(queries) == 0
    assert cached.json()["results"][0]["name"] == "Стар град"
    town.name_bg = "Нов град"
    town.save()
    assert get_json(client, "/api/regions/", params).json()["results"][0]["name"] == "Нов град"


def test_the_cached_api_keeps_each_language_apart(client):
    TownFactory(slug="t-cached", name_bg="Град", name_en="Town")
    for language, name in [("bg", "Град"), ("en", "Town"), ("bg", "Град"), ("en", "Town")]:
        body = get_json(client, "/api/regions/t-cached/", accept_language=language).json()
        assert body["name"] == name
    assert get_json(client, "/api/regions/t-cached/", {"lang": "en"}).json()["name"] == "Town"
