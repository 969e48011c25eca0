"""Renditions: a photo's resized copies, in each width and format, made as it is stored."""

import io

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from cooperation.models import NewsPhoto
from photos.renditions import JPEG, WEBP, rendition_widths
from tests.factories import NewsPhotoFactory

from .image_files import image_bytes, jpeg_bytes, phone_photo_bytes, upload

pytestmark = pytest.mark.django_db


def new_photo(slug="new-photo", **fields):
    return NewsPhoto(title_bg="Нова снимка", slug=slug, **fields)


def stored_image(name):
    with default_storage.open(name, "rb") as stream:
        image = Image.open(io.BytesIO(stream.read()))
        image.load()
    return image


@pytest.mark.parametrize(
    "original_width, widths",
    [(4000, [320, 640, 1280]), (1280, [320, 640, 1280]), (1200, [320, 640, 1200]), (300, [300])],
)
def test_rendition_widths_never_exceed_the_original(original_width, widths):
    assert rendition_widths(original_width) == widths


def test_a_saved_photo_has_its_renditions_in_each_width_and_format():
    photo = new_photo(image=upload("wide.jpg", jpeg_bytes(2000, 1500)))
    photo.save()
    renditions = photo.image.renditions.all
    assert [(r.format, r.width, r.height) for r in renditions] == [
        (WEBP, 320, 240),
        (WEBP, 640, 480),
        (WEBP, 1280, 960),
        (JPEG, 320, 240),
        (JPEG, 640, 480),
        (JPEG, 1280, 960),
    ]
    for rendition in renditions:
        image = stored_image(rendition.name)
        assert image.format == rendition.format.pillow_format
        assert image.size == (rendition.width, rendition.height)
        assert rendition.url == default_storage.url(rendition.name)


def test_renditions_are_upright_srgb_and_carry_no_metadata():
    photo = new_photo(image=upload("IMG_1.jpg", phone_photo_bytes(300, 400)))
    photo.save()
    for rendition in photo.image.renditions:
        image = stored_image(rendition.name)
        assert image.size == (rendition.width, rendition.height) == (300, 400)
        assert image.getpixel((150, 10))[0] > 200
        assert not image.getexif() and "icc_profile" not in image.info


def test_a_transparent_png_gets_a_white_background_in_its_jpeg_renditions():
    arms = Image.new("RGBA", (400, 400), (0, 0, 0, 0))
    photo = new_photo(image=upload("arms.png", image_bytes(arms, "PNG"), "image/png"))
    photo.save()
    renditions = photo.image.renditions
    webp, jpeg = renditions.of_format(WEBP)[0], renditions.of_format(JPEG)[0]
    assert stored_image(webp.name).getpixel((5, 5))[3] == 0
    assert stored_image(jpeg.name).getpixel((5, 5)) == (255, 255, 255)


def test_make_writes_only_the_missing_renditions():
    renditions = NewsPhotoFactory(size=(1200, 800)).image.renditions
    smallest = renditions.all[0]
    default_storage.delete(smallest.name)
    assert renditions.make() == [smallest.name]
    assert renditions.make() == []
    assert len(renditions.make(force=True)) == 6
