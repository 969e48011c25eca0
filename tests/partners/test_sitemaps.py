"""The board in sitemap.xml: its page and its open requests, never a writer's contact."""

import pytest

from tests.cooperation.test_sitemaps import path_of, sitemap_entries
from tests.factories import PartnerRequestFactory

pytestmark = pytest.mark.django_db


def test_the_partner_boards_open_requests_are_in_the_sitemap_and_no_contact_details(client):
    board_request = PartnerRequestFactory()
    draft = PartnerRequestFactory(status="draft")
    closed = PartnerRequestFactory(closed_at="2025-01-01T00:00Z", closed_reason="partner_found")
    response = client.get("/sitemap.xml")
    paths = {path_of(url) for url in sitemap_entries(client)}
    assert f"/bg/cooperation/partners/{board_request.pk}/" in paths
    assert f"/bg/cooperation/partners/{draft.pk}/" not in paths
    assert f"/bg/cooperation/partners/{closed.pk}/" not in paths
    assert board_request.contact_email not in response.content.decode()
