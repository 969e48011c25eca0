"""The news photo admin: uploads refused with a reason, renditions, publishing."""

import re

import pytest
from django.core.files.storage import default_storage
from django.test import override_settings
from django.utils.html import escape

from cooperation.models import NewsPhoto
from photos.renditions import WEBP
from tests.admin_forms import opened_version
from tests.cooperation.admin.conftest import admin_url
from tests.factories import (
    NewsPhotoFactory,
)
from tests.photos.image_files import (
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
@override_settings(PHOTO_MAX_PIXELS=1_000_000, PHOTO_MAX_BYTES=200_000)
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
    assert all(default_storage.exists(r.name) for r in photo.image.renditions.all)


def test_replacing_a_photo_in_the_form_keeps_the_old_original_with_its_renditions(
    staff_client, django_capture_on_commit_callbacks
):
    staff_client.post(admin_url(NewsPhoto, "add"), news_photo_form(upload("a.jpg", jpeg_bytes())))
    photo = NewsPhoto.objects.get(slug="meeting-in-plovdiv")
    old_name, old_renditions = photo.image.name, photo.image.renditions.all
    url = admin_url(NewsPhoto, "change", photo.pk)
    version = opened_version(staff_client, url)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            url,
            news_photo_form(upload("b.jpg", jpeg_bytes(800, 600, "red")), entry_version=version),
        )
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.image.name != old_name and (photo.width, photo.height) == (800, 600)
    assert default_storage.exists(old_name)
    # Kept for the history, which can show the old photo again at once.
    assert all(default_storage.exists(r.name) for r in old_renditions)
    assert all(default_storage.exists(r.name) for r in photo.image.renditions.all)


def test_photo_thumbnails_show_a_small_rendition_not_the_original(staff_client):
    photo = NewsPhotoFactory()
    small_webp = [r.url for r in photo.image.renditions.of_format(WEBP)]
    for page in (admin_url(NewsPhoto, "changelist"), admin_url(NewsPhoto, "change", photo.pk)):
        html = staff_client.get(page).content.decode()
        thumbnails = re.findall(r'<img src="(/media/[^"]+)"', html)
        assert thumbnails and set(thumbnails) <= set(small_webp[:2])
        assert f'<img src="{photo.image.url}"' not in html


def test_photo_field_asks_the_phone_for_an_accepted_format(staff_client):
    html = staff_client.get(admin_url(NewsPhoto, "add")).content.decode()
    assert 'accept="image/jpeg,image/png,image/webp"' in html


def test_publishing_a_photo_without_its_text_alternative_in_the_form_says_where(staff_client):
    """It was a server error: the model named a field the form does not have."""
    response = staff_client.post(
        admin_url(NewsPhoto, "add"),
        news_photo_form(upload("a.jpg", jpeg_bytes()), status="published"),
    )
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors["alt_text_bg"] == [
        "Опишете снимката в алтернативния текст, преди да я публикувате."
    ]
    assert not NewsPhoto.objects.filter(slug="meeting-in-plovdiv").exists()
