"""The staff's list of agreements: each partnership's last exchange, as a column to sort by."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import AgreementFactory, VisitFactory

pytestmark = pytest.mark.django_db


def test_the_agreement_list_sorts_by_the_last_exchange(staff_client):
    lately, long_ago = AgreementFactory(), AgreementFactory()
    for agreement, day in (
        (lately, datetime.date(2024, 5, 1)),
        (long_ago, datetime.date(2012, 5, 1)),
    ):
        VisitFactory(regions=[agreement.mission_region, agreement.host_region], start_date=day)
    url = reverse("admin:cooperation_twinningagreement_changelist")
    changelist = staff_client.get(url, headers={"accept-language": "en"})
    assert "last exchange" in changelist.content.decode().lower()
    column = changelist.context["cl"].list_display.index("last_exchange")
    newest_first = staff_client.get(url, {"o": f"-{column}"}).context["cl"].result_list
    ours = [agreement for agreement in newest_first if agreement in (lately, long_ago)]
    assert ours == [lately, long_ago]
    assert ours[0].last_exchange == datetime.date(2024, 5, 1)
