"""The filters of the public lists, as a visitor's query string reaches them; and the activity
filters of the agreement list, which the page, its CSV and the API share: `active_since` (a date
or a year) and `dormant` (yes or no)."""

import datetime

import pytest
from django.utils import timezone
from django.utils.html import escape

from tests.factories import AgreementFactory, OblastFactory, TownFactory, VisitFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/bg/cooperation/agreements/", "/bg/cooperation/visits/"])
@pytest.mark.parametrize("region", ["brest\x00", "брест", "x" * 3000])
def test_a_region_that_is_no_slug_gives_the_page_with_a_message(client, url, region):
    """The region menu looked the value up as it came: with a NUL, PostgreSQL refused the
    query, a 500."""
    response = client.get(url, {"region": region})
    assert response.status_code == 200
    [message] = response.context["filter"].form.errors["region"]
    assert escape(message) in response.content.decode()
    menu = response.context["filter"].form.fields["region"].widget.choices
    assert region not in str(list(menu))


# Activity.


@pytest.fixture
def agreements():
    """Three agreements of one new oblast: visited lately, visited long ago, never visited."""
    oblast = OblastFactory(country="BY")
    lately, long_ago, never = (
        AgreementFactory(mission_region=TownFactory(parent=oblast), year=2001) for _ in range(3)
    )
    VisitFactory(
        regions=[lately.mission_region, lately.host_region],
        start_date=timezone.localdate() - datetime.timedelta(days=200),
    )
    VisitFactory(
        regions=[long_ago.mission_region, long_ago.host_region],
        start_date=datetime.date(2012, 5, 4),
    )
    return {"oblast": oblast, "lately": lately, "long_ago": long_ago, "never": never}


def listed(client, agreements, **params):
    response = client.get(
        "/bg/cooperation/agreements/", {"region": agreements["oblast"].slug, **params}
    )
    assert response.status_code == 200
    return {agreement.pk for agreement in response.context["paginator"].object_list}


def from_api(client, agreements, **params):
    response = client.get("/api/agreements/", {"region": agreements["oblast"].slug, **params})
    assert response.status_code == 200
    return {agreement["id"] for agreement in response.json()["results"]}


def pks(agreements, *names):
    return {agreements[name].pk for name in names}


@pytest.mark.parametrize("source", [listed, from_api])
def test_dormant_yes_and_no_split_the_agreements(client, agreements, source):
    assert source(client, agreements, dormant="yes") == pks(agreements, "long_ago", "never")
    assert source(client, agreements, dormant="no") == pks(agreements, "lately")


@pytest.mark.parametrize("source", [listed, from_api])
def test_active_since_takes_a_year_or_a_date(client, agreements, source):
    assert source(client, agreements, active_since="2012") == pks(agreements, "lately", "long_ago")
    assert source(client, agreements, active_since="2012-05-05") == pks(agreements, "lately")


@pytest.mark.parametrize("value", ["soon", "2012-13-01", "12", "2012-5-4", "0000"])
def test_a_bad_active_since_is_explained_on_the_page_and_a_400_in_the_data(
    client, agreements, value
):
    page = client.get("/en/cooperation/agreements/", {"active_since": value})
    assert page.status_code == 200
    assert "Give a year (2021) or a date (2021-09-06)." in page.content.decode()
    api = client.get("/api/agreements/", {"active_since": value})
    assert api.status_code == 400 and "active_since" in api.json()
    csv = client.get("/bg/cooperation/agreements/", {"active_since": value, "format": "csv"})
    assert csv.status_code == 400


def test_an_unknown_dormant_value_is_a_400_in_the_data(client):
    assert client.get("/api/agreements/", {"dormant": "maybe"}).status_code == 400


def test_the_list_offers_the_filters_with_the_sites_number_of_years(client, settings):
    settings.COOPERATION_DORMANT_AFTER_YEARS = 7
    page = client.get("/en/cooperation/agreements/").content.decode()
    assert "Dormant (no exchange for more than 7 years)" in page
    assert 'name="active_since"' in page


def test_the_csv_follows_the_activity_filters(client, agreements):
    response = client.get(
        "/bg/cooperation/agreements/",
        {"region": agreements["oblast"].slug, "dormant": "no", "format": "csv"},
    )
    rows = response.getvalue().decode("utf-8-sig").splitlines()
    assert len(rows) == 2 and agreements["lately"].mission_region.slug in rows[1]
