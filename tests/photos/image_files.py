"""Real image files made with Pillow, as staff would upload them, and bad files of each kind."""

import io
import struct
import zlib

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image, ImageCms, ImageDraw

SRGB_PROFILE = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
GPS = {
    ExifTags.GPS.GPSLatitudeRef: "N",
    ExifTags.GPS.GPSLatitude: (42.0, 25.0, 26.0),
    ExifTags.GPS.GPSLongitudeRef: "E",
    ExifTags.GPS.GPSLongitude: (25.0, 38.0, 5.0),
}
XMP_WITH_LOCATION = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    b'xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="42,25.43N" '
    b'exif:GPSLongitude="25,38.08E"/></rdf:RDF></x:xmpmeta>'
)


def media_files():
    """Every file in the media folder, to check that a refused upload left nothing behind."""
    root = settings.MEDIA_ROOT
    return {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}


def upload(name, content, content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def image_bytes(image, image_format="JPEG", **options):
    output = io.BytesIO()
    image.save(output, image_format, **options)
    return output.getvalue()


def upright_test_picture(width=300, height=400):
    """Red at the top, blue at the bottom: which way is up can be checked on any copy."""
    image = Image.new("RGB", (width, height), "blue")
    ImageDraw.Draw(image).rectangle([0, 0, width, height // 2], fill="red")
    return image


def phone_photo_bytes(width=300, height=400):
    """
    A JPEG as a phone writes it: the sensor's pixels on their side with EXIF orientation 6
    ("turn 90° clockwise to show"), the place where it was taken in EXIF GPS and in XMP, the
    phone's make, model and serial number, a comment, and an sRGB colour profile.
    """
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Model] = "Phone 12"
    exif[ExifTags.Base.BodySerialNumber] = "SN-0042-7731"
    exif[ExifTags.IFD.GPSInfo] = GPS
    # Stored turned a quarter counter-clockwise; orientation 6 turns it back.
    sensor = upright_test_picture(width, height).transpose(Image.Transpose.ROTATE_90)
    return image_bytes(
        sensor,
        "JPEG",
        quality=90,
        exif=exif,
        xmp=XMP_WITH_LOCATION,
        comment=b"Taken at 42.4239 N 25.6347 E",
        icc_profile=SRGB_PROFILE,
    )


def jpeg_bytes(width=400, height=300, color="green"):
    return image_bytes(Image.new("RGB", (width, height), color), "JPEG")


def truncated_jpeg_bytes():
    """The first half of a JPEG, as an interrupted upload leaves it."""
    whole = image_bytes(upright_test_picture(800, 600), "JPEG", quality=95)
    return whole[: len(whole) // 2]


def pdf_bytes():
    return (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )


def svg_bytes():
    return (
        b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" '
        b'height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/>'
        b"</svg>"
    )


def png_bomb_bytes(width=100_000, height=100_000):
    """
    A 1×1 PNG whose header claims `width` × `height` pixels: a few hundred bytes that would
    decode to gigabytes, the shape of a decompression bomb.
    """
    png = image_bytes(Image.new("L", (1, 1)), "PNG")
    # The IHDR chunk follows the 8-byte signature: length, type, width, height, 5 more bytes.
    ihdr = b"IHDR" + struct.pack(">II", width, height) + png[24:29]
    return png[:12] + ihdr + struct.pack(">I", zlib.crc32(ihdr)) + png[33:]


def heic_bytes():
    """The start of an HEIC photo (an ISO media file of brand "heic"), as iPhones take them."""
    return struct.pack(">I", 24) + b"ftypheic" + b"\x00\x00\x00\x00mif1heic" + b"\x00" * 64
