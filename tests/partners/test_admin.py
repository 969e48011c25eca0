"""The staff's side of the partner search board: open requests first, each role's rights, and
contact details that never enter the revision history."""

import datetime
import io

import pytest
import reversion
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from partners.models import PartnerRequest
from tests.admin_forms import change_form_data, refusal_of
from tests.factories import AgreementFactory, PartnerRequestFactory

pytestmark = pytest.mark.django_db


def admin_url(view, *args):
    return reverse(f"admin:partners_partnerrequest_{view}", args=args)


def test_the_list_shows_open_requests_first(staff_client):
    closed = PartnerRequestFactory(closed_at=timezone.now(), closed_reason="other")
    old_open = PartnerRequestFactory(created_at=timezone.now() - datetime.timedelta(days=30))
    new_open = PartnerRequestFactory()
    listed = list(staff_client.get(admin_url("changelist")).context["cl"].result_list)
    ours = [entry for entry in listed if entry in (closed, old_open, new_open)]
    assert ours == [new_open, old_open, closed]


def test_staff_see_the_contact_details(staff_client):
    partner_request = PartnerRequestFactory(contact_email="writer@sopot.example")
    page = staff_client.get(admin_url("change", partner_request.pk)).content.decode()
    assert "writer@sopot.example" in page


def test_an_editor_corrects_a_request_but_cannot_publish_or_close_it(editor_client):
    draft = PartnerRequestFactory(status="draft")
    response = editor_client.get(admin_url("change", draft.pk))
    assert response.status_code == 200
    data = change_form_data(
        response,
        summary_bg="Община търси партньор за култура.",
        status="published",
        closed_reason="partner_found",
    )
    assert editor_client.post(admin_url("change", draft.pk), data).status_code == 302
    draft.refresh_from_db()
    assert draft.summary_bg == "Община търси партньор за култура."
    assert draft.status == PartnerRequest.Status.DRAFT
    assert draft.closed_reason == ""
    editor_client.post(
        admin_url("changelist"), {"action": "publish", "_selected_action": [draft.pk]}
    )
    draft.refresh_from_db()
    assert not PartnerRequest.objects.on_board().filter(pk=draft.pk).exists()
    editor_client.post(admin_url("delete", draft.pk), {"post": "yes"})
    assert PartnerRequest.objects.filter(pk=draft.pk).exists()


def test_a_publisher_publishes_a_request_onto_the_board_and_closes_it(publisher_client):
    draft = PartnerRequestFactory(status="draft")
    publisher_client.post(
        admin_url("changelist"), {"action": "publish", "_selected_action": [draft.pk]}
    )
    assert PartnerRequest.objects.on_board().filter(pk=draft.pk).exists()
    response = publisher_client.get(admin_url("change", draft.pk))
    data = change_form_data(
        response,
        closed_at_0="2026-01-05",
        closed_at_1="10:00",
        closed_reason="partner_found",
    )
    assert publisher_client.post(admin_url("change", draft.pk), data).status_code == 302
    assert not PartnerRequest.objects.on_board().filter(pk=draft.pk).exists()


def test_contact_details_never_enter_the_revision_history(staff_client):
    partner_request = PartnerRequestFactory(
        contact_name="Здравка Неповторимова", contact_email="zdravka@sopot.example"
    )
    response = staff_client.get(admin_url("change", partner_request.pk))
    data = change_form_data(response, summary_bg="Резюме.")
    assert staff_client.post(admin_url("change", partner_request.pk), data).status_code == 302
    (version,) = Version.objects.get_for_object(partner_request)
    assert version.field_dict["summary_bg"] == "Резюме."
    assert "contact_email" not in version.field_dict
    assert "zdravka" not in version.serialized_data


def test_the_request_shows_the_agreements_that_began_with_it(staff_client):
    partner_request = PartnerRequestFactory()
    agreement = AgreementFactory(host_region=partner_request.region)
    partner_request.agreements.add(agreement)
    page = staff_client.get(admin_url("change", partner_request.pk)).content.decode()
    assert f"/admin/cooperation/twinningagreement/{agreement.pk}/change/" in page


def test_staff_link_an_agreement_to_the_request_it_began_with(publisher_client):
    partner_request = PartnerRequestFactory()
    agreement = AgreementFactory(host_region=partner_request.region)
    url = admin_url("change", partner_request.pk)
    data = change_form_data(publisher_client.get(url), agreements=[agreement.pk])
    assert publisher_client.post(url, data).status_code == 302
    assert list(agreement.partner_requests.all()) == [partner_request]


def test_an_editor_cannot_link_an_agreement(editor_client):
    partner_request = PartnerRequestFactory()
    agreement = AgreementFactory(host_region=partner_request.region)
    url = admin_url("change", partner_request.pk)
    data = change_form_data(editor_client.get(url), agreements=[agreement.pk])
    assert editor_client.post(url, data).status_code == 302
    assert not agreement.partner_requests.exists()


@pytest.mark.parametrize("staff", ["editor_client", "publisher_client"])
def test_a_form_opened_before_the_writer_withdrew_cannot_bring_the_request_back(request, staff):
    staff_client = request.getfixturevalue(staff)
    partner_request = PartnerRequestFactory(
        contact_name="Здравка Неповторимова", contact_email="zdravka@sopot.example"
    )
    form_page = staff_client.get(admin_url("change", partner_request.pk))
    partner_request.withdraw()

    data = change_form_data(form_page, summary_bg="Резюме.")
    refused = staff_client.post(admin_url("change", partner_request.pk), data)
    assert refused.status_code == 200
    assert "„Оттеглена от автора“" in refusal_of(refused)
    partner_request.refresh_from_db()
    assert partner_request.status == PartnerRequest.Status.DRAFT
    assert (partner_request.contact_name, partner_request.contact_email) == ("", "")
    assert not PartnerRequest.objects.on_board().filter(pk=partner_request.pk).exists()
    (version,) = Version.objects.get_for_object(partner_request)
    assert "zdravka" not in version.serialized_data

    # Saved again, as the refusal offers: the erased contact and the withdrawal stay.
    data = {**change_form_data(refused, summary_bg="Резюме."), "closed_at_0": "", "closed_at_1": ""}
    assert "zdravka@sopot.example" not in data.values()
    again = staff_client.post(admin_url("change", partner_request.pk), data)
    partner_request.refresh_from_db()
    assert (partner_request.contact_name, partner_request.contact_email) == ("", "")
    assert partner_request.status == PartnerRequest.Status.DRAFT and not partner_request.is_open
    if staff == "publisher_client":
        assert "не може да бъде отворена отново" in refusal_of(again)
    else:
        assert again.status_code == 302 and partner_request.summary_bg == "Резюме."


def test_a_form_opened_before_the_contacts_were_deleted_cannot_bring_them_back(editor_client):
    partner_request = PartnerRequestFactory(
        closed_at=timezone.now() - datetime.timedelta(days=400),
        closed_reason="partner_found",
        contact_name="Здравка Неповторимова",
        contact_email="zdravka@sopot.example",
    )
    form_page = editor_client.get(admin_url("change", partner_request.pk))
    call_command("purge_partner_contacts", stdout=io.StringIO())

    data = change_form_data(form_page, summary_bg="Резюме.")
    refused = editor_client.post(admin_url("change", partner_request.pk), data)
    assert refused.status_code == 200 and refusal_of(refused)
    partner_request.refresh_from_db()
    assert (partner_request.contact_name, partner_request.contact_email) == ("", "")
    editor_client.post(admin_url("change", partner_request.pk), change_form_data(refused))
    partner_request.refresh_from_db()
    assert (partner_request.contact_name, partner_request.contact_email) == ("", "")


def test_a_publisher_cannot_reopen_or_republish_a_withdrawn_request(publisher_client):
    partner_request = PartnerRequestFactory()
    partner_request.withdraw()
    url = admin_url("change", partner_request.pk)
    data = change_form_data(publisher_client.get(url), closed_at_0="", closed_at_1="")
    data.update(closed_reason="", status="published")
    refused = publisher_client.post(url, data)
    assert "не може да бъде отворена отново" in refusal_of(refused)
    publisher_client.post(
        admin_url("changelist"), {"action": "publish", "_selected_action": [partner_request.pk]}
    )
    partner_request.refresh_from_db()
    assert partner_request.status == PartnerRequest.Status.DRAFT and not partner_request.is_open


def test_staff_cannot_give_a_request_an_address_that_could_break_a_mail_header(staff_client):
    partner_request = PartnerRequestFactory()
    url = admin_url("change", partner_request.pk)
    address = '"x\x0bX-Injected:yes"@example.org'
    response = staff_client.post(
        url, change_form_data(staff_client.get(url), contact_email=address)
    )
    assert response.context["adminform"].form.errors["contact_email"]
    partner_request.refresh_from_db()
    assert partner_request.contact_email != address


def linked_since_its_first_version(**fields):
    """A request saved once in its history, then linked to an agreement; and that version."""
    with reversion.create_revision():
        partner_request = PartnerRequestFactory(**fields)
    partner_request.agreements.add(AgreementFactory(host_region=partner_request.region))
    return partner_request, Version.objects.get_for_object(partner_request).get()


def test_an_editor_restores_an_old_version_leaving_the_linked_agreements_as_they_are(
    editor_client,
):
    partner_request, first = linked_since_its_first_version(summary_bg="Първо резюме.")
    agreements = list(partner_request.agreements.all())
    PartnerRequest.objects.filter(pk=partner_request.pk).update(summary_bg="Второ резюме.")
    url = admin_url("revision", partner_request.pk, first.pk)
    response = editor_client.post(url, change_form_data(editor_client.get(url)))
    assert response.status_code == 302
    partner_request.refresh_from_db()
    assert partner_request.summary_bg == "Първо резюме."
    assert list(partner_request.agreements.all()) == agreements


def test_staff_without_a_role_cannot_open_an_old_version(client, django_user_model):
    partner_request, first = linked_since_its_first_version()
    client.force_login(django_user_model.objects.create_user("no-role", is_staff=True))
    assert client.get(admin_url("revision", partner_request.pk, first.pk)).status_code == 403
