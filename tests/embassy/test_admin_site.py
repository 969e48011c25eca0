"""The admin site: the site's titles, and a clear answer to requests its pages never send."""

import pytest
from django.contrib import admin
from django.urls import reverse

from cooperation.models import OverviewPage
from embassy.models import Page
from partners.models import PartnerRequest
from tests.factories import (
    AgreementFactory,
    MissionLinkFactory,
    NewsPhotoFactory,
    OverviewPageFactory,
    PartnerRequestFactory,
    TownFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db


def test_the_admin_carries_the_sites_titles(staff_client):
    page = staff_client.get("/admin/", headers={"accept-language": "en"}).content.decode()
    assert "Embassy of Belarus in Bulgaria: regional cooperation" in page


def test_the_libraries_records_are_one_section_for_administrators_after_the_embassys(
    staff_client,
):
    page = staff_client.get("/admin/", headers={"accept-language": "en"}).content.decode()
    section = page.index("Logins and background tasks")
    assert page.index("Regional cooperation") < section
    for url in ["/admin/axes/accessattempt/", "/admin/django_tasks_database/dbtaskresult/"]:
        assert page.index(url) > section
    assert "Tasks Database Backend" not in page and ">Axes<" not in page


def test_editors_and_publishers_see_only_the_embassys_work(editor_client, publisher_client):
    for client in (editor_client, publisher_client):
        page = client.get("/admin/", headers={"accept-language": "en"}).content.decode()
        assert "/admin/axes/" not in page and "/admin/django_tasks_database/" not in page
        assert "Logins and background tasks" not in page


MODELS = [
    model for model in admin.site._registry if model._meta.app_label in {"cooperation", "embassy"}
]


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_changelist_add_and_change_pages_open(staff_client, model):
    town = TownFactory()
    AgreementFactory(mission_region=town)
    NewsPhotoFactory(visit=VisitFactory(regions=[town]), regions=[town])
    OverviewPageFactory()
    MissionLinkFactory()
    assert staff_client.get(admin_url(model, "changelist")).status_code == 200
    if model is OverviewPage:
        # There is one regional cooperation page: a second one cannot be added.
        assert staff_client.get(admin_url(model, "add")).status_code == 403
    else:
        assert staff_client.get(admin_url(model, "add")).status_code == 200
    if model is Page:
        Page.objects.create(title="За нас", slug="about")
    if model is PartnerRequest:
        PartnerRequestFactory()
    obj = model.objects.first()
    assert staff_client.get(admin_url(model, "change", obj.pk)).status_code == 200


def test_admin_speaks_the_staff_members_chosen_language(staff_client):
    staff_client.post(reverse("set_language"), {"language": "ru", "next": "/admin/"})
    page = staff_client.get(reverse("admin:index")).content.decode()
    assert "Выйти" in page  # Django's own Russian catalogue for "Log out"
