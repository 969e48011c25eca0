"""Scanned agreements: only a readable, passive PDF within the limit; given out as a download."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import translation
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from cooperation.documents import ERROR_MESSAGES
from cooperation.models import TwinningAgreement
from tests.admin_forms import change_form_data
from tests.factories import AgreementFactory
from tests.photos.image_files import jpeg_bytes, upload

pytestmark = pytest.mark.django_db

EVIL = "https://evil.example/"


def pdf(pages=1, open_action=None, password=None, attachment=False):
    """A PDF of blank pages; `open_action` (an action's entries, or "first page") runs on
    opening."""
    writer = PdfWriter()
    for _page in range(pages):
        writer.add_blank_page(width=595, height=842)
    if open_action == "first page":
        first = writer.pages[0].indirect_reference
        writer.root_object[NameObject("/OpenAction")] = ArrayObject([first, NameObject("/Fit")])
    elif open_action:
        writer.root_object[NameObject("/OpenAction")] = DictionaryObject(
            {NameObject(key): value for key, value in open_action.items()}
        )
    if attachment:
        writer.add_attachment("run.exe", b"MZ")
    if password:
        writer.encrypt(password)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def admin_url(view, *args):
    return reverse(f"admin:cooperation_twinningagreement_{view}", args=args)


def upload_document(client, agreement, content, name="agreement.pdf"):
    url = admin_url("change", agreement.pk)
    data = change_form_data(client.get(url))
    data["document"] = upload(name, content, "application/pdf")
    return client.post(url, data)


HOSTILE_DOCUMENTS = {
    "a web page named .pdf": (
        lambda: b"<html><script>alert(document.cookie)</script></html>",
        "not_a_pdf",
    ),
    "a photo named .pdf": (lambda: jpeg_bytes(), "not_a_pdf"),
    "only the PDF header": (lambda: b"%PDF-1.7\n<script>alert(1)</script>\n", "damaged"),
    "a PDF cut off halfway": (lambda: pdf(pages=3)[:400], "damaged"),
    "a PDF with JavaScript": (
        lambda: pdf(open_action={"/S": NameObject("/JavaScript"), "/JS": TextStringObject("1")}),
        "active_content",
    ),
    # Issue 21, case 12: a web address opened with the document was accepted.
    "a PDF that opens a web address": (
        lambda: pdf(open_action={"/S": NameObject("/URI"), "/URI": TextStringObject(EVIL)}),
        "active_content",
    ),
    "a PDF with an attached program": (lambda: pdf(attachment=True), "active_content"),
    "a PDF behind a password": (lambda: pdf(password="secret"), "password"),
}


@pytest.mark.parametrize("case", HOSTILE_DOCUMENTS)
def test_a_bad_document_is_refused_in_the_form_with_its_reason_and_nothing_is_saved(
    staff_client, case
):
    content, reason = HOSTILE_DOCUMENTS[case]
    agreement = AgreementFactory(notes_bg="Бележки")
    response = upload_document(staff_client, agreement, content())
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["document"]
    with translation.override("bg"):
        expected = str(ERROR_MESSAGES[reason])
    assert errors[0].startswith(expected.split("%(")[0])
    agreement.refresh_from_db()
    assert not agreement.document


def test_a_document_over_the_limit_is_refused_with_both_sizes(staff_client, settings):
    settings.COOPERATION_DOCUMENT_MAX_BYTES = 500
    agreement = AgreementFactory()
    response = upload_document(staff_client, agreement, pdf(pages=5))
    (error,) = response.context["adminform"].form.errors["document"]
    with translation.override("bg"):
        limit = filesizeformat(500)
    assert limit in error
    agreement.refresh_from_db()
    assert not agreement.document


def test_a_scanned_pdf_is_stored_outside_the_public_media_and_downloaded_as_an_attachment(
    staff_client, client
):
    agreement = AgreementFactory()
    content = pdf(pages=2)
    assert upload_document(staff_client, agreement, content).status_code == 302
    agreement.refresh_from_db()
    name = agreement.document.name
    assert not default_storage.exists(name)  # nothing under MEDIA_ROOT, which /media/ serves
    assert (Path(settings.DOCUMENTS_ROOT) / name).read_bytes() == content

    url = reverse("cooperation:agreement_document", args=[agreement.pk])
    assert url == f"/bg/cooperation/agreements/{agreement.pk}/document/"
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == content

    # The admin's form links to the download, not to a storage address.
    form_page = staff_client.get(admin_url("change", agreement.pk)).content.decode()
    assert f'href="{url}"' in form_page


def test_a_pdf_that_opens_at_a_page_is_accepted(staff_client):
    """Opening at a page is a destination, not an action: scanners write it."""
    agreement = AgreementFactory()
    response = upload_document(staff_client, agreement, pdf(open_action="first page"))
    assert response.status_code == 302


def test_an_agreement_without_a_document_has_no_download(client):
    agreement = AgreementFactory()
    url = reverse("cooperation:agreement_document", args=[agreement.pk])
    assert client.get(url).status_code == 404
    assert client.get(url.replace(str(agreement.pk), "987654")).status_code == 404


def test_a_document_missing_from_the_storage_is_a_404_not_an_error(client):
    agreement = AgreementFactory()
    TwinningAgreement.objects.filter(pk=agreement.pk).update(document="agreements/gone.pdf")
    url = reverse("cooperation:agreement_document", args=[agreement.pk])
    assert client.get(url).status_code == 404
