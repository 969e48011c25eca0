"""Uploaded images: refused with a reason, stored upright without personal metadata."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.test import override_settings
from django.utils import translation
from PIL import ExifTags, Image, JpegImagePlugin, PngImagePlugin

from cooperation.models import NewsPhoto
from photos.uploads import normalize_photo, validate_photo_upload
from tests.factories import TownFactory

from .image_files import (
    GPS,
    SRGB_PROFILE,
    XMP_WITH_LOCATION,
    heic_bytes,
    image_bytes,
    jpeg_bytes,
    media_files,
    pdf_bytes,
    phone_photo_bytes,
    png_bomb_bytes,
    svg_bytes,
    truncated_jpeg_bytes,
    upload,
    upright_test_picture,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Messages and numbers as an English-speaking editor reads them."""
    with translation.override("en"):
        yield


def new_photo(slug="new-photo", **fields):
    return NewsPhoto(title_bg="Нова снимка", slug=slug, **fields)


def stored_image(name):
    with default_storage.open(name, "rb") as stream:
        image = Image.open(io.BytesIO(stream.read()))
        image.load()
    return image


BAD_FILES = {
    "a text file renamed .jpg": (
        upload("photo.jpg", "Среща в Стара Загора".encode()),
        "not_an_image",
        "“photo.jpg” is not an image",
    ),
    "a PDF renamed .jpg": (upload("scan.jpg", pdf_bytes()), "not_an_image", "is not an image"),
    "a truncated JPEG": (
        upload("cut.jpg", truncated_jpeg_bytes()),
        "damaged",
        "damaged or incomplete",
    ),
    "an SVG": (
        upload("arms.svg", svg_bytes(), "image/svg+xml"),
        "svg",
        "SVG images are not accepted",
    ),
    "an SVG renamed .png": (
        upload("arms.png", svg_bytes(), "image/png"),
        "svg",
        "SVG images are not accepted",
    ),
    "a decompression bomb": (
        upload("bomb.png", png_bomb_bytes(), "image/png"),
        "far_too_many_pixels",
        "far more pixels than the 50 megapixels accepted",
    ),
    "a GIF": (
        upload("anim.gif", image_bytes(Image.new("P", (10, 10)), "GIF"), "image/gif"),
        "unsupported_format",
        "GIF images are not accepted",
    ),
    "an HEIC photo": (
        upload("IMG_0001.HEIC", heic_bytes(), "image/heic"),
        "unsupported_format",
        "HEIC images are not accepted",
    ),
}


@pytest.mark.parametrize("upload_file, code, message", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_each_kind_of_bad_file_is_refused_with_its_own_message(upload_file, code, message):
    with pytest.raises(ValidationError) as error:
        validate_photo_upload(upload_file)
    assert error.value.code == code
    assert message in error.value.messages[0]


@override_settings(PHOTO_MAX_PIXELS=1_000_000)
def test_an_image_over_the_pixel_limit_is_refused_with_its_size():
    with pytest.raises(ValidationError) as error:
        validate_photo_upload(upload("big.jpg", jpeg_bytes(1600, 1000)))
    assert error.value.code == "too_many_pixels"
    assert "1600 × 1000 pixels (1.6 megapixels)" in error.value.messages[0]
    assert "at most 1 megapixels" in error.value.messages[0]


@override_settings(PHOTO_MAX_BYTES=10_000)
def test_a_file_over_the_size_limit_is_refused_before_it_is_read():
    content = image_bytes(Image.effect_noise((200, 200), 60).convert("RGB"), "PNG")
    assert len(content) > 10_000
    with pytest.raises(ValidationError) as error:
        validate_photo_upload(upload("noise.png", content, "image/png"))
    assert error.value.code == "file_too_large"
    assert "an image may be at most 9.8\xa0KB" in error.value.messages[0]


@pytest.mark.parametrize(
    "name, image_format", [("a.jpg", "JPEG"), ("b.png", "PNG"), ("c.webp", "WEBP")]
)
def test_jpeg_png_and_webp_are_accepted(name, image_format):
    validate_photo_upload(upload(name, image_bytes(Image.new("RGB", (40, 30)), image_format)))


def test_a_phone_photo_is_turned_upright_and_loses_its_location_and_camera_data():
    photo = normalize_photo(upload("IMG_1234.JPEG", phone_photo_bytes(300, 400)))
    content = photo.read()
    image = Image.open(io.BytesIO(content))
    assert photo.name == "IMG_1234.jpg"
    assert image.size == (300, 400)
    assert image.getpixel((150, 10))[0] > 200  # red at the top
    assert image.getpixel((150, 390))[2] > 200  # blue at the bottom
    assert not image.getexif()
    assert "xmp" not in image.info and "comment" not in image.info
    for trace in (b"GPS", b"PhoneMaker", b"SN-0042", b"42.4239", b"42,25"):
        assert trace not in content
    assert image.info["icc_profile"] == SRGB_PROFILE


def test_a_png_keeps_its_transparency():
    logo = Image.new("RGBA", (20, 20), (0, 0, 0, 0))
    photo = normalize_photo(upload("arms.PNG", image_bytes(logo, "PNG"), "image/png"))
    image = Image.open(photo)
    assert photo.name == "arms.png"
    assert image.mode == "RGBA" and image.getpixel((5, 5))[3] == 0


def test_a_png_named_jpg_is_stored_under_its_real_extension():
    photo = normalize_photo(upload("photo.jpg", image_bytes(Image.new("RGB", (8, 8)), "PNG")))
    assert photo.name == "photo.png"


def test_a_saved_phone_photo_is_stored_upright_without_location_with_its_dimensions():
    photo = new_photo(image=upload("IMG_1234.jpg", phone_photo_bytes(300, 400)))
    photo.save()
    stored = stored_image(photo.image.name)
    assert (photo.width, photo.height) == (300, 400)
    assert stored.size == (300, 400)
    assert stored.getpixel((150, 10))[0] > 200
    assert ExifTags.IFD.GPSInfo not in stored.getexif()
    photo.refresh_from_db()
    assert (photo.width, photo.height) == (300, 400)


@pytest.mark.parametrize("upload_file, code, message", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_saving_a_bad_file_outside_a_form_stores_nothing(upload_file, code, message):
    files, count = media_files(), NewsPhoto.objects.count()
    with pytest.raises(ValidationError), transaction.atomic():
        new_photo(image=upload_file).save()
    assert media_files() == files
    assert NewsPhoto.objects.count() == count


def test_a_coat_of_arms_is_checked_like_a_photo():
    region = TownFactory()
    region.coat_of_arms = upload("arms.svg", svg_bytes(), "image/svg+xml")
    with pytest.raises(ValidationError) as error, transaction.atomic():
        region.save()
    assert error.value.code == "svg"
    region.refresh_from_db()
    assert not region.coat_of_arms


@pytest.mark.parametrize("image_format", ["PNG", "WEBP"])
def test_png_and_webp_lose_their_metadata_too(image_format):
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.IFD.GPSInfo] = GPS
    options = {"exif": exif}
    if image_format == "WEBP":
        options["xmp"] = XMP_WITH_LOCATION
    else:
        options["pnginfo"] = PngImagePlugin.PngInfo()
        options["pnginfo"].add_text("Comment", "Taken at 42.4239 N 25.6347 E")
    content = image_bytes(Image.new("RGB", (20, 20)), image_format, **options)
    assert b"PhoneMaker" in content
    stored = normalize_photo(upload(f"a.{image_format.lower()}", content)).read()
    for trace in (b"PhoneMaker", b"GPS", b"42,25", b"42.4239"):
        assert trace not in stored


def test_a_jpeg_keeps_its_quantization_and_chroma_subsampling():
    """Re-encoded with the camera's own tables and sampling: nothing visible is lost."""
    original = image_bytes(upright_test_picture(64, 48), "JPEG", quality=95, subsampling="4:4:4")
    stored = Image.open(normalize_photo(upload("fine.jpg", original)))
    camera = Image.open(io.BytesIO(original))
    assert stored.quantization == camera.quantization
    assert JpegImagePlugin.get_sampling(stored) == JpegImagePlugin.get_sampling(camera) == 0
