"""
The staff member's desk at the top of the admin's index: one line for each kind of work that
awaits them, each linking to where it is done, at a fixed number of queries; and the page where
each chooses their e-mail notices.
"""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cooperation.models import Visit
from editorial.models import NoticePreference, Review
from partners.models import PartnerRequest
from tests.conftest import staff_browser
from tests.factories import (
    AgreementFactory,
    PartnerRequestFactory,
    SpreadsheetImportFactory,
    StaffFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db


def desk_of(client):
    """The desk's lines as the index shows them, in English: [(text, links)]."""
    page = client.get("/admin/", headers={"accept-language": "en"}).content.decode()
    desk = page[page.index('id="desk"') : page.index("</div>", page.index('id="desk"'))]
    assert page.index('id="desk"') < page.index('class="app-')
    return [
        (
            re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", line)).strip(),
            re.findall(r'href="([^"]+)"', line),
        )
        for line in re.findall(r"<li>(.*?)</li>", desk, re.S)
    ]


def ask_review(entry, editor, at=None):
    return Review.objects.create(
        entry=entry,
        state=Review.State.READY,
        requested_by=editor,
        requested_at=at or timezone.now(),
    )


def change_url(entry):
    return reverse(f"admin:cooperation_{entry._meta.model_name}_change", args=[entry.pk])


def waiting_work(editor):
    """One of each kind of work a Publisher may find waiting."""
    today = timezone.localdate()
    draft = VisitFactory(status=Visit.Status.DRAFT, title_en="Sofia delegation")
    ask_review(draft, editor, at=timezone.make_aware(datetime.datetime(2026, 3, 2, 10, 30)))
    PartnerRequestFactory(status=PartnerRequest.Status.DRAFT)
    SpreadsheetImportFactory(user=editor)
    VisitFactory(title_en="Coming soon", publish_at=timezone.now() + datetime.timedelta(days=3))
    signed = (today + datetime.timedelta(days=20)).replace(year=today.year - 10)
    AgreementFactory(year=signed.year, signed_on=signed)
    return draft


def test_a_publisher_sees_each_kind_of_waiting_work_at_the_top_one_line_each(
    publisher, editor, publisher_client
):
    draft = waiting_work(editor)
    lines = desk_of(publisher_client)

    def line(part):
        (found,) = [(text, links) for text, links in lines if part in text]
        return found

    text, links = line("1 draft awaits your review: Sofia delegation (editor, 03/02/2026")
    assert links == [change_url(draft)]
    assert line("1 partner request to moderate")[1] == [
        reverse("admin:partners_partnerrequest_changelist") + "?open=yes&amp;status__exact=draft"
    ]
    assert "not imported" in line("1 import under way or failed: agreements.csv")[0]
    line("1 entry goes live in the next 7 days: Coming soon")
    assert line("Entries still missing a language")[1] == [reverse("admin:missing_translations")]
    line("1 jubilee of an agreement in the next 90 days")
    line("1 dormant partnership")
    assert len(lines) == 7


def test_an_editor_sees_what_is_theirs_and_not_what_awaits_a_publisher(editor, editor_client):
    waiting_work(editor)
    someone_elses = VisitFactory(status=Visit.Status.DRAFT, title_en="Not mine")
    ask_review(someone_elses, StaffFactory(role="Editor"))
    sent_back = VisitFactory(status=Visit.Status.DRAFT, title_en="Needs names")
    review = ask_review(sent_back, editor)
    review.decide(Review.State.RETURNED, StaffFactory(role="Publisher"), "Add the names.")
    texts = [text for text, _links in desk_of(editor_client)]
    assert texts[0].startswith("1 of your drafts awaits a Publisher: Sofia delegation")
    assert texts[1].startswith("1 of your drafts was sent back to you: Needs names")
    assert "Add the names." in texts[1]
    assert not any("partner request" in text for text in texts)
    assert "Not mine" not in " ".join(texts)


def test_a_publisher_sees_failed_imports_of_others_and_may_open_them(
    editor, publisher_client, editor_client
):
    job = SpreadsheetImportFactory(user=editor)
    job_url = reverse("admin:cooperation_twinningagreement_import_job", args=[job.pk])
    ((text, links),) = desk_of(publisher_client)
    assert links == [job_url]
    assert publisher_client.get(job_url).status_code == 200
    assert desk_of(editor_client)[0][1] == [job_url]


def test_nothing_waiting_says_so(publisher_client):
    page = publisher_client.get("/admin/", headers={"accept-language": "en"}).content.decode()
    assert "Nothing awaits you." in page


def count_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/admin/").status_code == 200
    return len(queries)


def test_the_desk_costs_the_same_queries_however_much_waits(editor, publisher_client):
    for _ in range(2):
        waiting_work(editor)
    with_little = count_queries(publisher_client)
    for _ in range(8):
        waiting_work(editor)
    assert count_queries(publisher_client) == with_little


# Each staff member's e-mail notices


def test_each_staff_member_chooses_their_own_notices(editor, editor_client, publisher):
    url = reverse("admin:editorial_noticepreference_changelist")
    form = editor_client.get(url, follow=True)
    preference = NoticePreference.objects.get(user=editor)
    assert form.redirect_chain[-1][0] == reverse(
        "admin:editorial_noticepreference_change", args=[preference.pk]
    )
    response = editor_client.post(
        form.redirect_chain[-1][0], {"frequency": "daily", "language": "ru"}
    )
    assert response.status_code == 302
    preference.refresh_from_db()
    assert (preference.frequency, preference.language) == ("daily", "ru")
    others = NoticePreference.objects.create(user=publisher)
    other_url = reverse("admin:editorial_noticepreference_change", args=[others.pk])
    assert editor_client.post(other_url, {"frequency": "never", "language": "en"}).status_code in (
        302,
        403,
    )
    others.refresh_from_db()
    assert others.frequency == "each"


def test_the_page_of_notices_is_linked_from_every_admin_page_and_not_listed(editor_client):
    page = editor_client.get("/admin/").content.decode()
    assert reverse("admin:editorial_noticepreference_changelist") in page
    assert 'class="app-editorial' not in page


def test_a_staff_member_without_a_preference_may_open_the_page_in_their_language(client):
    user = StaffFactory()
    client = staff_browser(user)
    client.get(
        reverse("admin:editorial_noticepreference_changelist"), headers={"accept-language": "ru"}
    )
    assert NoticePreference.objects.get(user=user).language == "ru"
