"""The admin as the staff's editing tool: every page opens, mistakes are refused with a reason."""

import pytest
from django.contrib import admin
from django.urls import reverse

from cooperation.models import Region, TwinningAgreement

pytestmark = pytest.mark.django_db

MODELS = [
    model for model in admin.site._registry if model._meta.app_label in {"cooperation", "embassy"}
]


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_changelist_add_and_change_pages_open(staff_client, model):
    assert staff_client.get(admin_url(model, "changelist")).status_code == 200
    assert staff_client.get(admin_url(model, "add")).status_code == 200
    obj = model.objects.first()
    assert staff_client.get(admin_url(model, "change", obj.pk)).status_code == 200


@pytest.mark.parametrize(
    "query",
    ["?country__exact=BY", "?kind__exact=oblast", "?oblast=brest-oblast", "?q=Пинск", "?q=Pinsk"],
)
def test_region_list_filters_and_search(staff_client, query):
    response = staff_client.get(admin_url(Region, "changelist") + query)
    assert response.status_code == 200


def test_region_list_filtered_by_oblast_shows_the_units_below_it(staff_client):
    response = staff_client.get(admin_url(Region, "changelist") + "?oblast=brest-oblast")
    assert response.context["cl"].result_count == 10
    assert "Пинск" in response.content.decode()


def test_agreement_list_filters_by_oblast_of_either_side(staff_client):
    url = admin_url(TwinningAgreement, "changelist")
    by_side = staff_client.get(url + "?mission_oblast=brest-oblast").context["cl"].result_count
    bg_side = staff_client.get(url + "?host_oblast=stara-zagora-oblast").context["cl"].result_count
    # Brest, Baranovichi, Pinsk, Pruzhany, Kobrin, Znamenka and the districts' four.
    assert by_side == 10
    # Mozyr – Stara Zagora, Brest district – Chirpan and – Opan, Znamenka – Opan.
    assert bg_side == 4
    assert staff_client.get(url + "?q=Габрово").context["cl"].result_count == 1


def test_region_page_lists_its_agreements(staff_client):
    gomel = Region.objects.get(slug="gomel")
    response = staff_client.get(admin_url(Region, "change", gomel.pk))
    assert "Бургас" in response.content.decode()


def test_agreement_form_refuses_a_party_of_the_wrong_country(staff_client):
    count = TwinningAgreement.objects.count()
    response = staff_client.post(
        admin_url(TwinningAgreement, "add"),
        {
            "mission_region": Region.objects.get(slug="varna").pk,
            "host_region": Region.objects.get(slug="burgas").pk,
            "kind": "twinning",
            "year": 2020,
            "status": "active",
        },
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["mission_region"]
    assert TwinningAgreement.objects.count() == count


def test_deleting_a_region_with_agreements_is_refused_and_names_them(staff_client):
    pinsk = Region.objects.get(slug="pinsk")
    url = admin_url(Region, "delete", pinsk.pk)
    page = staff_client.get(url).content.decode()
    assert "Пинск – Добрич (1999)" in page
    staff_client.post(url, {"post": "yes"})
    assert Region.objects.filter(slug="pinsk").exists()


def test_region_autocomplete_offers_only_regions_of_the_fields_country(staff_client):
    response = staff_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "cooperation",
            "model_name": "twinningagreement",
            "field_name": "host_region",
            "term": "Брест",
        },
    )
    assert response.status_code == 200
    assert response.json()["results"] == []
    response = staff_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "cooperation",
            "model_name": "twinningagreement",
            "field_name": "mission_region",
            "term": "Брест",
        },
    )
    assert {item["text"] for item in response.json()["results"]} >= {"Брест", "Брестска област"}


def test_admin_speaks_the_staff_members_chosen_language(staff_client):
    staff_client.post(reverse("set_language"), {"language": "ru", "next": "/admin/"})
    page = staff_client.get(reverse("admin:index")).content.decode()
    assert "Выйти" in page  # Django's own Russian catalogue for "Log out"
