"""Staff told in time: an e-mail at each event, or the daily digest of their desk
(`manage.py send_digest`), or nothing, as each chose; in their language, with the link."""

import datetime
import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from cooperation.models import Visit
from editorial.models import NoticePreference, Review, SpreadsheetImport
from partners.models import PartnerRequest
from tests.factories import (
    MunicipalityFactory,
    PartnerRequestFactory,
    SpreadsheetImportFactory,
    StaffFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db


def chose(user, frequency, language="en"):
    NoticePreference.objects.create(user=user, frequency=frequency, language=language)
    return user


def send_digest():
    out = io.StringIO()
    call_command("send_digest", stdout=out)
    return out.getvalue()


def ready_draft(editor, **fields):
    draft = VisitFactory(status=Visit.Status.DRAFT, **fields)
    Review.objects.create(
        entry=draft, state=Review.State.READY, requested_by=editor, requested_at=timezone.now()
    )
    return draft


@pytest.mark.parametrize("frequency, digests", [("daily", 1), ("each", 0), ("never", 0)])
def test_the_daily_digest_goes_to_those_who_chose_it(editor, publisher, frequency, digests):
    chose(publisher, frequency)
    draft = ready_draft(editor, title_en="Sofia delegation")
    assert send_digest() == f"Digests sent: {digests}\n"
    assert len(mail.outbox) == digests
    if digests:
        (digest,) = mail.outbox
        assert digest.to == [publisher.email] and digest.subject == "What awaits you"
        assert "1 draft awaits your review" in digest.body and "Sofia delegation" in digest.body
        change = reverse("admin:cooperation_visit_change", args=[draft.pk])
        assert f"http://testserver{change}" in digest.body


def test_a_digest_in_the_recipients_language(editor, publisher):
    chose(publisher, "daily", language="bg")
    ready_draft(editor, title_bg="Делегация от София", title_en="Sofia delegation")
    send_digest()
    assert "Делегация от София" in mail.outbox[0].body


def test_nothing_waiting_sends_no_digest(publisher):
    chose(publisher, "daily")
    assert send_digest() == "Digests sent: 0\n"
    assert mail.outbox == []


def test_an_editors_digest_tells_which_drafts_were_published_in_the_last_day(editor, publisher):
    chose(editor, "daily")
    ready_draft(editor, title_en="Sofia delegation")
    Review.objects.get().decide(Review.State.PUBLISHED, publisher)
    send_digest()
    assert "Your drafts published in the last day" in mail.outbox[0].body
    assert "Sofia delegation" in mail.outbox[0].body
    Review.objects.update(decided_at=timezone.now() - datetime.timedelta(days=1, minutes=1))
    mail.outbox.clear()
    assert send_digest() == "Digests sent: 0\n"


def test_a_mail_server_that_fails_sends_no_digest_and_raises_nothing(editor, publisher, settings):
    chose(publisher, "daily")
    ready_draft(editor)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    assert send_digest() == "Digests sent: 0\n"


@pytest.mark.parametrize("frequency, mailed", [("each", True), ("daily", False), ("never", False)])
def test_publishers_are_told_of_a_failed_import(editor, publisher, frequency, mailed):
    chose(publisher, frequency)
    job = SpreadsheetImportFactory(user=editor, state=SpreadsheetImport.State.CHECKED)
    job.move_to(job.State.FAILED, message="Nothing was imported: the file changed.")
    assert [message.to for message in mail.outbox] == ([[publisher.email]] if mailed else [])
    if mailed:
        assert mail.outbox[0].subject == "The import of “agreements.csv” failed."
        assert "Nothing was imported: the file changed." in mail.outbox[0].body
        job_url = reverse("admin:cooperation_twinningagreement_import_job", args=[job.pk])
        assert f"http://testserver{job_url}" in mail.outbox[0].body


@pytest.mark.parametrize("frequency, mailed", [("each", True), ("never", False)])
def test_publishers_are_told_of_a_new_partner_request(client, publisher, frequency, mailed):
    chose(publisher, frequency)
    StaffFactory(role="Editor")  # not told
    municipality = MunicipalityFactory(name_bg="Община Сопот", name_en="Sopot Municipality")
    client.post(
        "/bg/cooperation/partners/new/?country=BG",
        {
            "region": municipality.pk,
            "interests": ["culture"],
            "description": "Търсим побратимен град в Беларус.",
            "contact_name": "Мария Иванова",
            "contact_email": "maria@sopot.example",
            "consent": "on",
        },
    )
    # Told once the writer confirmed the request from the receipt.
    assert [message.to for message in mail.outbox] == [["maria@sopot.example"]]
    client.get(re.search(r"testserver(/\S+/confirm/\S+/)", mail.outbox[0].body)[1])
    notices = [message for message in mail.outbox if message.to == [publisher.email]]
    assert len(notices) == mailed
    if mailed:
        assert notices[0].subject.startswith("A partner request awaits moderation: Sopot")


def test_a_publishers_digest_holds_partner_requests_and_failed_imports(editor, publisher):
    chose(publisher, "daily")
    PartnerRequestFactory(status=PartnerRequest.Status.DRAFT)
    SpreadsheetImportFactory(user=editor)
    send_digest()
    (digest,) = mail.outbox
    assert "1 partner request to moderate" in digest.body
    assert "1 import under way or failed" in digest.body and "agreements.csv" in digest.body


def test_an_editors_digest_holds_the_drafts_sent_back(editor, publisher):
    chose(editor, "daily")
    ready_draft(editor, title_en="Sofia delegation")
    Review.objects.get().decide(Review.State.RETURNED, publisher, "Add the names.")
    send_digest()
    assert "1 of your drafts was sent back to you" in mail.outbox[0].body
    assert "Add the names." in mail.outbox[0].body
