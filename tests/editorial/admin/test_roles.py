"""
The roles hold on every path (issue 13): what an Editor, a Publisher and a superuser may do
through the form, the list's actions, a restore from the history, the recovery of a deleted
entry, a file import and a pasted list. Publication (the status, the publish time, a photo's
"featured") is the Publisher's decision on each of them.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from reversion.models import Version

from cooperation.models import NewsPhoto, Region, TwinningAgreement, Visit
from tests.admin_forms import change_form_data
from tests.conftest import staff_browser
from tests.factories import MunicipalityFactory, NewsPhotoFactory, StaffFactory, TownFactory
from tests.imports import checked, confirmed, run_worker, upload_file

pytestmark = pytest.mark.django_db

ROLES = ["Editor", "Publisher", "superuser"]

with translation.override("bg"):
    # The note over the publication fields of a restore form, as an Editor reads it.
    RESTORE_NOTE = gettext(
        "Restoring a version leaves %(fields)s as they are now, and a recovered entry comes "
        "back as a draft: only a publisher may change them."
    ).partition("%(fields)s")[0]


@pytest.fixture(params=ROLES)
def role_client(request):
    if request.param == "superuser":
        user = StaffFactory(is_superuser=True)
    else:
        user = StaffFactory(role=request.param)
    client = staff_browser(user)
    client.may_publish = request.param != "Editor"
    return client


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def save_version(entry, **changes):
    """A version of `entry` in its history, as a save in the admin leaves it."""
    superuser = StaffFactory(is_superuser=True)
    client = staff_browser(superuser)
    url = admin_url(type(entry), "change", entry.pk)
    response = client.post(url, change_form_data(client.get(url), **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    return Version.objects.get_for_object(entry).first()


def featured_photo(**fields):
    return NewsPhotoFactory(is_featured=True, **fields)


def test_form_an_editor_corrects_the_text_but_not_the_publication(role_client):
    photo = featured_photo()
    url = admin_url(NewsPhoto, "change", photo.pk)
    response = role_client.post(
        url,
        {
            **change_form_data(role_client.get(url), title_bg="Поправено заглавие"),
            "status": "draft",
            "is_featured": "",
        },
    )
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.title_bg == "Поправено заглавие"
    if role_client.may_publish:
        assert (photo.status, photo.is_featured) == ("draft", False)
    else:
        assert (photo.status, photo.is_featured) == ("published", True)


def test_form_an_editor_is_not_offered_the_publication_fields(role_client):
    photo = featured_photo()
    form = role_client.get(admin_url(NewsPhoto, "change", photo.pk)).context["adminform"].form
    publication = {"status", "publish_at", "is_featured"}
    assert (publication & set(form.fields)) == (publication if role_client.may_publish else set())


def test_action_only_a_publisher_withdraws(role_client):
    photo = featured_photo()
    role_client.post(
        admin_url(NewsPhoto, "changelist"),
        {"action": "unpublish", "_selected_action": [photo.pk]},
    )
    photo.refresh_from_db()
    assert photo.status == ("draft" if role_client.may_publish else "published")


def test_revert_restores_the_text_and_leaves_the_publication_to_a_publisher(role_client):
    photo = featured_photo()
    draft = save_version(photo, title_bg="Старо заглавие", status="draft", is_featured="")
    save_version(photo, title_bg="Ново заглавие", status="published", is_featured="on")
    url = admin_url(NewsPhoto, "revision", photo.pk, draft.pk)
    form_page = role_client.get(url)
    response = role_client.post(url, change_form_data(form_page))
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.title_bg == "Старо заглавие"
    if role_client.may_publish:
        assert (photo.status, photo.is_featured) == ("draft", False)
    else:
        assert (photo.status, photo.is_featured) == ("published", True)
    assert (RESTORE_NOTE in form_page.content.decode()) is not role_client.may_publish


def test_revert_keeps_the_publish_time_for_an_editor(role_client):
    photo = featured_photo()
    earlier = save_version(photo, publish_at_0="2020-01-01", publish_at_1="10:00:00")
    now_published = timezone.now() - datetime.timedelta(hours=1)
    NewsPhoto.objects.filter(pk=photo.pk).update(publish_at=now_published)
    url = admin_url(NewsPhoto, "revision", photo.pk, earlier.pk)
    role_client.post(url, change_form_data(role_client.get(url)))
    photo.refresh_from_db()
    assert (photo.publish_at.year == 2020) is role_client.may_publish


def test_recover_brings_a_published_photo_back_as_a_draft_for_an_editor(role_client):
    photo = featured_photo()
    save_version(photo)
    pk = photo.pk
    photo.delete()
    deleted = Version.objects.get_deleted(NewsPhoto).get(object_id=str(pk))
    url = admin_url(NewsPhoto, "recover", deleted.pk)
    response = role_client.post(url, change_form_data(role_client.get(url)))
    assert response.status_code == 302
    recovered = NewsPhoto.objects.get(pk=pk)
    if role_client.may_publish:
        assert (recovered.status, recovered.is_featured) == ("published", True)
    else:
        assert (recovered.status, recovered.is_featured) == ("draft", False)


def test_revert_of_a_region_is_refused_to_an_editor(role_client):
    town = TownFactory(name_bg="Старо име")
    old = save_version(town)
    save_version(town, name_bg="Ново име")
    url = admin_url(Region, "revision", town.pk, old.pk)
    response = role_client.post(url, change_form_data(role_client.get(url)))
    assert response.status_code == (302 if role_client.may_publish else 403)
    town.refresh_from_db()
    assert town.name_bg == ("Старо име" if role_client.may_publish else "Ново име")


def test_recover_of_a_visit_is_a_draft_for_an_editor(role_client):
    visit = Visit.objects.create(
        kind="delegation", title_bg="Изтрито", slug="t-deleted", start_date="2024-01-01"
    )
    save_version(visit, status="published")
    pk = visit.pk
    visit.delete()
    deleted = Version.objects.get_deleted(Visit).get(object_id=str(pk))
    url = admin_url(Visit, "recover", deleted.pk)
    role_client.post(url, change_form_data(role_client.get(url)))
    recovered = Visit.objects.get(pk=pk)
    assert recovered.status == ("published" if role_client.may_publish else "draft")


def test_import_only_a_publisher_imports(role_client):
    content = b"slug,country,kind,parent,name_bg\nt-kamenets,BY,town,,Kamenets\n"
    uploaded = upload_file(role_client, Region, content)
    if role_client.may_publish:
        checked(role_client, uploaded)
        confirmed(role_client, uploaded)
    else:
        assert uploaded.status_code == 403
        run_worker()
    assert Region.objects.filter(slug="t-kamenets").exists() is role_client.may_publish


def test_paste_only_a_publisher_adds_agreements(role_client):
    town, municipality = TownFactory(name_bg="Пинскоград"), MunicipalityFactory(name_bg="Тракийско")
    text = "2015 година: Пинскоград – Тракийско"
    url = admin_url(TwinningAgreement, "paste")
    preview = role_client.post(url, {"text": text, "kind": "twinning", "preview": "1"})
    if not role_client.may_publish:
        assert preview.status_code == 403
    else:
        digest = preview.context["digest"]
        role_client.post(
            url, {"text": text, "kind": "twinning", "confirm": "1", "previewed": digest}
        )
    added = TwinningAgreement.objects.filter(mission_region=town, host_region=municipality)
    assert added.exists() is role_client.may_publish
