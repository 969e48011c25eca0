"""The admin site: the site's titles, and a clear answer to requests its pages never send."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_admin_carries_the_sites_titles(staff_client):
    page = staff_client.get("/admin/", headers={"accept-language": "en"}).content.decode()
    assert "Embassy of Belarus in Bulgaria: regional cooperation" in page


def test_the_libraries_records_are_one_section_for_administrators_after_the_embassys(
    staff_client,
):
    page = staff_client.get("/admin/", headers={"accept-language": "en"}).content.decode()
    section = page.index("Logins and background tasks")
    assert page.index("Regional cooperation") < section
    for url in ["/admin/axes/accessattempt/", "/admin/django_tasks_database/dbtaskresult/"]:
        assert page.index(url) > section
    assert "Tasks Database Backend" not in page and ">Axes<" not in page


def test_editors_and_publishers_see_only_the_embassys_work(editor_client, publisher_client):
    for client in (editor_client, publisher_client):
        page = client.get("/admin/", headers={"accept-language": "en"}).content.decode()
        assert "/admin/axes/" not in page and "/admin/django_tasks_database/" not in page
        assert "Logins and background tasks" not in page
