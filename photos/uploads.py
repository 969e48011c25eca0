"""An uploaded image refused with a message saying why, or turned upright without metadata."""

import io
import posixpath
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, JpegImagePlugin

# Pillow's format names and the extensions stored; MPO is a JPEG with further frames.
ACCEPTED_FORMATS = {"JPEG": "jpg", "MPO": "jpg", "PNG": "png", "WEBP": "webp"}

# The brands of an ISO base media file ("ftyp" box) that phones write for HEIC/HEIF photos.
HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}

ERROR_MESSAGES = {
    "file_too_large": _(
        "The file is %(size)s; an image may be at most %(limit)s. Reduce it and upload it again."
    ),
    "svg": _(
        "SVG images are not accepted, because they can carry scripts. "
        "Upload a JPEG, PNG or WebP image."
    ),
    "not_an_image": _(
        "“%(name)s” is not an image: it may be a document or a text file with an image's name. "
        "Upload a JPEG, PNG or WebP image."
    ),
    "unsupported_format": _(
        "%(format)s images are not accepted. Upload a JPEG, PNG or WebP image "
        "(on a phone, choose the most compatible camera format or share the photo as JPEG)."
    ),
    "too_many_pixels": _(
        "The image is %(width)s × %(height)s pixels (%(megapixels)s megapixels); an image may "
        "have at most %(limit)s megapixels. Reduce it and upload it again."
    ),
    "far_too_many_pixels": _(
        "The image claims far more pixels than the %(limit)s megapixels accepted; "
        "it cannot be a photo."
    ),
    "damaged": _(
        "The image is damaged or incomplete, perhaps cut off during the upload. "
        "Upload it again, or export it again from the camera or the phone."
    ),
}


def megapixels(pixels):
    value = round(pixels / 1_000_000, 1)
    return number_format(int(value) if value.is_integer() else value)


def refuse(code, **params):
    raise ValidationError(ERROR_MESSAGES[code], code=code, params=params)


def looks_like_svg(name, head):
    if posixpath.splitext(name.lower())[1] in {".svg", ".svgz"}:
        return True
    # SVG is text: markup from the first byte (after a byte order mark or blank lines).
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return text.startswith(b"<") and b"<svg" in text.lower()


def open_checked_image(file):
    """The decoded image; ValidationError for anything but a whole JPEG, PNG or WebP in limits."""
    name = posixpath.basename(file.name or "")
    if file.size is not None and file.size > settings.PHOTO_MAX_BYTES:
        refuse(
            "file_too_large",
            size=filesizeformat(file.size),
            limit=filesizeformat(settings.PHOTO_MAX_BYTES),
        )
    file.seek(0)
    head = file.read(4096)
    file.seek(0)
    if looks_like_svg(name, head):
        refuse("svg")
    if head[4:8] == b"ftyp" and head[8:12] in HEIF_BRANDS:
        refuse("unsupported_format", format="HEIC")

    max_pixels = settings.PHOTO_MAX_PIXELS
    try:
        # Pillow warns of a likely decompression bomb, and refuses one twice its own limit.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(file)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        refuse("far_too_many_pixels", limit=megapixels(max_pixels))
    except Exception:
        refuse("not_an_image", name=name)

    if image.format not in ACCEPTED_FORMATS:
        refuse("unsupported_format", format=image.format)
    width, height = image.size
    if width * height > max_pixels:
        refuse(
            "too_many_pixels",
            width=width,
            height=height,
            megapixels=megapixels(width * height),
            limit=megapixels(max_pixels),
        )
    try:
        # Only decoding every pixel finds a truncated file; verify() skips a JPEG's data.
        image.load()
    except Exception:
        refuse("damaged")
    return image


def validate_photo_upload(file):
    open_checked_image(file)
    file.seek(0)


class NormalizedPhoto(ContentFile):
    """A ContentFile already normalised by `normalize_photo`, so it is not normalised twice."""


def normalize_photo(file):
    """The image upright, without EXIF, XMP or comments; a JPEG keeps its quantization tables."""
    image = open_checked_image(file)
    upright = ImageOps.exif_transpose(image)
    icc_profile = image.info.get("icc_profile")
    metadata = {"icc_profile": icc_profile} if icc_profile else {}
    output = io.BytesIO()
    if image.format in {"JPEG", "MPO"}:
        sampling = JpegImagePlugin.get_sampling(image)
        upright.save(
            output,
            "JPEG",
            qtables=image.quantization,
            subsampling=sampling if sampling != -1 else "4:2:0",
            optimize=True,
            comment=b"",
            **metadata,
        )
    elif image.format == "PNG":
        upright.save(output, "PNG", **metadata)
    else:
        upright.save(output, "WEBP", quality=90, method=5, **metadata)
    stem = posixpath.splitext(posixpath.basename(file.name or "photo"))[0] or "photo"
    return NormalizedPhoto(output.getvalue(), name=f"{stem}.{ACCEPTED_FORMATS[image.format]}")
