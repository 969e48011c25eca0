"""Every public page costs the same few queries whatever the amount of content."""

import datetime
import io

import factory
import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cooperation.models import NewsPhoto, TwinningAgreement, Visit, dormant_since
from partners.models import PartnerRequest
from tests.factories import (
    MunicipalityFactory,
    NewsPhotoFactory,
    OblastFactory,
    OverviewPageFactory,
    PageFactory,
    PartnerRequestFactory,
    TownFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def pages():
    OverviewPageFactory()
    PageFactory(slug="about")


QUERY_CEILING = 8
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
    "/bg/cooperation/visits/visit-0/",
    "/bg/news/",
    "/bg/news/photo-0/",
    "/bg/pages/about/",
    "/bg/search/?q=Брест",
    "/bg/search/?q=област+Стара+Загора",
    "/bg/search/?q=Brest&kind=agreements&page=2",
]
# The sizes compared: each page lists several entries of each kind at the first size already.
SMALL, LARGE = 5, 50


def add_content(count):
    """
    Add `count` agreements, each between a new town of Brest oblast (named after Brest, so that
    the search finds it) and a new municipality of Stara Zagora oblast, and for each pair a
    visit with a photo of the two (the photos share one image) and a partner request of the
    municipality. The first visit and photo are `visit-0` and `photo-0`, of 2021; the photo is
    featured on the cooperation page.
    """
    brest_oblast = OblastFactory(slug="brest-oblast", name_bg="Брестска област")
    stara_zagora_oblast = OblastFactory(
        slug="stara-zagora-oblast", country="BG", name_bg="област Стара Загора"
    )
    first = Visit.objects.count()
    towns = TownFactory.create_batch(
        count, parent=brest_oblast, name_bg=factory.Sequence(lambda n: f"Брест-{n}")
    )
    municipalities = MunicipalityFactory.create_batch(count, parent=stara_zagora_oblast)
    TwinningAgreement.objects.bulk_create(
        TwinningAgreement(mission_region=town, host_region=municipality, year=1994 + n % 28)
        for n, (town, municipality) in enumerate(zip(towns, municipalities, strict=True))
    )
    shared_image = NewsPhoto.objects.values("image", "width", "height").first() or {}
    for n, (town, municipality) in enumerate(zip(towns, municipalities, strict=True), first):
        visit = VisitFactory(
            slug=f"visit-{n}",
            start_date=datetime.date(2021 - n % 20, 1 + n % 12, 1),
            location=town,
            regions=[municipality, brest_oblast],
        )
        photo = NewsPhotoFactory(
            slug=f"photo-{n}",
            visit=visit,
            regions=[town, municipality],
            is_featured=n == 0,
            **shared_image,
        )
        shared_image = {"image": photo.image.name, "width": photo.width, "height": photo.height}
        PartnerRequestFactory(region=municipality)


@pytest.fixture
def public_urls():
    """Every public page, at the first size of content: with the first agreement's page (with
    a visit and a photo of the pair) and the partner search board (with its requests)."""
    add_content(SMALL)
    agreement = TwinningAgreement.objects.with_parties().order_by("pk").first()
    return [
        *PUBLIC_URLS,
        f"/bg/cooperation/agreements/{agreement.pk}-{agreement.address_slug}/",
        "/bg/cooperation/agreements/?dormant=yes&active_since=2000",
        "/bg/cooperation/partners/",
        "/bg/cooperation/partners/?country=BG&interest=culture",
    ]


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
    with_little = {url: count_queries(client, url) for url in public_urls}
    add_content(LARGE - SMALL)
    assert TwinningAgreement.objects.count() == LARGE
    assert PartnerRequest.objects.on_board().count() == LARGE
    with_ten_times = {url: count_queries(client, url) for url in public_urls}
    assert with_ten_times == with_little
    assert max(with_little.values()) <= QUERY_CEILING, with_little


def test_cached_public_pages_cost_no_query(client, public_urls):
    for url in public_urls:
        client.get(url)
    assert {url: count_queries(client, url) for url in public_urls} == dict.fromkeys(public_urls, 0)


def test_the_partner_boards_form_pages_cost_the_same_few_queries(client):
    """Never cached (each carries its visitor's CSRF token), so counted as they are."""
    add_content(SMALL)
    partner_request = PartnerRequest.objects.order_by("pk").first()
    urls = [
        f"/bg/cooperation/partners/{partner_request.pk}/",
        "/bg/cooperation/partners/new/",
        "/bg/cooperation/partners/new/?country=BG",
    ]
    with_little = {url: count_queries(client, url) for url in urls}
    add_content(LARGE - SMALL)
    assert {url: count_queries(client, url) for url in urls} == with_little
    assert max(with_little.values()) <= QUERY_CEILING, with_little


def test_staff_preview_costs_only_the_session_and_user_queries_more(staff_client):
    add_content(SMALL)
    assert count_queries(staff_client, "/bg/cooperation/visits/visit-0/") <= QUERY_CEILING + 2


ACTIVITY_URLS = [
    "/bg/cooperation/agreements/?dormant=yes",
    "/bg/cooperation/agreements/?dormant=no&sort=name",
    "/bg/cooperation/agreements/?active_since=2019-05-01",
    "/bg/cooperation/agreements/?dormant=yes&format=csv",
    "/api/agreements/?dormant=yes",
    "/api/agreements/?active_since=2019",
]


def add_content_of_past_years(count):
    """add_content(), with the photos taken in 2001: each pair's last exchange is its visit,
    of 2002-2021, so that every agreement is dormant."""
    add_content(count)
    NewsPhoto.objects.update(taken_on=datetime.date(2001, 1, 1))
    call_command("refresh_activity", stdout=io.StringIO())


def dormant_count():
    return TwinningAgreement.objects.dormant(dormant_since(timezone.localdate())).count()


def test_the_activity_filters_cost_the_same_few_queries_with_ten_times_the_content(
    client, uncached
):
    """Each agreement's last exchange is read as stored: no query, and no subquery, per row."""
    add_content_of_past_years(SMALL)
    with_little = {url: count_queries(client, url) for url in ACTIVITY_URLS}
    dormant_with_little = dormant_count()
    add_content_of_past_years(LARGE - SMALL)
    assert (dormant_with_little, dormant_count()) == (SMALL, LARGE)
    assert {url: count_queries(client, url) for url in ACTIVITY_URLS} == with_little
    assert max(with_little.values()) <= QUERY_CEILING, with_little


def test_the_staffs_activity_column_and_dormant_panel_cost_the_same_queries_at_any_size(
    staff_client, uncached
):
    urls = ["/admin/", "/admin/cooperation/twinningagreement/?o=-7"]
    add_content_of_past_years(SMALL)
    with_little = {url: count_queries(staff_client, url) for url in urls}
    add_content_of_past_years(LARGE - SMALL)
    assert {url: count_queries(staff_client, url) for url in urls} == with_little
