"""The admin as the staff's editing tool: every page opens, mistakes are refused with a reason."""

import re

import pytest
from django.contrib import admin
from django.core.files.storage import default_storage
from django.test import override_settings
from django.urls import reverse
from django.utils.html import escape

from cooperation.images import WEBP
from cooperation.models import NewsPhoto, Region, TwinningAgreement

from .image_files import (
    jpeg_bytes,
    media_files,
    pdf_bytes,
    phone_photo_bytes,
    png_bomb_bytes,
    svg_bytes,
    truncated_jpeg_bytes,
    upload,
)

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


def news_photo_form(image, **fields):
    return {
        "title_bg": "Среща в Пловдив",
        "slug": "meeting-in-plovdiv",
        "image": image,
        "status": "draft",
        "publish_at_0": "2024-05-01",
        "publish_at_1": "10:00:00",
        "newsphotoregion_set-TOTAL_FORMS": "0",
        "newsphotoregion_set-INITIAL_FORMS": "0",
        "newsphotoregion_set-MIN_NUM_FORMS": "0",
        "newsphotoregion_set-MAX_NUM_FORMS": "1000",
        **fields,
    }


BAD_UPLOADS = {
    "text file renamed .jpg": (
        lambda: upload("photo.jpg", b"Not a photo at all, just words."),
        "“photo.jpg” is not an image",
    ),
    "PDF renamed .jpg": (lambda: upload("scan.jpg", pdf_bytes()), "“scan.jpg” is not an image"),
    "truncated JPEG": (
        lambda: upload("cut.jpg", truncated_jpeg_bytes()),
        "The image is damaged or incomplete",
    ),
    "image over the pixel limit": (
        lambda: upload("big.jpg", jpeg_bytes(1600, 1000)),
        "The image is 1600 × 1000 pixels (1.6 megapixels); an image may have at most 1 megapixels",
    ),
    "decompression bomb": (
        lambda: upload("bomb.png", png_bomb_bytes(), "image/png"),
        "The image claims far more pixels than the 1 megapixels accepted",
    ),
    "file over the size limit": (
        lambda: upload("huge.jpg", jpeg_bytes(900, 900) + b"\0" * 250_000),
        "KB; an image may be at most 195.3\xa0KB. Reduce it and upload it again.",
    ),
    "SVG": (
        lambda: upload("logo.svg", svg_bytes(), "image/svg+xml"),
        "SVG images are not accepted, because they can carry scripts",
    ),
}


@pytest.mark.parametrize("make_file, message", BAD_UPLOADS.values(), ids=BAD_UPLOADS.keys())
@override_settings(COOPERATION_IMAGE_MAX_PIXELS=1_000_000, COOPERATION_IMAGE_MAX_BYTES=200_000)
def test_news_photo_form_refuses_a_bad_upload_with_its_message_and_stores_nothing(
    staff_client, make_file, message
):
    staff_client.cookies["django_language"] = "en"
    count, files = NewsPhoto.objects.count(), media_files()
    response = staff_client.post(admin_url(NewsPhoto, "add"), news_photo_form(make_file()))
    assert response.status_code == 200
    assert message in response.context["adminform"].form.errors["image"][0]
    assert escape(message) in response.content.decode()
    assert NewsPhoto.objects.count() == count
    assert media_files() == files


def test_news_photo_form_stores_a_phone_photo_upright_without_its_location(staff_client):
    response = staff_client.post(
        admin_url(NewsPhoto, "add"), news_photo_form(upload("IMG_2041.JPG", phone_photo_bytes()))
    )
    assert response.status_code == 302
    photo = NewsPhoto.objects.get(slug="meeting-in-plovdiv")
    assert re.fullmatch(r"news/\d{4}/IMG_2041\w*\.jpg", photo.image.name)
    assert (photo.width, photo.height) == (300, 400)
    with default_storage.open(photo.image.name) as stream:
        content = stream.read()
    assert b"GPS" not in content and b"SN-0042" not in content
    assert all(default_storage.exists(r.name) for r in photo.renditions())


def test_replacing_a_photo_in_the_form_keeps_the_old_original_and_drops_its_renditions(
    staff_client, django_capture_on_commit_callbacks
):
    staff_client.post(admin_url(NewsPhoto, "add"), news_photo_form(upload("a.jpg", jpeg_bytes())))
    photo = NewsPhoto.objects.get(slug="meeting-in-plovdiv")
    old_name, old_renditions = photo.image.name, photo.renditions()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            admin_url(NewsPhoto, "change", photo.pk),
            news_photo_form(upload("b.jpg", jpeg_bytes(800, 600, "red"))),
        )
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.image.name != old_name and (photo.width, photo.height) == (800, 600)
    assert default_storage.exists(old_name)
    assert not any(default_storage.exists(r.name) for r in old_renditions)
    assert all(default_storage.exists(r.name) for r in photo.renditions())


def test_photo_thumbnails_show_a_small_rendition_not_the_original(staff_client):
    photo = NewsPhoto.objects.get()
    small_webp = [r.url for r in photo.renditions(formats=[WEBP])]
    for page in (admin_url(NewsPhoto, "changelist"), admin_url(NewsPhoto, "change", photo.pk)):
        html = staff_client.get(page).content.decode()
        thumbnails = re.findall(r'<img src="(/media/[^"]+)"', html)
        assert thumbnails and set(thumbnails) <= set(small_webp[:2])
        assert f'<img src="{photo.image.url}"' not in html


def test_photo_field_asks_the_phone_for_an_accepted_format(staff_client):
    html = staff_client.get(admin_url(NewsPhoto, "add")).content.decode()
    assert 'accept="image/jpeg,image/png,image/webp"' in html


def test_region_form_refuses_an_svg_coat_of_arms(staff_client):
    staff_client.cookies["django_language"] = "en"
    pinsk = Region.objects.get(slug="pinsk")
    response = staff_client.get(admin_url(Region, "change", pinsk.pk))
    data = {
        key: value
        for key, value in response.context["adminform"].form.initial.items()
        if value is not None
    }
    response = staff_client.post(
        admin_url(Region, "change", pinsk.pk),
        {**data, "coat_of_arms": upload("arms.svg", svg_bytes(), "image/svg+xml")},
    )
    assert "SVG images are not accepted" in response.content.decode()
    pinsk.refresh_from_db()
    assert not pinsk.coat_of_arms
