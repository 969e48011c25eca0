"""The partner search board's requests: what the board lists, fields of interest, closing,
withdrawal, and the writer's contact details that are deleted."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from partners.models import PartnerRequest
from tests.factories import AgreementFactory, PartnerRequestFactory, TownFactory

pytestmark = pytest.mark.django_db


def test_the_board_lists_published_open_requests_only():
    on_board = PartnerRequestFactory()
    PartnerRequestFactory(status="draft")
    PartnerRequestFactory(publish_at=timezone.now() + datetime.timedelta(days=1))
    PartnerRequestFactory(closed_at=timezone.now(), closed_reason="partner_found")
    assert list(PartnerRequest.objects.on_board()) == [on_board]


def test_fields_of_interest_are_a_list_and_each_one_a_filter():
    sport = PartnerRequestFactory(interests=["sport", "youth"])
    culture = PartnerRequestFactory(interests=["culture"])
    sport.refresh_from_db()
    assert sport.interests == ["sport", "youth"]
    with translation.override("en"):
        assert [str(label) for label in sport.interest_labels()] == ["sport", "youth"]
    assert list(PartnerRequest.objects.in_field("youth")) == [sport]
    assert list(PartnerRequest.objects.in_field("culture")) == [culture]
    assert not PartnerRequest.objects.in_field("you").exists()


def test_a_request_needs_a_field_of_interest_and_known_ones():
    partner_request = PartnerRequestFactory.build(interests=[])
    with pytest.raises(ValidationError) as refused:
        partner_request.full_clean(exclude=["region"])
    assert "interests" in refused.value.message_dict
    partner_request.interests = ["culture", "astrology"]
    with pytest.raises(ValidationError) as refused:
        partner_request.full_clean(exclude=["region"])
    assert "interests" in refused.value.message_dict


def test_a_request_names_a_region_of_its_own_country_or_writes_one_in():
    partner_request = PartnerRequestFactory()
    partner_request.region = None
    with pytest.raises(ValidationError) as refused:
        partner_request.full_clean()
    assert "region" in refused.value.message_dict
    partner_request.region_name = "Община Бяла"
    partner_request.full_clean()
    partner_request.region = TownFactory(kind="district")
    with pytest.raises(ValidationError) as refused:
        partner_request.full_clean()
    assert "region" in refused.value.message_dict


def test_withdrawing_takes_the_request_off_the_board_and_deletes_the_contact():
    partner_request = PartnerRequestFactory()
    token = partner_request.withdrawal_token()
    assert PartnerRequest.objects.from_withdrawal_token(token) == partner_request
    partner_request.withdraw()
    partner_request.refresh_from_db()
    assert not PartnerRequest.objects.on_board().filter(pk=partner_request.pk).exists()
    assert partner_request.closed_reason == PartnerRequest.ClosedReason.WITHDRAWN
    assert (partner_request.contact_name, partner_request.contact_email) == ("", "")
    assert partner_request.contacts_deleted_at is not None


def test_a_forged_or_altered_withdrawal_link_names_no_request():
    partner_request = PartnerRequestFactory()
    token = partner_request.withdrawal_token()
    assert PartnerRequest.objects.from_withdrawal_token(token[:-1] + "x") is None
    assert PartnerRequest.objects.from_withdrawal_token(str(partner_request.pk)) is None


def test_contacts_are_deleted_only_for_requests_closed_before_the_moment():
    now = timezone.now()
    long_closed = PartnerRequestFactory(
        closed_at=now - datetime.timedelta(days=400), closed_reason="partner_found"
    )
    lately_closed = PartnerRequestFactory(
        closed_at=now - datetime.timedelta(days=10), closed_reason="other"
    )
    still_open = PartnerRequestFactory()
    due = PartnerRequest.objects.contacts_to_delete(now - datetime.timedelta(days=180))
    assert list(due) == [long_closed]
    assert due.delete_contacts() == 1
    long_closed.refresh_from_db()
    assert (long_closed.contact_name, long_closed.contact_email) == ("", "")
    assert long_closed.description  # The request itself stays.
    for kept in (lately_closed, still_open):
        kept.refresh_from_db()
        assert kept.contact_email


def test_open_requests_come_first():
    closed = PartnerRequestFactory(closed_at=timezone.now(), closed_reason="other")
    older_open = PartnerRequestFactory(created_at=timezone.now() - datetime.timedelta(days=3))
    newer_open = PartnerRequestFactory()
    ours = PartnerRequest.objects.filter(pk__in=[closed.pk, older_open.pk, newer_open.pk])
    assert list(ours) == [newer_open, older_open, closed]


def test_an_agreement_keeps_the_request_it_began_with_and_outlives_it():
    partner_request = PartnerRequestFactory()
    agreement = AgreementFactory(host_region=partner_request.region)
    partner_request.agreements.add(agreement)
    assert list(agreement.partner_requests.all()) == [partner_request]
    partner_request.delete()
    agreement.refresh_from_db()
    assert not agreement.partner_requests.exists()
