"""`purge_partner_contacts`: the writers' contact details deleted months after closing, and the
requests never confirmed deleted after a few days."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from partners.models import PartnerRequest
from tests.factories import PartnerRequestFactory

pytestmark = pytest.mark.django_db


def closed_days_ago(days):
    return PartnerRequestFactory(
        closed_at=timezone.now() - datetime.timedelta(days=days), closed_reason="partner_found"
    )


def purge(*args):
    """The command's first line, about contact details."""
    out = io.StringIO()
    call_command("purge_partner_contacts", *args, stdout=out)
    return out.getvalue().splitlines(keepends=True)[0]


def test_contacts_of_requests_closed_long_enough_ago_are_deleted(settings):
    settings.COOPERATION_PARTNER_CONTACT_MONTHS = 6
    old, recent, still_open = closed_days_ago(200), closed_days_ago(20), PartnerRequestFactory()
    assert purge() == "Contact details deleted: 1 request(s).\n"
    for partner_request in (old, recent, still_open):
        partner_request.refresh_from_db()
    assert (old.contact_name, old.contact_email) == ("", "")
    assert old.contacts_deleted_at is not None and old.description
    assert recent.contact_email and still_open.contact_email
    assert purge() == "Contact details deleted: 0 request(s).\n"


def test_months_and_a_dry_run_are_options():
    recent = closed_days_ago(20)
    dry_run = purge("--months", "0", "--dry-run")
    assert dry_run == "Contact details that would be deleted: 1 request(s).\n"
    recent.refresh_from_db()
    assert recent.contact_email
    purge("--months", "0")
    recent.refresh_from_db()
    assert recent.contact_email == ""


def test_requests_never_confirmed_are_deleted_after_a_few_days():
    days_ago = timezone.now() - datetime.timedelta(days=4)
    forgotten = PartnerRequestFactory(confirmed_at=None, created_at=days_ago, status="draft")
    waiting = PartnerRequestFactory(confirmed_at=None, status="draft")
    confirmed = PartnerRequestFactory(created_at=days_ago)
    out = io.StringIO()
    call_command("purge_partner_contacts", "--dry-run", stdout=out)
    assert "Unconfirmed requests that would be deleted: 1." in out.getvalue()
    call_command("purge_partner_contacts", stdout=out)
    assert "Unconfirmed requests deleted: 1." in out.getvalue()
    assert set(PartnerRequest.objects.all()) == {waiting, confirmed}
    assert not PartnerRequest.objects.filter(pk=forgotten.pk).exists()


def test_the_help_says_what_it_does_and_a_negative_number_is_refused(capsys):
    with pytest.raises(CommandError):
        purge("--months", "-1")
    with pytest.raises(SystemExit):
        call_command("purge_partner_contacts", "--help")
    help_text = " ".join(capsys.readouterr().out.split())
    assert "Meant to run daily" in help_text and "--dry-run" in help_text
    assert "default: COOPERATION_PARTNER_CONTACT_MONTHS (6)" in help_text
