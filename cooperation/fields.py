"""The photo field: a model field and its form field, for news photos and coats of arms."""

from django import forms
from django.db import models
from PIL import Image

from .images import NormalizedPhoto, normalize_photo, validate_photo_upload


class PhotoFormField(forms.FileField):
    """
    An image upload refused, with its own message, when it is not a whole JPEG, PNG or WebP
    image within the size and pixel limits (see `cooperation.images`).

    Django's own ImageField gives one message for every kind of bad file; this field says
    which one it is, and asks phones for a format the site accepts.
    """

    def to_python(self, data):
        file = super().to_python(data)
        if file is None:
            return None
        validate_photo_upload(file)
        return file

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.FileInput) and "accept" not in widget.attrs:
            # Listing the formats (not image/*) makes iPhones send HEIC photos as JPEG.
            attrs.setdefault("accept", "image/jpeg,image/png,image/webp")
        return attrs


class PhotoFieldFile(models.fields.files.ImageFieldFile):
    def save(self, name, content, save=True):
        # Every way a file reaches the storage passes here (a form, the shell, a script): the
        # stored original is always upright and without location or other personal metadata.
        if not isinstance(content, NormalizedPhoto):
            content = normalize_photo(content)
        super().save(content.name, content, save)

    save.alters_data = True


class PhotoField(models.ImageField):
    """
    An image checked on upload (format, size, pixels, integrity) with a clear message for each
    refusal, and stored upright without EXIF or XMP metadata.
    """

    attr_class = PhotoFieldFile

    def update_dimension_fields(self, instance, force=False, *args, **kwargs):
        try:
            super().update_dimension_fields(instance, force, *args, **kwargs)
        except Image.DecompressionBombError:
            # Pillow will not even read the size of a decompression bomb. Saving it is refused
            # with a message (normalize_photo); until then its dimensions are unknown.
            for dimension_field in (self.width_field, self.height_field):
                if dimension_field:
                    setattr(instance, dimension_field, None)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PhotoFormField, **kwargs})
