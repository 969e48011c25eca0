"""
Ready for review: an Editor marks a draft ready beside "Save"; a Publisher publishes it or sends
it back with a comment; each step is in the entry's history and on its form, and the Editor or
the Publishers are told by e-mail as each chose (each event, a daily digest, nothing).
"""

import pytest
from django.core import mail
from django.urls import reverse
from reversion.models import Version

from cooperation.models import NewsPhoto, Visit
from editorial.models import NoticePreference, Review
from tests.admin_forms import change_form_data
from tests.conftest import staff_browser
from tests.factories import NewsPhotoFactory, VisitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    return VisitFactory(status=Visit.Status.DRAFT, title_bg="Чернова", title_en="Draft visit")


def change_url(entry):
    return reverse("admin:cooperation_visit_change", args=[entry.pk])


def save(client, entry, button, **changes):
    url = change_url(entry)
    data = {**change_form_data(client.get(url), **changes), button: "1"}
    response = client.post(url, data, headers={"accept-language": "en"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def page(client, entry):
    return client.get(change_url(entry), headers={"accept-language": "en"}).content.decode()


def latest_comment(entry):
    return Version.objects.get_for_object(entry).first().revision.comment


def chose(user, frequency, language="en"):
    NoticePreference.objects.create(user=user, frequency=frequency, language=language)
    return user


def test_an_editor_asks_for_review_beside_save_and_a_publisher_does_not(editor, publisher, draft):
    assert 'name="_ready"' in page(staff_browser(editor), draft)
    publishers_form = page(staff_browser(publisher), draft)
    assert 'name="_ready"' not in publishers_form and 'name="_publish"' in publishers_form


@pytest.mark.parametrize(
    "frequency, mailed",
    [("each", True), ("daily", False), ("never", False)],
)
def test_a_draft_marked_ready_is_in_its_history_and_mailed_to_publishers_as_they_chose(
    editor, publisher, draft, frequency, mailed
):
    chose(publisher, frequency)
    save(staff_browser(editor), draft, "_ready", title_bg="Чернова, поправена")
    review = Review.objects.get()
    assert (review.entry, review.state, review.requested_by) == (draft, "ready", editor)
    assert "Marked ready for review." in latest_comment(draft)
    assert [message.to for message in mail.outbox] == ([[publisher.email]] if mailed else [])
    if mailed:
        # In the Publisher's language, with the absolute link to the draft's form.
        assert mail.outbox[0].subject == "“Draft visit” is ready for review, from editor."
        assert f"http://testserver{change_url(draft)}" in mail.outbox[0].body


def test_a_publisher_without_a_choice_is_mailed_each_event_in_the_sites_language(
    editor, publisher, draft
):
    save(staff_browser(editor), draft, "_ready")
    (message,) = mail.outbox
    assert "Чернова" in message.subject


def test_the_publishers_form_says_who_asked_and_offers_to_publish_or_send_back(
    editor, publisher, draft
):
    save(staff_browser(editor), draft, "_ready")
    form = page(staff_browser(publisher), draft)
    assert "Ready for review: asked by editor on" in form
    assert 'name="_publish"' in form and 'name="_return"' in form
    assert 'name="review_comment"' in form


@pytest.mark.parametrize("frequency, mailed", [("each", True), ("never", False)])
def test_a_publisher_publishes_a_ready_draft_and_its_editor_is_told(
    editor, publisher, draft, frequency, mailed
):
    chose(editor, frequency)
    save(staff_browser(editor), draft, "_ready")
    mail.outbox.clear()
    save(staff_browser(publisher), draft, "_publish")
    draft.refresh_from_db()
    assert draft.is_published
    assert Review.objects.get().state == Review.State.PUBLISHED
    assert [message.to for message in mail.outbox] == ([[editor.email]] if mailed else [])
    if mailed:
        assert mail.outbox[0].subject == "“Draft visit” was published by publisher."
    assert "Published after review by publisher" in page(staff_browser(editor), draft)


def test_publishing_checks_the_entry_as_the_form_does(publisher):
    photo = NewsPhotoFactory(status=NewsPhoto.Status.DRAFT, alt_text_bg="", alt_text_en="")
    client = staff_browser(publisher)
    url = reverse("admin:cooperation_newsphoto_change", args=[photo.pk])
    response = client.post(url, {**change_form_data(client.get(url)), "_publish": "1"})
    assert response.status_code == 200
    assert "alt_text_bg" in response.context["adminform"].form.errors
    photo.refresh_from_db()
    assert photo.status == NewsPhoto.Status.DRAFT


def test_the_list_action_publishes_ready_drafts_and_tells_their_editors(editor, publisher, draft):
    chose(editor, "each")
    save(staff_browser(editor), draft, "_ready")
    mail.outbox.clear()
    staff_browser(publisher).post(
        reverse("admin:cooperation_visit_changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    assert Review.objects.get().state == Review.State.PUBLISHED
    assert [message.to for message in mail.outbox] == [[editor.email]]


def test_a_publisher_sends_a_draft_back_with_a_comment_its_editor_reads_on_the_form(
    editor, publisher, draft
):
    chose(editor, "each")
    save(staff_browser(editor), draft, "_ready")
    mail.outbox.clear()
    save(staff_browser(publisher), draft, "_return", review_comment="Add the delegation's names.")
    review = Review.objects.get()
    assert (review.state, review.decided_by, review.comment) == (
        "returned",
        publisher,
        "Add the delegation's names.",
    )
    assert "Sent back to its editor: Add the delegation's names." in latest_comment(draft)
    (message,) = mail.outbox
    assert message.subject == "“Draft visit” was sent back to you by publisher."
    assert "Add the delegation's names." in message.body
    form = page(staff_browser(editor), draft)
    assert "Sent back by publisher on" in form and "Add the delegation&#x27;s names." in form
    assert 'name="_ready"' in form  # to ask again once corrected


def test_sending_back_without_a_comment_is_refused_and_the_draft_stays_ready(
    editor, publisher, draft
):
    save(staff_browser(editor), draft, "_ready")
    response = save(staff_browser(publisher), draft, "_return", review_comment=" ")
    assert response["Location"] == change_url(draft)
    assert Review.objects.get().state == Review.State.READY


def test_a_mail_server_that_fails_is_a_message_never_an_error(editor, publisher, draft, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    client = staff_browser(editor)
    response = save(client, draft, "_ready")
    assert Review.objects.get().state == Review.State.READY
    shown = client.get(response["Location"], headers={"accept-language": "en"}).context["messages"]
    shown = [str(message) for message in shown]
    assert any("could not be sent" in message for message in shown)
