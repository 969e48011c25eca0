"""A change form that writes its uploads to their storage as its last check: a full or read-only
storage is then a message on the field, with what was typed kept and no row saved."""

import logging

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

STORAGE_FAULT = _(
    "The file could not be stored: the storage is full or does not accept files now. Nothing "
    "was saved. Choose the file again and save later; if it happens again, tell the site's "
    "administrator."
)


class UploadsStoredForm(forms.ModelForm):
    def full_clean(self):
        super().full_clean()
        if not self.is_bound or self.errors:
            return
        for name in self.changed_data:
            if isinstance(self.cleaned_data.get(name), UploadedFile):
                file = getattr(self.instance, name)
                try:
                    file.save(file.name, file.file, save=False)
                except OSError:
                    logger.exception("An upload to %s could not be stored.", name)
                    self.add_error(name, STORAGE_FAULT)
