"""The board's RSS and Atom feeds, as a feed reader reads them: open requests, no contact."""

import pytest
from django.utils import timezone

from tests.cooperation.test_feeds import ATOM, assert_is_a_page_of_the_site, parse
from tests.factories import PartnerRequestFactory

pytestmark = pytest.mark.django_db


def test_partner_feeds_list_open_published_requests_without_their_writers(client):
    on_board = PartnerRequestFactory(
        interests=["sport"],
        description="Търсим партньор за младежки турнири.",
        contact_email="coach@sopot.example",
    )
    PartnerRequestFactory(status="draft", description="Чернова.")
    PartnerRequestFactory(
        closed_at=timezone.now(), closed_reason="partner_found", description="Намерен."
    )
    rss = client.get("/en/cooperation/partners/feed/rss/")
    channel = parse(rss, "application/rss+xml").find("channel")
    assert channel.findtext("language") == "en"
    (item,) = channel.findall("item")
    assert item.findtext("title") == f"{on_board} looks for partners: sport"
    assert "Търсим партньор за младежки турнири." in item.findtext("description")
    assert item.findtext("link") == f"http://testserver/en/cooperation/partners/{on_board.pk}/"
    assert_is_a_page_of_the_site(client, item.findtext("link"))
    atom = parse(client.get("/bg/cooperation/partners/feed/atom/"), "application/atom+xml")
    assert len(atom.findall(f"{ATOM}entry")) == 1
    for response in (rss, client.get("/bg/cooperation/partners/feed/atom/")):
        assert "coach" not in response.content.decode()
