"""Publishing in the admin: what an Editor, a Publisher and a superuser may do with an entry."""

import datetime

import pytest
from django.utils import timezone, translation
from reversion.models import Version

from cooperation.models import (
    NewsPhoto,
    OverviewPage,
    Region,
    TwinningAgreement,
    Visit,
)
from embassy.models import MissionLink
from tests.admin_forms import change_form_data
from tests.editorial.admin.conftest import admin_url, in_bulgarian, messages_of, saved_on
from tests.factories import (
    AgreementFactory,
    MissionLinkFactory,
    NewsPhotoFactory,
    OverviewPageFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db


def visit_data(**changes):
    data = {
        "title_bg": "Делегация от Гомел в Бургас",
        "slug": "gomel-delegation-in-burgas",
        "kind": "delegation",
        "start_date": "2024-05-14",
        "date_precision": "day",
        "visitregion_set-TOTAL_FORMS": "0",
        "visitregion_set-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


def act(client, model, action, entries):
    return client.post(
        admin_url(model, "changelist"),
        {"action": action, "_selected_action": [entry.pk for entry in entries]},
        follow=True,
    )


# Roles.


def test_an_editor_adds_a_visit_only_as_a_draft(editor_client):
    response = editor_client.post(
        admin_url(Visit, "add"),
        visit_data(status="published", publish_at_0="2024-05-14", publish_at_1="10:00"),
    )
    assert response.status_code == 302
    visit = Visit.objects.get(slug="gomel-delegation-in-burgas")
    assert visit.status == Visit.Status.DRAFT
    assert visit not in Visit.objects.published()


def test_an_editor_cannot_change_the_status_of_an_existing_entry(editor_client):
    page = OverviewPageFactory()
    response = editor_client.get(admin_url(OverviewPage, "change", page.pk))
    assert "status" not in response.context["adminform"].form.fields
    editor_client.post(
        admin_url(OverviewPage, "change", page.pk), change_form_data(response, status="draft")
    )
    page.refresh_from_db()
    assert page.status == OverviewPage.Status.PUBLISHED


def test_an_editor_is_not_offered_the_publish_actions_and_cannot_use_them(editor_client):
    draft = Visit.objects.create(
        kind="delegation", title_bg="Чернова", slug="draft", start_date=datetime.date(2024, 1, 1)
    )
    page = editor_client.get(admin_url(Visit, "changelist")).content.decode()
    assert 'value="publish"' not in page and 'value="delete_selected"' not in page
    act(editor_client, Visit, "publish", [draft])
    draft.refresh_from_db()
    assert draft.status == Visit.Status.DRAFT


def test_an_editor_cannot_delete(editor_client):
    visit = VisitFactory()
    assert editor_client.get(admin_url(Visit, "delete", visit.pk)).status_code == 403
    editor_client.post(admin_url(Visit, "delete", visit.pk), {"post": "yes"})
    assert Visit.objects.filter(pk=visit.pk).exists()
    agreement = AgreementFactory()
    editor_client.post(admin_url(TwinningAgreement, "delete", agreement.pk), {"post": "yes"})
    assert TwinningAgreement.objects.filter(pk=agreement.pk).exists()


def test_an_editor_cannot_change_regions_agreements_or_mission_links(editor_client):
    AgreementFactory()
    MissionLinkFactory()
    for model in (Region, TwinningAgreement, MissionLink):
        entry = model.objects.first()
        assert editor_client.get(admin_url(model, "changelist")).status_code == 200
        assert editor_client.get(admin_url(model, "add")).status_code == 403
        response = editor_client.get(admin_url(model, "change", entry.pk))
        assert response.context["has_change_permission"] is False


def test_a_publisher_publishes_and_deletes(publisher_client):
    draft = Visit.objects.create(
        kind="delegation", title_bg="Чернова", slug="draft", start_date=datetime.date(2024, 1, 1)
    )
    written = timezone.now() - datetime.timedelta(days=7)
    Visit.objects.filter(pk=draft.pk).update(publish_at=written)
    response = act(publisher_client, Visit, "publish", [draft])
    assert in_bulgarian("Published: %(entries)s.", entries="“Чернова”") in messages_of(response)
    assert draft in Visit.objects.published()
    draft.refresh_from_db()
    assert draft.publish_at > written + datetime.timedelta(days=6)  # published now, not then
    publisher_client.post(admin_url(Visit, "delete", draft.pk), {"post": "yes"})
    assert not Visit.objects.filter(pk=draft.pk).exists()


def test_a_publisher_sets_the_status_in_the_form(publisher_client):
    response = publisher_client.post(
        admin_url(Visit, "add"),
        visit_data(status="published", publish_at_0="2024-05-14", publish_at_1="10:00"),
    )
    assert response.status_code == 302
    assert Visit.objects.published().filter(slug="gomel-delegation-in-burgas").exists()


def test_superusers_keep_every_right(staff_client):
    VisitFactory()
    page = staff_client.get(admin_url(Visit, "changelist")).content.decode()
    assert 'value="publish"' in page and 'value="delete_selected"' in page


# Publication actions.


def test_publishing_a_future_entry_schedules_it_and_says_when(publisher_client):
    publish_at = timezone.now() + datetime.timedelta(days=3)
    draft = Visit.objects.create(
        kind="delegation",
        title_bg="Утре",
        slug="tomorrow",
        start_date=datetime.date(2024, 1, 1),
        publish_at=publish_at,
    )
    response = act(publisher_client, Visit, "publish", [draft])
    draft.refresh_from_db()
    scheduled = in_bulgarian(
        "“%(entry)s” is scheduled: it appears on the site on %(time)s.",
        entry="Утре",
        time=saved_on(draft.publish_at),
    )
    assert scheduled in messages_of(response)
    assert draft.status == Visit.Status.PUBLISHED
    assert draft not in Visit.objects.published()


def test_publishing_a_photo_without_its_text_alternative_is_refused_with_the_reason(
    publisher_client,
):
    photo = NewsPhotoFactory(status=NewsPhoto.Status.DRAFT, alt_text_bg="")
    response = act(publisher_client, NewsPhoto, "publish", [photo])
    (message,) = messages_of(response)
    with translation.override("bg"):
        title = str(photo)
    reason = in_bulgarian("Describe the photo in the text alternative before publishing it.")
    assert message == in_bulgarian(
        "“%(entry)s” was not published: %(reasons)s", entry=title, reasons=reason
    )
    photo.refresh_from_db()
    assert photo.status == NewsPhoto.Status.DRAFT


def test_withdrawing_several_entries_makes_them_drafts_and_records_who(publisher_client):
    visits = VisitFactory.create_batch(3)
    response = act(publisher_client, Visit, "unpublish", visits)
    withdrawn, _entries, _end = in_bulgarian("Withdrawn to drafts: %(entries)s.").partition(
        "%(entries)s"
    )
    assert messages_of(response)[0].startswith(withdrawn)
    assert not Visit.objects.published().exists()
    version = Version.objects.get_for_object(visits[0]).first()
    assert version.revision.user.username == "publisher"
