"""The admin site: the site's titles, and a clear answer to requests its pages never send."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_admin_carries_the_sites_titles(staff_client):
    page = staff_client.get("/admin/", headers={"accept-language": "en"}).content.decode()
    assert "Embassy of Belarus in Bulgaria: regional cooperation" in page
