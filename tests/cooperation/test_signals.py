"""A news photo's renditions follow its file; originals stay for the revision history."""

import io

import pytest
from django.core import serializers
from django.core.files.storage import default_storage

from cooperation.models import NewsPhoto

from .image_files import jpeg_bytes, upload

pytestmark = pytest.mark.django_db


def saved_photo(slug="harvest-festival", color="green"):
    photo = NewsPhoto(
        title_bg="Празник", slug=slug, image=upload("fest.jpg", jpeg_bytes(900, 600, color))
    )
    photo.save()
    return NewsPhoto.objects.get(pk=photo.pk)


def existing(renditions):
    return [rendition.name for rendition in renditions if default_storage.exists(rendition.name)]


def test_replacing_a_photo_deletes_its_renditions_but_keeps_the_original(
    django_capture_on_commit_callbacks,
):
    photo = saved_photo()
    old_name, old_renditions = photo.image.name, photo.renditions()
    assert len(existing(old_renditions)) == 6
    with django_capture_on_commit_callbacks(execute=True):
        photo.image = upload("fest.jpg", jpeg_bytes(1500, 1000, "yellow"))
        photo.save()
    assert photo.image.name != old_name
    assert default_storage.exists(old_name)
    assert existing(old_renditions) == []
    assert [r.width for r in photo.renditions() if default_storage.exists(r.name)] == [
        320,
        640,
        1280,
        320,
        640,
        1280,
    ]


def test_deleting_a_photo_deletes_its_renditions_but_keeps_the_original(
    django_capture_on_commit_callbacks,
):
    photo = saved_photo()
    renditions = photo.renditions()
    with django_capture_on_commit_callbacks(execute=True):
        photo.delete()
    assert default_storage.exists(photo.image.name)
    assert existing(renditions) == []


def test_renditions_are_not_deleted_when_the_change_is_rolled_back(
    django_capture_on_commit_callbacks,
):
    photo = saved_photo()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        photo.delete()
    assert len(callbacks) == 1
    assert len(existing(photo.renditions())) == 6


def test_editing_the_text_of_a_photo_leaves_its_renditions_alone():
    photo = saved_photo()
    smallest = photo.renditions()[0]
    default_storage.delete(smallest.name)
    photo.caption_bg = "Нов надпис"
    photo.save()
    assert not default_storage.exists(smallest.name)


def test_a_photo_restored_by_a_raw_save_gets_its_renditions_back(
    django_capture_on_commit_callbacks,
):
    """Fixtures and restored revisions are saved raw, without the model's save()."""
    photo = saved_photo()
    data = serializers.serialize("json", [photo])
    with django_capture_on_commit_callbacks(execute=True):
        photo.delete()
    assert existing(photo.renditions()) == []
    for restored in serializers.deserialize("json", io.StringIO(data)):
        restored.save()
    assert len(existing(photo.renditions())) == 6
