"""The admin's index: the coming jubilees of agreements, for staff planning events."""

import pytest
from django.utils import timezone

from cooperation.models import TwinningAgreement

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("initial_content")]


def test_admin_index_lists_this_and_next_years_jubilees_with_links_to_the_agreements(
    staff_client,
):
    this_year = timezone.localdate().year
    page = staff_client.get("/admin/", headers={"accept-language": "en"}).content.decode()
    assert f"Jubilees of agreements in {this_year} and {this_year + 1}" in page
    jubilees = TwinningAgreement.objects.jubilees(timezone.localdate())
    for agreement in jubilees:
        assert f"/admin/cooperation/twinningagreement/{agreement.pk}/change/" in page
    if not jubilees:
        assert "No round anniversaries this year or next." in page


def test_admin_index_without_jubilees_says_so(staff_client):
    TwinningAgreement.objects.update(status=TwinningAgreement.Status.ENDED)
    page = staff_client.get("/admin/", headers={"accept-language": "en"}).content.decode()
    assert "No round anniversaries this year or next." in page


def test_staff_without_access_to_agreements_see_no_jubilees(client, django_user_model):
    clerk = django_user_model.objects.create_user("clerk", password="pw-for-tests", is_staff=True)
    client.force_login(clerk)
    page = client.get("/admin/", headers={"accept-language": "en"}).content.decode()
    assert "Jubilees of agreements" not in page
