"""A storage that is full or read-only while staff upload a file (issue 21, case 8: a 500, the
typed text lost, a truncated file left): the form comes back with a message, nothing saved."""

import io
import os
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from PIL import Image
from pypdf import PdfWriter

from cooperation.models import NewsPhoto, Region
from editorial.admin.uploads import STORAGE_FAULT
from tests.admin_forms import change_form_data
from tests.factories import AgreementFactory, TownFactory
from tests.photos.image_files import image_bytes, upload

pytestmark = pytest.mark.django_db

TITLE = "Среща в Пловдив"


def noise_jpeg():
    """A photo that no encoder can make much smaller: some 45 KB in JPEG, 50 KB in WebP."""
    return image_bytes(Image.frombytes("RGB", (320, 240), os.urandom(320 * 240 * 3)))


def large_pdf():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Subject": os.urandom(50_000).hex()})
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def add_news_photo(client):
    return client.post(
        reverse("admin:cooperation_newsphoto_add"),
        {
            "title_bg": TITLE,
            "slug": "meeting-in-plovdiv",
            "image": upload("meeting.jpg", noise_jpeg()),
            "status": "draft",
            "publish_at_0": "2024-05-01",
            "publish_at_1": "10:00:00",
            "newsphotoregion_set-TOTAL_FORMS": "0",
            "newsphotoregion_set-INITIAL_FORMS": "0",
            "newsphotoregion_set-MIN_NUM_FORMS": "0",
            "newsphotoregion_set-MAX_NUM_FORMS": "1000",
        },
    )


def upload_coat_of_arms(client):
    url = reverse("admin:cooperation_region_change", args=[TownFactory().pk])
    data = change_form_data(client.get(url), name_bg=TITLE)
    return client.post(url, {**data, "coat_of_arms": upload("arms.jpg", noise_jpeg())})


def upload_document(client):
    url = reverse("admin:cooperation_twinningagreement_change", args=[AgreementFactory().pk])
    data = change_form_data(client.get(url), notes_bg=TITLE)
    return client.post(url, {**data, "document": upload("a.pdf", large_pdf(), "application/pdf")})


UPLOADS = {
    "news photo": (add_news_photo, "image", lambda: settings.MEDIA_ROOT),
    "coat of arms": (upload_coat_of_arms, "coat_of_arms", lambda: settings.MEDIA_ROOT),
    "agreement document": (upload_document, "document", lambda: settings.DOCUMENTS_ROOT),
}


def stored_files(folder):
    return sorted(path for path in Path(folder).rglob("*") if path.is_file())


def assert_refused_and_nothing_kept(response, field, folder):
    assert response.status_code == 200
    form = response.context["adminform"].form
    # In the staff member's language, Bulgarian here.
    assert form.errors[field] == [str(STORAGE_FAULT)]
    assert str(STORAGE_FAULT).startswith("Файлът не можа да бъде съхранен")
    assert TITLE in form.data.values()
    assert TITLE.encode() in response.content  # Shown again in its field.
    assert not NewsPhoto.objects.exists()
    assert not Region.objects.exclude(coat_of_arms="").exists()
    assert stored_files(folder) == []


@contextmanager
def small_file_system(folder, options):
    """A file system of its own, of a few KB, mounted on `folder` (the mount needs root)."""
    Path(folder).mkdir(parents=True, exist_ok=True)
    mount = ["mount", "-t", "tmpfs", "-o", options, "tmpfs", folder]
    if subprocess.run(mount, capture_output=True).returncode:
        pytest.skip("mounting a small file system needs root")
    try:
        yield
    finally:
        subprocess.run(["umount", folder], check=True)


# The photo (some 42 KB) fits in 64 KB, its first rendition no longer.
FAULTS = {"full": "size=32k", "full after the photo": "size=64k", "read-only": "size=32k,ro"}


@pytest.mark.parametrize("upload_case", UPLOADS)
@pytest.mark.parametrize("fault", FAULTS)
def test_a_full_or_read_only_storage_gives_the_form_back_and_keeps_nothing(
    staff_client, upload_case, fault
):
    send, field, root = UPLOADS[upload_case]
    with small_file_system(str(root()), FAULTS[fault]):
        response = send(staff_client)
        assert_refused_and_nothing_kept(response, field, root())


@pytest.mark.parametrize("upload_case", ["news photo", "coat of arms"])
def test_a_storage_folder_that_cannot_be_made_gives_the_form_back(
    staff_client, upload_case, settings, tmp_path
):
    """Without root too: the media folder lies under a plain file, where no folder can be."""
    (tmp_path / "a-file").write_bytes(b"")
    settings.MEDIA_ROOT = tmp_path / "a-file" / "media"
    send, field, root = UPLOADS[upload_case]
    assert_refused_and_nothing_kept(send(staff_client), field, root())
