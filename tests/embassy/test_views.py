"""Site-wide views."""

import pytest
from django.test import Client

from tests.factories import (
    MissionLinkFactory,
    OblastFactory,
)

pytestmark = pytest.mark.django_db

MISSION_MESSAGE = "Изберете дипломатическо представителство от списъка."


@pytest.mark.django_db
@pytest.mark.parametrize("back", ["-1", "burgas", "%ff", "cooperation:home", "//example.org/"])
def test_mission_selector_sends_a_next_that_is_no_page_of_the_site_home(client, back):
    """A `next` that is not an address was taken by redirect() for a view's name: a 500."""
    response = client.get(f"/bg/missions/go/?next={back}")
    assert response.status_code == 302 and response["Location"] == "/bg/"
    assert MISSION_MESSAGE in client.get(response["Location"]).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("mission", ["²", "9" * 5000, "-1", "%00"])
def test_mission_selector_takes_a_mission_that_is_no_number_for_no_choice(client, mission):
    """'²' is a digit to str.isdigit(), not to int(): it was a 500, as were 5,000 digits."""
    response = client.get(f"/bg/missions/go/?mission={mission}&next=/bg/news/")
    assert response.status_code == 302 and response["Location"] == "/bg/news/"
    assert MISSION_MESSAGE in client.get(response["Location"]).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/bg/missions/go/", "/healthz"])
@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"])
def test_read_only_views_answer_other_methods_with_405_even_without_a_csrf_token(url, method):
    """TRACE on /healthz was a 200; a POST without a token would be the CSRF check's 403."""
    response = Client(enforce_csrf_checks=True).generic(method, url)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


def text_of(response):
    return response.content.decode()


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
