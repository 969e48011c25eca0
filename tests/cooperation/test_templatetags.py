"""The admin's index: the coming jubilees of agreements, for staff planning events, and the
dormant partnerships, for staff reviving them."""

import datetime

import pytest
from django.utils import timezone

from cooperation.models import TwinningAgreement
from tests.factories import AgreementFactory, VisitFactory

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
    # The jubilees' panel, before the dormant partnerships' (where the agreements may be too).
    panel = page[page.index('id="jubilees-module"') : page.index('id="dormant-module"')]
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


# The dormant partnerships, beside the jubilees.


def test_admin_index_lists_the_dormant_partnerships_the_longest_silence_first(staff_client):
    since_signing = AgreementFactory(year=1995, signed_on=datetime.date(1995, 4, 3))
    visited_long_ago = AgreementFactory(year=1996)
    VisitFactory(
        regions=[visited_long_ago.mission_region, visited_long_ago.host_region],
        start_date=datetime.date(2009, 6, 1),
    )
    visited_lately = AgreementFactory(year=1996)
    VisitFactory(
        regions=[visited_lately.mission_region, visited_lately.host_region],
        start_date=timezone.localdate() - datetime.timedelta(days=365),
    )
    page = staff_client.get("/admin/", headers={"accept-language": "en"}).content.decode()
    panel = page[page.index('id="dormant-module"') :]
    assert "Partnerships silent for more than 5 years" in panel
    assert "never visited since its signing on 3 April 1995" in panel
    assert "last exchange 1 June 2009" in panel
    first, second = (
        panel.index(f"/admin/cooperation/twinningagreement/{agreement.pk}/change/")
        for agreement in (since_signing, visited_long_ago)
    )
    assert first < second
    assert f"/admin/cooperation/twinningagreement/{visited_lately.pk}/change/" not in panel
    assert page.index('id="jubilees-module"') < page.index('id="dormant-module"')


def test_the_dormant_panel_follows_the_setting(staff_client, settings):
    settings.COOPERATION_DORMANT_AFTER_YEARS = 40
    page = staff_client.get("/admin/", headers={"accept-language": "en"}).content.decode()
    assert "Partnerships silent for more than 40 years" in page
    assert "Every partnership has had a visit or a photo in these years." in page


def test_the_dormant_panel_is_fresh_after_a_visit_is_published(staff_client):
    agreement = AgreementFactory(year=1998)
    change = f"/admin/cooperation/twinningagreement/{agreement.pk}/change/"
    assert change in staff_client.get("/admin/").content.decode()
    VisitFactory(
        regions=[agreement.mission_region, agreement.host_region],
        start_date=timezone.localdate() - datetime.timedelta(days=30),
    )
    assert change not in staff_client.get("/admin/").content.decode()
