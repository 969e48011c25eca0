"""The photo field: an image checked, stored upright without metadata, with its renditions."""

from django import forms
from django.core import checks
from django.db import models
from PIL import Image

from .renditions import Renditions
from .uploads import NormalizedPhoto, normalize_photo, validate_photo_upload


class PhotoFormField(forms.FileField):
    def to_python(self, data):
        file = super().to_python(data)
        if file is not None:
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
        # Every way a new file reaches the storage passes here (a form, the shell, a script).
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
            # A decompression bomb: refused on save (normalize_photo); its size is unknown.
            setattr(instance, self.width_field, None)
            setattr(instance, self.height_field, None)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PhotoFormField, **kwargs})


def photo_fields(model):
    return [field for field in model._meta.concrete_fields if isinstance(field, PhotoField)]


def make_missing_renditions(instance):
    """The missing renditions of files given by name, not stored through the field (a fixture)."""
    written = []
    for field in photo_fields(instance):
        if getattr(instance, field.attname):
            written += getattr(instance, field.attname).renditions.make()
    return written
