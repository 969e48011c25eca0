"""Site-wide views."""

import pytest
from django.test import Client

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
