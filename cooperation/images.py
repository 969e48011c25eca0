"""
Uploaded images: checked before anything is stored, normalised when stored, and resized.

- `validate_photo_upload` refuses, each with its own message, a file over the size limit, an SVG,
  a file that is not an image, a format other than JPEG, PNG and WebP, an image over the pixel
  limit (a decompression bomb) and a damaged or truncated image.
- `normalize_photo` turns the image upright by its EXIF orientation and re-encodes it without
  EXIF, XMP or comments (location, camera serial numbers, owner names), keeping the colour
  profile.
- `make_renditions` writes a few widths of the image in WebP and in JPEG next to each other in
  the image's storage, under names derived from the original's name; `photo_renditions` lists
  them without touching the storage, so a page never reads, writes or waits for a file.

The original's name is never reused (a replaced photo keeps its old file for the revision
history), so a rendition's name always stands for the same picture.
"""

import io
import posixpath
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from PIL import ExifTags, Image, ImageCms, ImageOps, JpegImagePlugin

# Pillow's name of each accepted format and the extension its files are stored with. MPO is
# the JPEG variant that some cameras write (a JPEG with further frames, e.g. a depth map).
ACCEPTED_FORMATS = {"JPEG": "jpg", "MPO": "jpg", "PNG": "png", "WEBP": "webp"}
ACCEPTED_FORMAT_NAMES = "JPEG, PNG, WebP"

# The brands of an ISO base media file ("ftyp" box) that phones write for HEIC/HEIF photos.
HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}


@dataclass(frozen=True)
class RenditionFormat:
    name: str
    extension: str
    media_type: str
    pillow_format: str
    save_options: dict


# Browsers pick the WebP source; the JPEG one is the fallback of the <img> element.
WEBP = RenditionFormat("webp", "webp", "image/webp", "WEBP", {"quality": 80})
JPEG = RenditionFormat(
    "jpeg", "jpg", "image/jpeg", "JPEG", {"quality": 80, "optimize": True, "progressive": True}
)
RENDITION_FORMATS = [WEBP, JPEG]

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


def read_head(file, size=4096):
    file.seek(0)
    head = file.read(size)
    file.seek(0)
    return head


def looks_like_svg(name, head):
    if posixpath.splitext(name.lower())[1] in {".svg", ".svgz"}:
        return True
    # SVG is text: markup from the first byte (after a byte order mark or blank lines).
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return text.startswith(b"<") and b"<svg" in text.lower()


def looks_like_heif(head):
    return head[4:8] == b"ftyp" and head[8:12] in HEIF_BRANDS


def open_checked_image(file):
    """
    Open an uploaded image, refusing anything but a whole JPEG, PNG or WebP within the limits.

    Returns the decoded Pillow image; raises ValidationError with one of ERROR_MESSAGES.
    The limits are read from settings on every call.
    """
    name = posixpath.basename(file.name or "")
    if file.size is not None and file.size > settings.COOPERATION_IMAGE_MAX_BYTES:
        refuse(
            "file_too_large",
            size=filesizeformat(file.size),
            limit=filesizeformat(settings.COOPERATION_IMAGE_MAX_BYTES),
        )
    head = read_head(file)
    if looks_like_svg(name, head):
        refuse("svg")
    if looks_like_heif(head):
        refuse("unsupported_format", format="HEIC")

    max_pixels = settings.COOPERATION_IMAGE_MAX_PIXELS
    try:
        # Pillow warns of a likely decompression bomb (a small file that would decode to a huge
        # image) and refuses one twice its own limit; either way the header is all it has read.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(file)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        refuse("far_too_many_pixels", limit=megapixels(max_pixels))
    except Exception:
        # Pillow raises UnidentifiedImageError, but also other errors on a malformed header.
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
        # Decoding every pixel is what finds a truncated or corrupt file; verify() alone does
        # not check a JPEG's image data.
        image.load()
    except Exception:
        refuse("damaged")
    return image


def validate_photo_upload(file):
    """Refuse an uploaded file that is not a whole JPEG, PNG or WebP within the limits."""
    open_checked_image(file)
    file.seek(0)


class NormalizedPhoto(ContentFile):
    """A ContentFile already normalised by `normalize_photo`, so it is not normalised twice."""


def normalize_photo(file):
    """
    Return the uploaded image upright and without personal metadata, as a new file.

    The EXIF orientation is applied to the pixels; EXIF (GPS position, camera and lens serial
    numbers, owner's name, dates), XMP and comments are left out; the ICC colour profile and
    PNG transparency are kept. JPEGs keep their quantization tables and chroma subsampling, so
    a photo loses nothing visible. The file is named after the upload with the extension of its
    real format. Raises ValidationError as `validate_photo_upload` does.
    """
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


@dataclass(frozen=True)
class Rendition:
    """One resized copy of an image, in one format."""

    name: str
    url: str
    width: int
    height: int
    format: RenditionFormat

    @property
    def media_type(self):
        return self.format.media_type


def rendition_widths(original_width):
    """
    The widths to make for an image `original_width` pixels wide: the configured widths below
    it, and the largest configured width, or the original's own when it is narrower.
    """
    widths = sorted(settings.COOPERATION_IMAGE_RENDITION_WIDTHS)
    if not original_width:
        return []
    largest = min(widths[-1], original_width)
    return [*(width for width in widths if width < largest), largest]


def rendition_height(original_width, original_height, width):
    return max(1, round(original_height * width / original_width))


def rendition_folder(original_name):
    """Every rendition of `news/2021/a.jpg` lies in `renditions/news/2021/a.jpg/`."""
    return f"renditions/{original_name}"


def rendition_name(original_name, width, rendition_format):
    """`renditions/news/2021/a.jpg/640.webp`: the 640 pixels wide WebP of `news/2021/a.jpg`."""
    return f"{rendition_folder(original_name)}/{width}.{rendition_format.extension}"


def photo_renditions(image_file, width, height, formats=None):
    """
    The renditions of an image field's file of `width` × `height` pixels, smallest first.

    Computed from the names alone: no storage access, so that listing them for a page costs
    nothing. `make_renditions` is what writes them.
    """
    if not image_file or not width or not height:
        return []
    storage = image_file.storage
    renditions = []
    for rendition_format in formats or RENDITION_FORMATS:
        for rendition_width in rendition_widths(width):
            name = rendition_name(image_file.name, rendition_width, rendition_format)
            renditions.append(
                Rendition(
                    name=name,
                    url=storage.url(name),
                    width=rendition_width,
                    height=rendition_height(width, height, rendition_width),
                    format=rendition_format,
                )
            )
    return renditions


def to_srgb(image):
    """Convert to sRGB pixels (RGB, or RGBA when transparent), through its ICC profile if any."""
    has_alpha = image.mode in {"RGBA", "LA", "PA"} or (
        image.mode == "P" and "transparency" in image.info
    )
    mode = "RGBA" if has_alpha else "RGB"
    icc_profile = image.info.get("icc_profile")
    if icc_profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
            if has_alpha and image.mode != "RGBA":
                image = image.convert("RGBA")
            return ImageCms.profileToProfile(
                image, source, ImageCms.createProfile("sRGB"), outputMode=mode
            )
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # A broken or unusual profile: convert without it.
    if image.mode in {"I", "I;16", "I;16B", "I;16L"}:
        # 16-bit greyscale: Pillow converts to 8 bits by clipping, so scale the values first.
        image = image.point(lambda value: value / 256).convert("L")
    return image.convert(mode)


def flatten(image):
    """JPEG has no transparency: put transparent pixels on white."""
    if image.mode != "RGBA":
        return image
    background = Image.new("RGB", image.size, "white")
    background.paste(image, mask=image.getchannel("A"))
    return background


def make_renditions(image_file, force=False):
    """
    Write the missing renditions of an image field's file (all of them when `force`).

    The original is read, decoded and converted to sRGB once; each width is resized from it
    once, with a Lanczos filter, and saved in each format. Returns the names written.
    """
    if not image_file:
        return []
    storage = image_file.storage
    with image_file.open("rb") as stream, Image.open(stream) as image:
        # The width and height in the names come from the upright image, as the page's do.
        orientation = image.getexif().get(ExifTags.Base.Orientation, 1)
        turned = orientation in {5, 6, 7, 8}
        width, height = (image.height, image.width) if turned else image.size
        wanted = {
            rendition.name: rendition
            for rendition in photo_renditions(image_file, width, height)
            if force or not storage.exists(rendition.name)
        }
        if not wanted:
            return []
        largest = max(rendition.width for rendition in wanted.values())
        # A JPEG can be decoded directly at 1/2, 1/4 or 1/8 of its size when that is still
        # larger than the largest rendition; much faster for a 12-megapixel photo.
        image.draft(None, (largest, largest))
        upright = to_srgb(ImageOps.exif_transpose(image))

    written = []
    resized = {}  # by size: each width is resized once for both formats
    for name, rendition in wanted.items():
        size = (rendition.width, rendition.height)
        if size not in resized:
            resized[size] = upright.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
        image = flatten(resized[size]) if rendition.format is JPEG else resized[size]
        output = io.BytesIO()
        image.save(output, rendition.format.pillow_format, **rendition.format.save_options)
        if storage.exists(name):
            storage.delete(name)
        written.append(storage.save(name, ContentFile(output.getvalue())))
    return written


def delete_renditions(storage, original_name):
    """Delete every rendition of an original (of any width ever made), never the original."""
    folder = rendition_folder(original_name)
    try:
        _folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    deleted = []
    for file_name in files:
        name = f"{folder}/{file_name}"
        storage.delete(name)
        deleted.append(name)
    return deleted
