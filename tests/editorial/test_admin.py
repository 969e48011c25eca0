"""
Editorial safety in the admin: roles (Editor, Publisher), publication actions, revision history
(compare, revert, recover) and the rich-text editor.
"""

import datetime
import re

import pytest
import reversion
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import gettext
from reversion.models import Version

from cooperation.models import (
    NewsPhoto,
    OverviewPage,
    Region,
    TwinningAgreement,
    Visit,
    VisitRegion,
)
from embassy.models import MissionLink
from tests.admin_forms import change_form_data
from tests.factories import (
    AgreementFactory,
    MissionLinkFactory,
    MunicipalityFactory,
    NewsPhotoFactory,
    OblastFactory,
    OverviewPageFactory,
    RegionFactory,
    TownFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def in_bulgarian(message, **parameters):
    """`message` as the admin shows it to the staff: in Bulgarian, the site's default language."""
    with translation.override("bg"):
        translated = gettext(message)
        return translated % parameters if parameters else translated


def saved_on(datetime_value):
    """A date and time as the admin writes it in a message, in Bulgarian."""
    with translation.override("bg"):
        return date_format(timezone.localtime(datetime_value), "DATETIME_FORMAT")


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


def with_a_first_version(build, comment="Entered from the embassy's list."):
    """The entries `build()` makes, saved as one revision of the history, as an import does."""
    with reversion.create_revision():
        reversion.set_comment(comment)
        return build()


def gomel_burgas(**fields):
    return AgreementFactory(
        mission_region=RegionFactory(slug="gomel", name_bg="Гомел"),
        host_region=MunicipalityFactory(slug="burgas", name_bg="Бургас"),
        year=1998,
        **fields,
    )


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


# Revision history.


def save_agreement(client, agreement, **changes):
    url = admin_url(TwinningAgreement, "change", agreement.pk)
    response = client.post(url, change_form_data(client.get(url), **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    agreement.refresh_from_db()
    return agreement


def test_the_history_lists_who_changed_an_entry_and_compares_two_versions(staff_client):
    agreement = with_a_first_version(gomel_burgas, comment="Въведено от списъка на посолството.")
    save_agreement(staff_client, agreement, status="suspended", notes_ru="Переговоры о продлении")
    history = staff_client.get(admin_url(TwinningAgreement, "history", agreement.pk))
    page = history.content.decode()
    assert "staff" in page and "Въведено от списъка на посолството." in page
    newer, older = history.context["versions"][:2]
    compare = staff_client.get(
        admin_url(TwinningAgreement, "compare", agreement.pk),
        {"old": older.pk, "new": newer.pk},
    )
    changes = {change.label: change for change in compare.context["changes"]}
    status, notes_ru = in_bulgarian("status"), f"{in_bulgarian('notes')} [ru]"
    assert set(changes) == {status, notes_ru}
    assert changes[status].before.startswith("<del>")
    assert changes[status].after == f"<ins>{escape(in_bulgarian('suspended'))}</ins>"
    assert "<ins>Переговоры о продлении</ins>" in compare.content.decode()


def test_comparing_without_two_versions_says_what_to_do(staff_client):
    agreement = with_a_first_version(AgreementFactory)
    response = staff_client.get(
        admin_url(TwinningAgreement, "compare", agreement.pk), {"old": "x"}, follow=True
    )
    assert in_bulgarian("Choose two different versions to compare.") in messages_of(response)


def test_comparing_an_entry_that_no_longer_exists_says_so(staff_client):
    response = staff_client.get(admin_url(TwinningAgreement, "compare", 404), follow=True)
    assert response.redirect_chain[-1] == (reverse("admin:index"), 302)
    assert "404" in messages_of(response)[0]


def test_reverting_restores_the_previous_field_values(staff_client):
    agreement = with_a_first_version(gomel_burgas)
    first = Version.objects.get_for_object(agreement).get()
    save_agreement(staff_client, agreement, year="2001", notes_bg="Погрешна година")
    url = admin_url(TwinningAgreement, "revision", agreement.pk, first.pk)
    form_page = staff_client.get(url)
    assert form_page.context["adminform"].form.initial["year"] == 1998
    agreement.refresh_from_db()
    assert agreement.year == 2001  # showing a version changes nothing
    response = staff_client.post(url, change_form_data(form_page))
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.year == 1998
    assert not agreement.notes_bg
    latest = Version.objects.get_for_object(agreement).first()
    assert latest.revision.comment == in_bulgarian(
        "Restored the version saved on %(date)s.", date=saved_on(first.revision.date_created)
    )


def test_reverting_one_entry_leaves_the_other_entries_of_its_revision_alone(staff_client):
    gomel, pinsk = with_a_first_version(lambda: AgreementFactory.create_batch(2))
    initial = Version.objects.get_for_object(gomel).get()
    assert initial.revision == Version.objects.get_for_object(pinsk).get().revision
    save_agreement(staff_client, pinsk, notes_en="Renewed in 2020")
    save_agreement(staff_client, gomel, status="ended")
    url = admin_url(TwinningAgreement, "revision", gomel.pk, initial.pk)
    staff_client.post(url, change_form_data(staff_client.get(url)))
    gomel.refresh_from_db()
    pinsk.refresh_from_db()
    assert gomel.status == "active"
    assert pinsk.notes_en == "Renewed in 2020"


def test_a_deleted_agreement_is_recovered_from_the_admin_with_its_translations(
    publisher_client,
):
    agreement = gomel_burgas()
    notes = {
        "notes_bg": "Подписано в Бургас.",
        "notes_ru": "Подписано в Бургасе.",
        "notes_be": "Падпісана ў Бургасе.",
        "notes_en": "Signed in Burgas.",
    }
    save_agreement(publisher_client, agreement, **notes)
    publisher_client.post(admin_url(TwinningAgreement, "delete", agreement.pk), {"post": "yes"})
    assert not TwinningAgreement.objects.filter(pk=agreement.pk).exists()

    recover_list = publisher_client.get(admin_url(TwinningAgreement, "recoverlist"))
    assert "Гомел – Бургас (1998)" in recover_list.content.decode()
    deleted = recover_list.context["deleted"].get(object_id=str(agreement.pk))
    url = admin_url(TwinningAgreement, "recover", deleted.pk)
    response = publisher_client.post(url, change_form_data(publisher_client.get(url)))
    assert response.status_code == 302
    recovered = TwinningAgreement.objects.get(pk=agreement.pk)
    assert {field: getattr(recovered, field) for field in notes} == notes
    assert (recovered.mission_region.slug, recovered.host_region.slug) == ("gomel", "burgas")


def test_a_deleted_visit_is_recovered_with_its_regions(staff_client):
    visit = with_a_first_version(
        lambda: VisitFactory(regions=[TownFactory(), OblastFactory(country="BG")])
    )
    regions = set(visit.regions.values_list("slug", flat=True))
    assert len(regions) == 2
    staff_client.post(admin_url(Visit, "delete", visit.pk), {"post": "yes"})
    assert not VisitRegion.objects.filter(visit_id=visit.pk).exists()
    deleted = Version.objects.get_deleted(Visit).get(object_id=str(visit.pk))
    url = admin_url(Visit, "recover", deleted.pk)
    staff_client.post(url, change_form_data(staff_client.get(url)))
    recovered = Visit.objects.get(pk=visit.pk)
    assert set(recovered.regions.values_list("slug", flat=True)) == regions


def test_an_editor_restoring_a_published_version_of_a_draft_leaves_it_a_draft(editor_client):
    page = with_a_first_version(OverviewPageFactory)
    published = Version.objects.get_for_object(page).get()
    OverviewPage.objects.filter(pk=page.pk).update(status="draft", title_bg="Работно заглавие")
    url = admin_url(OverviewPage, "revision", page.pk, published.pk)
    response = editor_client.post(url, change_form_data(editor_client.get(url)))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.status == OverviewPage.Status.DRAFT
    assert page.title_bg == published.field_dict["title_bg"]


# Rich text.


def test_visit_and_page_texts_get_the_editor_served_by_the_project(staff_client):
    VisitFactory()
    OverviewPageFactory()
    for model in (Visit, OverviewPage):
        entry = model.objects.first()
        page = staff_client.get(admin_url(model, "change", entry.pk)).content.decode()
        assert re.search(r'<textarea[^>]*class="[^"]*tinymce[^"]*"[^>]*name="body_ru"', page)
        assert '<script src="/static/tinymce/tinymce.min.js">' in page
        scripts = re.findall(r"<script\b([^>]*)>", page)
        assert all("src=" in attributes for attributes in scripts), "no inline script"
        assert "cdn" not in page.lower()


def test_a_body_posted_with_a_script_an_event_handler_and_a_javascript_link_is_stored_clean(
    staff_client,
):
    visit = VisitFactory(regions=[OblastFactory(country="BG")])
    url = admin_url(Visit, "change", visit.pk)
    body = (
        "<p>Среща <em>в Стара Загора</em><script>alert(1)</script>"
        '<img src=x onerror="alert(2)"><a href="javascript:alert(3)">тук</a></p>'
    )
    response = staff_client.post(url, change_form_data(staff_client.get(url), body_bg=body))
    assert response.status_code == 302
    visit.refresh_from_db()
    assert (
        visit.body_bg == '<p>Среща <em>в Стара Загора</em><a rel="noopener noreferrer">тук</a></p>'
    )


def test_admin_lists_the_languages_an_entry_still_lacks(staff_client):
    Region.objects.create(country="BG", kind="town", name_bg="Ново село", slug="novo-selo")
    complete = MunicipalityFactory(
        name_bg="Бургас", name_ru="Бургас", name_be="Бургас", name_en="Burgas"
    )
    page = staff_client.get("/admin/cooperation/region/?q=novo-selo").content.decode()
    assert "ru, be, en" in page
    form = staff_client.get(f"/admin/cooperation/region/{complete.pk}/change/").content.decode()
    assert "missing languages" in form.lower() or "липсващи" in form.lower()


def test_admin_shows_the_four_languages_of_a_name_side_by_side(staff_client):
    brest = RegionFactory(slug="brest")
    page = staff_client.get(f"/admin/cooperation/region/{brest.pk}/change/").content.decode()
    row = page[page.index('class="form-row field-name_bg') :]
    row = row[: row.index('<div class="form-row', 10)]
    for code in ("bg", "ru", "be", "en"):
        assert f'name="name_{code}"' in row


def test_a_version_id_that_is_no_number_is_not_found(staff_client):
    photo = NewsPhotoFactory()
    for address in (
        f"/admin/cooperation/newsphoto/{photo.pk}/history/{'9' * 5000}/",
        f"/admin/cooperation/newsphoto/recover/{'9' * 5000}/",
    ):
        assert staff_client.get(address).status_code == 404
