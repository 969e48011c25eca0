"""An entry's history in the admin: compare, revert and recover versions."""

import pytest
import reversion
from django.urls import reverse
from django.utils.html import escape
from reversion.models import Version

from cooperation.models import (
    OverviewPage,
    TwinningAgreement,
    Visit,
    VisitRegion,
)
from tests.admin_forms import change_form_data
from tests.editorial.admin.conftest import admin_url, in_bulgarian, messages_of, saved_on
from tests.factories import (
    AgreementFactory,
    MunicipalityFactory,
    NewsPhotoFactory,
    OblastFactory,
    OverviewPageFactory,
    RegionFactory,
    TownFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db


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


def test_a_version_id_that_is_no_number_is_not_found(staff_client):
    photo = NewsPhotoFactory()
    for address in (
        f"/admin/cooperation/newsphoto/{photo.pk}/history/{'9' * 5000}/",
        f"/admin/cooperation/newsphoto/recover/{'9' * 5000}/",
    ):
        assert staff_client.get(address).status_code == 404
