"""`make_renditions`: the missing renditions of every photo, made again."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from cooperation.models import NewsPhoto
from tests.factories import NewsPhotoFactory

pytestmark = pytest.mark.django_db


def test_makes_the_missing_renditions_of_existing_photos():
    photo = NewsPhotoFactory()
    for rendition in photo.image.renditions.all[:2]:
        default_storage.delete(rendition.name)
    output = io.StringIO()
    call_command("make_renditions", stdout=output)
    assert "2 renditions written." in output.getvalue()
    assert all(default_storage.exists(r.name) for r in photo.image.renditions.all)


def test_force_makes_every_rendition_again_and_removes_stale_widths():
    photo = NewsPhotoFactory(size=(1200, 800))  # three widths, in two formats
    stale = photo.image.renditions.all[0].name.replace("/320.", "/480.")
    default_storage.save(stale, io.BytesIO(b"old"))
    output = io.StringIO()
    call_command("make_renditions", "--force", stdout=output)
    assert "6 renditions written." in output.getvalue()
    assert not default_storage.exists(stale)


def test_a_photo_whose_original_is_missing_is_reported_and_the_others_made():
    photo = NewsPhotoFactory()
    default_storage.delete(photo.image.renditions.all[0].name)
    # A row restored from a database backup without its media file.
    NewsPhoto.objects.bulk_create(
        [NewsPhoto(title_bg="Изгубена", slug="lost", image="news/2020/lost.jpg", width=8, height=6)]
    )
    errors = io.StringIO()
    with pytest.raises(CommandError, match="1 photos have no renditions"):
        call_command("make_renditions", stdout=io.StringIO(), stderr=errors)
    assert "news/2020/lost.jpg" in errors.getvalue()
    assert all(default_storage.exists(r.name) for r in photo.image.renditions.all)
