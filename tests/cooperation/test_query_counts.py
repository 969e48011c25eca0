"""Every public page costs the same few queries whatever the amount of content."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cooperation.models import (
    NewsPhoto,
    NewsPhotoRegion,
    PartnerRequest,
    Region,
    TwinningAgreement,
    Visit,
    VisitRegion,
    dormant_since,
)
from embassy.models import Page
from tests.factories import NewsPhotoFactory, PartnerRequestFactory, VisitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site_page():
    Page.objects.create(
        title="За посолството", slug="about", body="<p>Посолство.</p>", status=Page.Status.PUBLISHED
    )


@pytest.fixture
def public_urls():
    """Every public page, with an agreement's page (Brest – Pleven, with a visit and a photo of
    the pair) and the partner search board (with a request)."""
    brest, pleven = Region.objects.get(slug="brest"), Region.objects.get(slug="pleven")
    VisitFactory(regions=[brest, pleven], start_date=datetime.date(2019, 5, 14))
    NewsPhotoFactory(regions=[brest, pleven], taken_on=datetime.date(2019, 5, 14))
    PartnerRequestFactory(region=pleven)
    agreement = TwinningAgreement.objects.get(mission_region=brest, host_region=pleven)
    return [
        *PUBLIC_URLS,
        f"/bg/cooperation/agreements/{agreement.pk}-brest-pleven/",
        "/bg/cooperation/agreements/?dormant=yes&active_since=2000",
        "/bg/cooperation/partners/",
        "/bg/cooperation/partners/?country=BG&interest=culture",
    ]


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
    "/bg/search/?q=Брест",
    "/bg/search/?q=област+Стара+Загора",
    "/bg/search/?q=Brest&kind=agreements&page=2",
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
    photo = NewsPhoto.objects.order_by("pk").first()
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
    for partner_request in PartnerRequest.objects.all():
        for n in range(factor - 1):
            partner_request.pk = None
            partner_request.region = municipalities[n]
            partner_request.save()


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.fixture
def uncached(settings):
    """Measure what rendering costs, not what the page cache saves."""
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0


def test_public_pages_cost_the_same_few_queries_with_ten_times_the_content(
    client, uncached, public_urls
):
    with_fixtures = {url: count_queries(client, url) for url in public_urls}
    add_synthetic_content(factor=10)
    assert TwinningAgreement.objects.count() == 480
    assert PartnerRequest.objects.on_board().count() == 10
    with_ten_times = {url: count_queries(client, url) for url in public_urls}
    assert with_ten_times == with_fixtures
    assert max(with_fixtures.values()) <= QUERY_CEILING, with_fixtures


def test_cached_public_pages_cost_no_query(client, public_urls):
    for url in public_urls:
        client.get(url)
    assert {url: count_queries(client, url) for url in public_urls} == dict.fromkeys(public_urls, 0)


def test_the_partner_boards_form_pages_cost_the_same_few_queries(client, public_urls):
    """Never cached (each carries its visitor's CSRF token), so counted as they are."""
    partner_request = PartnerRequest.objects.get()
    urls = [
        f"/bg/cooperation/partners/{partner_request.pk}/",
        "/bg/cooperation/partners/new/",
        "/bg/cooperation/partners/new/?country=BG",
    ]
    with_fixtures = {url: count_queries(client, url) for url in urls}
    add_synthetic_content(factor=10)
    assert {url: count_queries(client, url) for url in urls} == with_fixtures
    assert max(with_fixtures.values()) <= QUERY_CEILING, with_fixtures


def test_staff_preview_costs_only_the_session_and_user_queries_more(staff_client):
    assert count_queries(staff_client, f"/bg/cooperation/visits/{VISIT_SLUG}/") <= QUERY_CEILING + 2


ACTIVITY_URLS = [
    "/bg/cooperation/agreements/?dormant=yes",
    "/bg/cooperation/agreements/?dormant=no&sort=name",
    "/bg/cooperation/agreements/?active_since=2019-05-01",
    "/bg/cooperation/agreements/?dormant=yes&format=csv",
    "/api/agreements/?dormant=yes",
    "/api/agreements/?active_since=2019",
]


def test_the_activity_filters_cost_the_same_few_queries_with_ten_times_the_content(
    client, uncached, public_urls
):
    """Each agreement's last exchange is read as stored: no query, and no subquery, per row."""
    with_fixtures = {url: count_queries(client, url) for url in ACTIVITY_URLS}
    add_synthetic_content(factor=10)
    call_command("refresh_activity", stdout=io.StringIO())
    assert TwinningAgreement.objects.dormant(dormant_since(timezone.localdate())).count() > 400
    assert {url: count_queries(client, url) for url in ACTIVITY_URLS} == with_fixtures
    assert max(with_fixtures.values()) <= QUERY_CEILING, with_fixtures


def test_the_staffs_activity_column_and_dormant_panel_cost_the_same_queries_at_any_size(
    staff_client, uncached, public_urls
):
    urls = ["/admin/", "/admin/cooperation/twinningagreement/?o=-7"]
    with_fixtures = {url: count_queries(staff_client, url) for url in urls}
    add_synthetic_content(factor=10)
    call_command("refresh_activity", stdout=io.StringIO())
    assert {url: count_queries(staff_client, url) for url in urls} == with_fixtures
