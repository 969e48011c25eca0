"""The photo field: an image checked on upload, stored upright without personal metadata, and
resized into renditions (`entry.image.renditions`) as it is stored."""

from django import forms
from django.core import checks
from django.db import models
from PIL import Image

from .renditions import Renditions
from .uploads import NormalizedPhoto, normalize_photo, validate_photo_upload


class PhotoFormField(forms.FileField):
    """An image upload refused with a message that says what is wrong with it (Django's
    ImageField has one for all), asking phones for a format the site accepts."""

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
    @property
    def renditions(self):
        field = self.field
        return Renditions(
            self.storage,
            self.name,
            getattr(self.instance, field.width_field),
            getattr(self.instance, field.height_field),
        )

    def save(self, name, content, save=True):
        # Every way a new file reaches the storage passes here (a form, the shell, a script):
        # the stored original is upright and without location or other personal metadata, and
        # its renditions are made with it, so that no page ever has to make one.
        if not isinstance(content, NormalizedPhoto):
            content = normalize_photo(content)
        super().save(content.name, content, save=False)
        try:
            self.renditions.make()
        except OSError:  # A full or read-only storage: none of the photo's files stay.
            self.renditions.delete()
            self.delete(save=False)
            raise
        if save:
            self.instance.save()

    save.alters_data = True


class PhotoField(models.ImageField):
    """
    An image checked on upload (format, size, pixels, integrity) with a clear message for each
    refusal, stored upright without EXIF or XMP metadata, with its renditions.
    """

    attr_class = PhotoFieldFile

    def check(self, **kwargs):
        errors = super().check(**kwargs)
        if not (self.width_field and self.height_field):
            errors.append(
                checks.Error(
                    "A PhotoField needs width_field and height_field: its renditions are "
                    "named after the photo's size.",
                    obj=self,
                    id="photos.E001",
                )
            )
        return errors

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


def make_missing_renditions(instance):
    """Make the missing renditions of every photo of `instance`: for a file the entry was given
    by name rather than stored through the field (a fixture, a restored version or backup)."""
    written = []
    for field in instance._meta.concrete_fields:
        if isinstance(field, PhotoField) and getattr(instance, field.attname):
            written += getattr(instance, field.attname).renditions.make()
    return written
