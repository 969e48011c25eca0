"""The admin's index: the coming jubilees of agreements, for staff planning events."""

import pytest
from django.utils import timezone

from cooperation.models import TwinningAgreement
from tests.factories import AgreementFactory

pytestmark = pytest.mark.django_db


def jubilee_of(years_ago, **fields):
    return AgreementFactory(year=timezone.localdate().year - years_ago, **fields)


def change_url(agreement):
    return f"/admin/cooperation/twinningagreement/{agreement.pk}/change/"


def test_admin_index_lists_this_and_next_years_jubilees_with_links_to_the_agreements(
    staff_client,
):
    this_year = timezone.localdate().year
    tenth, twentieth_next_year = jubilee_of(10), jubilee_of(19)
    no_jubilee = jubilee_of(12)
    page = staff_client.get("/admin/", headers={"accept-language": "en"}).content.decode()
    panel = page[page.index('id="jubilees-module"') :]
    assert f"Jubilees of agreements in {this_year} and {this_year + 1}" in panel
    assert change_url(tenth) in panel and change_url(twentieth_next_year) in panel
    assert change_url(no_jubilee) not in panel
    assert "No round anniversaries this year or next." not in panel


def test_admin_index_without_jubilees_says_so(staff_client):
    jubilee_of(10, status=TwinningAgreement.Status.ENDED)
    jubilee_of(12)
    page = staff_client.get("/admin/", headers={"accept-language": "en"}).content.decode()
    assert "No round anniversaries this year or next." in page


def test_staff_without_access_to_agreements_see_no_jubilees(client, django_user_model):
    jubilee_of(10)
    clerk = django_user_model.objects.create_user("clerk", password="pw-for-tests", is_staff=True)
    client.force_login(clerk)
    page = client.get("/admin/", headers={"accept-language": "en"}).content.decode()
    assert "Jubilees of agreements" not in page
