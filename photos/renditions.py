"""The resized copies of a stored photo, named from it: `renditions/news/a.jpg/640.webp`."""

import io
from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.core.files.base import ContentFile
from PIL import Image, ImageCms, ImageOps


@dataclass(frozen=True)
class RenditionFormat:
    name: str
    extension: str
    media_type: str
    pillow_format: str
    save_options: dict


# JPEG: the <img> element's fallback, and what feeds and social previews are given.
WEBP = RenditionFormat("webp", "webp", "image/webp", "WEBP", {"quality": 80})
JPEG = RenditionFormat(
    "jpeg", "jpg", "image/jpeg", "JPEG", {"quality": 80, "optimize": True, "progressive": True}
)
FORMATS = [WEBP, JPEG]


@dataclass(frozen=True)
class Rendition:
    name: str
    url: str
    width: int
    height: int
    format: RenditionFormat

    @property
    def media_type(self):
        return self.format.media_type


def rendition_widths(original_width):
    """The configured widths below the original's, then the largest or the original's own."""
    widths = sorted(settings.PHOTO_RENDITION_WIDTHS)
    largest = min(widths[-1], original_width)
    return [*(width for width in widths if width < largest), largest]


def rendition_folder(original_name):
    return f"renditions/{original_name}"


class Renditions:
    def __init__(self, storage, name, width, height):
        self.storage = storage
        self.name = name
        self.width = width
        self.height = height

    @cached_property
    def all(self):
        if not self.name or not self.width or not self.height:
            return []
        return [
            self.rendition(width, rendition_format)
            for rendition_format in FORMATS
            for width in rendition_widths(self.width)
        ]

    def __iter__(self):
        return iter(self.all)

    def rendition(self, width, rendition_format):
        name = f"{rendition_folder(self.name)}/{width}.{rendition_format.extension}"
        height = max(1, round(self.height * width / self.width))
        return Rendition(name, self.storage.url(name), width, height, rendition_format)

    def of_format(self, rendition_format):
        return [rendition for rendition in self.all if rendition.format is rendition_format]

    def closest(self, width, rendition_format=WEBP):
        """The narrowest rendition at least `width` pixels wide, else the widest; or None."""
        candidates = self.of_format(rendition_format)
        wide_enough = (rendition for rendition in candidates if rendition.width >= width)
        return next(wide_enough, candidates[-1] if candidates else None)

    @property
    def shared(self):
        """The copy other sites show (social previews, feeds): the largest JPEG, or None."""
        jpeg = self.of_format(JPEG)
        return jpeg[-1] if jpeg else None

    def srcset(self, rendition_format):
        return ", ".join(f"{r.url} {r.width}w" for r in self.of_format(rendition_format))

    def missing(self):
        return [rendition for rendition in self.all if not self.storage.exists(rendition.name)]

    def make(self, force=False):
        wanted = self.all if force else self.missing()
        if not wanted:
            return []
        largest = max(rendition.width for rendition in wanted)
        with self.storage.open(self.name, "rb") as stream, Image.open(stream) as image:
            # A JPEG is decoded at 1/2, 1/4 or 1/8 of its size when that is still large enough.
            image.draft(None, (largest, largest))
            upright = to_srgb(ImageOps.exif_transpose(image))
        written = []
        resized = {}
        for rendition in wanted:
            size = (rendition.width, rendition.height)
            if size not in resized:
                resized[size] = upright.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
            picture = flatten(resized[size]) if rendition.format is JPEG else resized[size]
            output = io.BytesIO()
            picture.save(output, rendition.format.pillow_format, **rendition.format.save_options)
            if self.storage.exists(rendition.name):
                self.storage.delete(rendition.name)
            written.append(self.storage.save(rendition.name, ContentFile(output.getvalue())))
        return written

    def delete(self):
        """Delete every rendition of the original, of any width ever made."""
        folder = rendition_folder(self.name)
        try:
            _folders, files = self.storage.listdir(folder)
        except FileNotFoundError:
            return []
        deleted = [f"{folder}/{file_name}" for file_name in files]
        for name in deleted:
            self.storage.delete(name)
        return deleted


def to_srgb(image):
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
    if image.mode != "RGBA":
        return image
    background = Image.new("RGB", image.size, "white")
    background.paste(image, mask=image.getchannel("A"))
    return background
