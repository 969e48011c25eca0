"""Scanned agreements (TwinningAgreement.document): a passive PDF checked on upload, kept in
STORAGES["documents"], never under /media/, and downloaded through AgreementDocumentView."""

import io
import posixpath

from django import forms
from django.conf import settings
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

PDF_SIGNATURE = b"%PDF-"
ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/RichMediaExecute"}

ERROR_MESSAGES = {
    "too_large": _("The file is %(size)s; a document may be at most %(limit)s."),
    "not_a_pdf": _(
        "“%(name)s” is not a PDF document: it may be a web page, an image or a text file with a "
        "PDF's name. Upload the scanned agreement as a PDF file."
    ),
    "damaged": _(
        "The PDF document is damaged or incomplete, perhaps cut off during the upload. "
        "Upload it again."
    ),
    "no_pages": _("The PDF document has no pages."),
    "password": _(
        "The PDF document is protected by a password. Upload a copy that opens without one."
    ),
    "active_content": _(
        "The PDF document contains scripts, actions or attached files, which a scanned "
        "agreement does not need. Save it again as a plain PDF (print it to PDF, for example) "
        "and upload that."
    ),
}


def document_storage():
    return storages["documents"]


def refusal(code, **params):
    return ValidationError(ERROR_MESSAGES[code], code=code, params=params)


def validate_document_upload(file):
    limit = settings.COOPERATION_DOCUMENT_MAX_BYTES
    if file.size > limit:
        raise refusal("too_large", size=filesizeformat(file.size), limit=filesizeformat(limit))
    file.seek(0)
    data = file.read()
    file.seek(0)
    if not data.startswith(PDF_SIGNATURE):
        raise refusal("not_a_pdf", name=posixpath.basename(file.name or ""))
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise refusal("password")
        if len(reader.pages) == 0:
            raise refusal("no_pages")
        active = has_active_content(reader)
    except ValidationError:
        raise
    except Exception:
        # pypdf raises many kinds of errors on a damaged file.
        raise refusal("damaged") from None
    if active:
        raise refusal("active_content")


def has_active_content(reader):
    """Whether the document runs anything when opened or read: scripts, actions, attachments."""
    catalog = reader.trailer["/Root"]
    names = resolved(catalog.get("/Names"))
    if "/JavaScript" in names or "/EmbeddedFiles" in names or "/AA" in catalog:
        return True
    if "/XFA" in resolved(catalog.get("/AcroForm")):
        return True
    # A page to open at is no action.
    if "/S" in resolved(catalog.get("/OpenAction")):
        return True
    for page in reader.pages:
        if "/AA" in page:
            return True
        for annotation in page.get("/Annots") or []:
            annotation = resolved(annotation)
            if annotation.get("/Subtype") == "/FileAttachment":
                return True
            if resolved(annotation.get("/A")).get("/S") in ACTIVE_ACTIONS:
                return True
    return False


def resolved(value):
    """A PDF dictionary, following an indirect reference; an empty one for anything else."""
    value = value.get_object() if hasattr(value, "get_object") else value
    return value if isinstance(value, DictionaryObject) else DictionaryObject()


class DocumentLink:
    """A stored document as the admin's file widget links to it."""

    def __init__(self, file):
        self.file = file

    @property
    def url(self):
        return reverse("cooperation:agreement_document", args=[self.file.instance.pk])

    def __str__(self):
        return posixpath.basename(self.file.name)


class DocumentInput(AdminFileWidget):
    """The admin's file input, linking to the download view: the storage has no public address."""

    def is_initial(self, value):
        return bool(value and getattr(value, "name", None))

    def format_value(self, value):
        return DocumentLink(value) if self.is_initial(value) else None


class DocumentFormField(forms.FileField):
    widget = DocumentInput

    def to_python(self, data):
        file = super().to_python(data)
        if file is not None:
            validate_document_upload(file)
        return file

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.FileInput):
            attrs.setdefault("accept", "application/pdf,.pdf")
        return attrs


class DocumentField(models.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("storage", document_storage)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": DocumentFormField, **kwargs})
