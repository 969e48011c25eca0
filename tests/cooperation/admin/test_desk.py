"""The section's lines of the staff member's desk: partner requests to moderate, jubilees within
90 days, and the dormant partnerships as a count leading to the list filtered to them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from cooperation.admin.desk import jubilees_within
from cooperation.models import TwinningAgreement
from partners.models import PartnerRequest
from tests.factories import AgreementFactory, PartnerRequestFactory, VisitFactory

pytestmark = pytest.mark.django_db

DORMANT_LIST = reverse("admin:cooperation_twinningagreement_changelist") + "?dormant=yes"


def index(client):
    return client.get("/admin/", headers={"accept-language": "en"}).content.decode()


def listed(client, url):
    return {agreement.pk for agreement in client.get(url).context["cl"].result_list}


def test_the_dormant_partnerships_are_a_count_and_a_link_to_the_same_agreements(staff_client):
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
    AgreementFactory(year=1995, status=TwinningAgreement.Status.ENDED)
    page = index(staff_client)
    assert f'<a href="{DORMANT_LIST}">2 dormant partnerships</a>' in page
    # No row of each agreement on the index any more.
    assert (
        reverse("admin:cooperation_twinningagreement_change", args=[since_signing.pk]) not in page
    )
    assert listed(staff_client, DORMANT_LIST) == {since_signing.pk, visited_long_ago.pk}
    not_dormant = reverse("admin:cooperation_twinningagreement_changelist") + "?dormant=no"
    assert visited_lately.pk in listed(staff_client, not_dormant)


def test_the_dormant_count_follows_the_setting(staff_client, settings):
    AgreementFactory(year=1998)
    assert "1 dormant partnership" in index(staff_client)
    settings.COOPERATION_DORMANT_AFTER_YEARS = 40
    assert "dormant partnership" not in index(staff_client)
    assert listed(staff_client, DORMANT_LIST) == set()


def test_the_dormant_count_is_fresh_after_a_visit_is_published(staff_client):
    agreement = AgreementFactory(year=1998)
    assert "1 dormant partnership" in index(staff_client)
    VisitFactory(
        regions=[agreement.mission_region, agreement.host_region],
        start_date=timezone.localdate() - datetime.timedelta(days=30),
    )
    assert "dormant partnership" not in index(staff_client)


def test_jubilees_within_ninety_days_across_the_new_year():
    today = datetime.date(2026, 11, 15)
    inside = AgreementFactory(year=2016, signed_on=datetime.date(2016, 12, 31))
    next_year = AgreementFactory(year=2022, signed_on=datetime.date(2022, 2, 1))
    AgreementFactory(year=2016, signed_on=datetime.date(2016, 11, 14))  # the day before
    AgreementFactory(year=2017, signed_on=datetime.date(2017, 2, 14))  # the 91st day
    AgreementFactory(year=2016)  # a day unknown
    AgreementFactory(year=2012, signed_on=datetime.date(2012, 12, 1))  # 14 years: no jubilee
    assert set(jubilees_within(today, 90)) == {inside, next_year}


def test_partner_requests_to_moderate_are_a_publishers_work(publisher_client, editor_client):
    PartnerRequestFactory(status=PartnerRequest.Status.DRAFT)
    PartnerRequestFactory()  # published already
    PartnerRequestFactory(status=PartnerRequest.Status.DRAFT, closed_at=timezone.now())
    PartnerRequestFactory(status=PartnerRequest.Status.DRAFT, confirmed_at=None)  # not yet
    assert "1 partner request to moderate" in index(publisher_client)
    assert "partner request" not in index(editor_client)
