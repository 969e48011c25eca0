"""
Optimistic concurrency in the admin (issue 13, "lost update"): two staff members open the same
entry, the first saves, the second saves the form they opened earlier; the second is refused,
told who saved and when, keeps their input and can compare the two versions.
"""

import re
from html import unescape

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext
from reversion.models import Version

from cooperation.models import NewsPhoto, OverviewPage, Region, TwinningAgreement, Visit
from embassy.models import MissionLink, Page
from tests.admin_forms import change_form_data, refusal_of
from tests.conftest import staff_browser
from tests.factories import (
    AgreementFactory,
    MissionLinkFactory,
    MunicipalityFactory,
    NewsPhotoFactory,
    OverviewPageFactory,
    PageFactory,
    TownFactory,
    VisitFactory,
)
from tests.imports import checked, confirmed, upload_file

pytestmark = pytest.mark.django_db

# Every editable model, a way to make one, and a text field to change.
EDITABLE = {
    Region: (TownFactory, "name_bg"),
    TwinningAgreement: (AgreementFactory, "notes_bg"),
    Visit: (VisitFactory, "title_bg"),
    NewsPhoto: (NewsPhotoFactory, "title_bg"),
    OverviewPage: (OverviewPageFactory, "title_bg"),
    Page: (PageFactory, "title_bg"),
    MissionLink: (MissionLinkFactory, "title_bg"),
}


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def colleague_client():
    """Another staff member, with a name the refusal can show."""
    colleague = get_user_model().objects.create_superuser(
        "anna", "anna@example.org", "pw-for-tests", first_name="Анна", last_name="Петрова"
    )
    return staff_browser(colleague)


def open_form(client, entry):
    return client.get(admin_url(type(entry), "change", entry.pk))


def submit(client, entry, form_page, **changes):
    return client.post(
        admin_url(type(entry), "change", entry.pk), change_form_data(form_page, **changes)
    )


def saved_at(version):
    with translation.override("bg"):
        return date_format(timezone.localtime(version.revision.date_created), "DATETIME_FORMAT")


@pytest.mark.parametrize("model", EDITABLE, ids=lambda model: model.__name__)
def test_a_save_from_a_form_opened_before_another_save_is_refused_and_keeps_the_input(
    staff_client, colleague_client, model
):
    factory, field = EDITABLE[model]
    entry = factory()
    submit(staff_client, entry, open_form(staff_client, entry), **{field: "Първо запазване"})
    mine, theirs = open_form(staff_client, entry), open_form(colleague_client, entry)

    assert submit(colleague_client, entry, theirs, **{field: "Тяхната промяна"}).status_code == 302
    refused = submit(staff_client, entry, mine, **{field: "Моята промяна"})

    assert refused.status_code == 200
    latest = Version.objects.get_for_object(entry).first()
    message = refusal_of(refused)
    assert "Анна Петрова" in message and saved_at(latest) in message
    # The staff member's input, kept in the form.
    assert refused.context["adminform"].form[field].value() == "Моята промяна"
    page = refused.content.decode()
    assert "Моята промяна" in page
    compare = re.search(r'href="([^"]*/history/compare/\?old=(\d+)&amp;new=(\d+))"', page)
    assert compare and int(compare[3]) == latest.pk
    assert staff_client.get(unescape(compare[1])).status_code == 200
    entry.refresh_from_db()
    assert getattr(entry, field) == "Тяхната промяна"

    # Saving the refused form again is a deliberate choice: it replaces their change.
    assert submit(staff_client, entry, refused).status_code == 302
    entry.refresh_from_db()
    assert getattr(entry, field) == "Моята промяна"


def test_two_saves_in_the_same_second_are_told_apart(staff_client, colleague_client):
    """Versions are ids, not times: a save a millisecond after another still counts."""
    visit = VisitFactory()
    mine, theirs = open_form(staff_client, visit), open_form(colleague_client, visit)
    submit(colleague_client, visit, theirs, title_bg="Тяхното")
    assert submit(staff_client, visit, mine, title_bg="Моето").status_code == 200


def test_a_form_without_its_version_is_refused_once_the_entry_has_one(staff_client):
    visit = VisitFactory()
    form_page = open_form(staff_client, visit)
    submit(staff_client, visit, form_page, title_bg="Първо")
    data = change_form_data(open_form(staff_client, visit), title_bg="Без версия")
    del data["entry_version"]
    response = staff_client.post(admin_url(Visit, "change", visit.pk), data)
    assert response.status_code == 200
    visit.refresh_from_db()
    assert visit.title_bg == "Първо"


def test_a_new_entry_is_saved_with_no_version_to_check(staff_client):
    add_page = staff_client.get(admin_url(MissionLink, "add"))
    assert "entry_version" not in add_page.context["adminform"].form.fields
    response = staff_client.post(
        admin_url(MissionLink, "add"),
        {"title_bg": "Нова мисия", "url": "https://new.example.org/", "position": 9},
    )
    assert response.status_code == 302
    assert MissionLink.objects.filter(title_bg="Нова мисия").exists()


def test_changing_a_visits_regions_counts_as_a_change_of_the_visit(staff_client, colleague_client):
    visit = VisitFactory()
    mine, theirs = open_form(staff_client, visit), open_form(colleague_client, visit)
    town = TownFactory()
    data = change_form_data(theirs)
    data.update({"visitregion_set-0-region": town.pk, "visitregion_set-0-visit": visit.pk})
    assert colleague_client.post(admin_url(Visit, "change", visit.pk), data).status_code == 302
    assert list(visit.regions.all()) == [town]
    assert submit(staff_client, visit, mine).status_code == 200
    assert list(visit.regions.all()) == [town]


def test_an_agreement_changed_on_its_own_page_makes_its_regions_form_stale(
    staff_client, colleague_client
):
    town = TownFactory()
    agreement = AgreementFactory(mission_region=town)
    submit(staff_client, agreement, open_form(staff_client, agreement), notes_bg="Стари бележки")
    region_form = open_form(staff_client, town)
    submit(colleague_client, agreement, open_form(colleague_client, agreement), status="ended")
    refused = submit(staff_client, town, region_form, name_bg="Ново име")
    assert refused.status_code == 200
    assert "Анна Петрова" in refusal_of(refused)
    # The comparison shown is the agreement's, where the change was made.
    assert admin_url(TwinningAgreement, "compare", agreement.pk) in refused.content.decode()
    agreement.refresh_from_db()
    assert agreement.status == "ended"


def test_publishing_from_the_list_makes_an_open_form_stale(staff_client, colleague_client):
    draft = VisitFactory(status="draft")
    form_page = open_form(staff_client, draft)
    colleague_client.post(
        admin_url(Visit, "changelist"), {"action": "publish", "_selected_action": [draft.pk]}
    )
    assert submit(staff_client, draft, form_page, title_bg="Стара форма").status_code == 200
    draft.refresh_from_db()
    assert draft.status == Visit.Status.PUBLISHED


def test_pasting_agreements_makes_an_open_form_of_their_region_stale(
    staff_client, colleague_client
):
    town = TownFactory(name_bg="Пинскград")
    municipality = MunicipalityFactory(name_bg="Тракийско")
    region_form = open_form(staff_client, town)
    preview = colleague_client.post(
        admin_url(TwinningAgreement, "paste"),
        {"text": "2015 година: Пинскград – Тракийско", "kind": "twinning", "preview": "1"},
    )
    colleague_client.post(
        admin_url(TwinningAgreement, "paste"),
        {
            "text": "2015 година: Пинскград – Тракийско",
            "kind": "twinning",
            "confirm": "1",
            "previewed": preview.context["digest"],
        },
    )
    assert TwinningAgreement.objects.filter(mission_region=town, host_region=municipality)
    assert submit(staff_client, town, region_form, name_bg="Пинск").status_code == 200


def test_a_restore_makes_an_open_form_stale(staff_client, colleague_client):
    visit = VisitFactory()
    submit(staff_client, visit, open_form(staff_client, visit), title_bg="Първа версия")
    first = Version.objects.get_for_object(visit).get()
    submit(staff_client, visit, open_form(staff_client, visit), title_bg="Втора версия")
    form_page = open_form(staff_client, visit)
    restore_url = admin_url(Visit, "revision", visit.pk, first.pk)
    colleague_client.post(restore_url, change_form_data(colleague_client.get(restore_url)))
    visit.refresh_from_db()
    assert visit.title_bg == "Първа версия"
    assert submit(staff_client, visit, form_page, title_bg="Трета").status_code == 200


def test_a_restore_form_opened_before_another_save_is_refused(staff_client, colleague_client):
    visit = VisitFactory()
    submit(staff_client, visit, open_form(staff_client, visit), title_bg="Първа версия")
    first = Version.objects.get_for_object(visit).get()
    restore_url = admin_url(Visit, "revision", visit.pk, first.pk)
    restore_form = staff_client.get(restore_url)
    submit(colleague_client, visit, open_form(colleague_client, visit), title_bg="Нечия промяна")
    refused = staff_client.post(restore_url, change_form_data(restore_form))
    assert refused.status_code == 200
    assert "Анна Петрова" in refusal_of(refused)
    visit.refresh_from_db()
    assert visit.title_bg == "Нечия промяна"
    # Confirmed once more, knowing what it replaces, the restore goes through.
    assert staff_client.post(restore_url, change_form_data(refused)).status_code == 302
    visit.refresh_from_db()
    assert visit.title_bg == "Първа версия"


def test_an_import_makes_an_open_form_of_a_region_it_changes_stale(staff_client):
    town = TownFactory(name_bg="Старо")
    form_page = open_form(staff_client, town)
    content = f"slug,country,kind,name_bg\n{town.slug},BY,town,Внесено\n".encode()
    uploaded = upload_file(staff_client, Region, content)
    checked(staff_client, uploaded)
    confirmed(staff_client, uploaded)
    town.refresh_from_db()
    assert town.name_bg == "Внесено"
    assert submit(staff_client, town, form_page, name_bg="От формата").status_code == 200
    town.refresh_from_db()
    assert town.name_bg == "Внесено"


def test_the_check_locks_the_entrys_row_so_simultaneous_saves_are_checked_in_turn(
    staff_client,
):
    if not connection.features.has_select_for_update:
        # SQLite: every transaction takes the database's write lock as it begins.
        assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
        return
    visit = VisitFactory()
    form_page = open_form(staff_client, visit)
    with CaptureQueriesContext(connection) as queries:
        submit(staff_client, visit, form_page, title_bg="Заключено")
    table = Visit._meta.db_table
    assert any(
        "FOR UPDATE" in query["sql"] and table in query["sql"] for query in queries.captured_queries
    )


def test_recovering_an_entry_someone_else_recovered_meanwhile_says_so(
    staff_client, colleague_client
):
    visit = VisitFactory()
    submit(staff_client, visit, open_form(staff_client, visit), title_bg="Изтрито")
    pk = visit.pk
    visit.delete()
    deleted = Version.objects.get_deleted(Visit).get(object_id=str(pk))
    url = admin_url(Visit, "recover", deleted.pk)
    mine, theirs = staff_client.get(url), colleague_client.get(url)
    assert colleague_client.post(url, change_form_data(theirs)).status_code == 302
    response = staff_client.post(url, change_form_data(mine), follow=True)
    with translation.override("bg"):
        refusal = gettext("This entry is not deleted: it may have been recovered.")
    assert refusal in [str(message) for message in response.context["messages"]]
    assert Visit.objects.filter(pk=pk).count() == 1


def test_an_import_confirmed_after_someone_changed_its_entries_imports_nothing(
    staff_client, colleague_client
):
    """The preview showed what the file would change at the check; a colleague's save since
    then would be overwritten unseen, so the import asks for a new check instead."""
    town = TownFactory(name_bg="Несебър", description_bg="")
    content = (
        f"slug,country,kind,name_bg,name_en,description_bg\n{town.slug},BY,town,Несебър,Nesebar,\n"
    )
    uploaded = upload_file(staff_client, Region, content.encode())
    checked(staff_client, uploaded)
    form_page = open_form(colleague_client, town)
    submit(colleague_client, town, form_page, description_bg="Описание от колега.")

    page = confirmed(staff_client, uploaded).content.decode()

    assert "Нищо не беше внесено" in page and "Несебър" in page
    town.refresh_from_db()
    assert town.description_bg == "Описание от колега." and town.name_en != "Nesebar"
    # Checked again, the file shows the colleague's text it would replace, and imports.
    uploaded = upload_file(staff_client, Region, content.encode())
    checked(staff_client, uploaded)
    confirmed(staff_client, uploaded)
    town.refresh_from_db()
    assert town.name_en == "Nesebar"


def test_an_import_confirmed_after_changes_to_other_entries_goes_ahead(
    staff_client, colleague_client
):
    town, other_town = TownFactory(), TownFactory()
    content = f"slug,country,kind,name_en\n{town.slug},BY,town,Imported\n"
    uploaded = upload_file(staff_client, Region, content.encode())
    checked(staff_client, uploaded)
    submit(colleague_client, other_town, open_form(colleague_client, other_town), name_bg="Друго")
    confirmed(staff_client, uploaded)
    town.refresh_from_db()
    assert town.name_en == "Imported"


def test_no_list_edits_entries_in_place_without_the_check(staff_client):
    """Every save goes through a change form that carries its version: no list is editable."""
    editable_lists = {
        type(model_admin).__name__: model_admin.list_editable
        for model_admin in admin.site._registry.values()
        if model_admin.list_editable
    }
    assert editable_lists == {}
    MissionLinkFactory()
    page = staff_client.get(admin_url(MissionLink, "changelist")).content.decode()
    assert 'name="form-0-position"' not in page
