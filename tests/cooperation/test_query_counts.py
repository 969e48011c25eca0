"""Every public page costs the same few queries whatever the amount of content."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cooperation.models import (
    NewsPhoto,
    NewsPhotoRegion,
    Region,
    TwinningAgreement,
    Visit,
    VisitRegion,
)
from embassy.models import Page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("initial_content")]


@pytest.fixture(autouse=True)
def site_page():
    Page.objects.create(
        title="За посолството", slug="about", body="<p>Посолство.</p>", status=Page.Status.PUBLISHED
    )


QUERY_CEILING = 8
VISIT_SLUG = "ambassador-and-brest-oblast-delegation-in-stara-zagora-2021"
PUBLIC_URLS = [
    "/bg/",
    "/bg/cooperation/",
    "/bg/cooperation/agreements/",
    "/bg/cooperation/agreements/?region=brest-oblast&q=а&sort=name&page=1",
    "/bg/cooperation/map/",
    "/bg/cooperation/map/?region=brest-oblast&year_min=1995",
    "/bg/cooperation/regions/",
    "/bg/cooperation/regions/brest-oblast/",
    "/bg/cooperation/regions/stara-zagora-oblast/",
    "/bg/cooperation/visits/",
    "/bg/cooperation/visits/?region=brest-oblast&year=2021",
    f"/bg/cooperation/visits/{VISIT_SLUG}/",
    "/bg/news/",
    f"/bg/news/{VISIT_SLUG}/",
    "/bg/pages/about/",
]


def add_synthetic_content(factor=10):
    """Grow the fixtures' agreements, visits and photos `factor` times, in the same oblasts."""
    brest_oblast = Region.objects.get(slug="brest-oblast")
    stara_zagora_oblast = Region.objects.get(slug="stara-zagora-oblast")
    count = TwinningAgreement.objects.count() * (factor - 1)
    towns = [
        Region(
            country="BY", kind="town", name=f"Град {n}", slug=f"by-town-{n}", parent=brest_oblast
        )
        for n in range(count)
    ]
    municipalities = [
        Region(
            country="BG",
            kind="municipality",
            name=f"Община {n}",
            slug=f"bg-municipality-{n}",
            parent=stara_zagora_oblast,
        )
        for n in range(count)
    ]
    for region in towns + municipalities:
        region.save()
    TwinningAgreement.objects.bulk_create(
        TwinningAgreement(mission_region=town, host_region=municipality, year=1994 + n % 28)
        for n, (town, municipality) in enumerate(zip(towns, municipalities, strict=True))
    )
    photo = NewsPhoto.objects.get()
    for n in range(Visit.objects.count() * (factor - 1)):
        visit = Visit.objects.create(
            kind=Visit.Kind.DELEGATION,
            title=f"Посещение {n}",
            slug=f"visit-{n}",
            start_date=datetime.date(2000 + n % 20, 1 + n % 12, 1),
            location=towns[n],
            status=Visit.Status.PUBLISHED,
        )
        VisitRegion.objects.create(visit=visit, region=municipalities[n])
        VisitRegion.objects.create(visit=visit, region=brest_oblast)
        extra = NewsPhoto.objects.create(
            image=photo.image.name,
            title=f"Снимка {n}",
            slug=f"photo-{n}",
            alt_text="Снимка",
            visit=visit,
            status=NewsPhoto.Status.PUBLISHED,
            publish_at=timezone.now() - datetime.timedelta(days=n),
        )
        NewsPhotoRegion.objects.create(photo=extra, region=brest_oblast)


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.fixture
def uncached(settings):
    """Measure what rendering costs, not what the page cache saves."""
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0


def test_public_pages_cost_the_same_few_queries_with_ten_times_the_content(client, uncached):
    with_fixtures = {url: count_queries(client, url) for url in PUBLIC_URLS}
    add_synthetic_content(factor=10)
    assert TwinningAgreement.objects.count() == 480
    with_ten_times = {url: count_queries(client, url) for url in PUBLIC_URLS}
    assert with_ten_times == with_fixtures
    assert max(with_fixtures.values()) <= QUERY_CEILING, with_fixtures


def test_cached_public_pages_cost_no_query(client):
    for url in PUBLIC_URLS:
        client.get(url)
    assert {url: count_queries(client, url) for url in PUBLIC_URLS} == dict.fromkeys(PUBLIC_URLS, 0)


def test_staff_preview_costs_only_the_session_and_user_queries_more(staff_client):
    assert count_queries(staff_client, f"/bg/cooperation/visits/{VISIT_SLUG}/") <= QUERY_CEILING + 2
