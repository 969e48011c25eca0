"""
The photo field: a stored photo comes with its renditions; they stay as long as the original
does (a replaced or deleted photo's original stays for the revision history), and a photo that
comes back from the history gets any that are missing.
"""

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from reversion.models import Version

from cooperation.models import NewsPhoto
from tests.admin_forms import change_form_data

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


def test_a_stored_photo_comes_with_its_renditions():
    photo = saved_photo()
    assert [(r.format.name, r.width) for r in photo.image.renditions] == [
        ("webp", 320),
        ("webp", 640),
        ("webp", 900),
        ("jpeg", 320),
        ("jpeg", 640),
        ("jpeg", 900),
    ]
    assert len(existing(photo.image.renditions)) == 6


def test_replacing_a_photo_makes_the_new_renditions_and_keeps_the_old_original_and_its_own():
    photo = saved_photo()
    old_name, old_renditions = photo.image.name, photo.image.renditions
    photo.image = upload("fest.jpg", jpeg_bytes(1500, 1000, "yellow"))
    photo.save()
    assert photo.image.name != old_name
    assert [r.width for r in photo.image.renditions if default_storage.exists(r.name)] == [
        320,
        640,
        1280,
        320,
        640,
        1280,
    ]
    # The history can show the old photo again at once.
    assert default_storage.exists(old_name)
    assert len(existing(old_renditions)) == 6


def test_deleting_a_photo_keeps_its_original_and_renditions_for_recovery():
    photo = saved_photo()
    photo.delete()
    assert default_storage.exists(photo.image.name)
    assert len(existing(photo.image.renditions)) == 6


def test_editing_the_text_of_a_photo_leaves_its_renditions_alone():
    photo = saved_photo()
    smallest = photo.image.renditions.all[0]
    default_storage.delete(smallest.name)
    photo.caption_bg = "Нов надпис"
    photo.save()
    assert not default_storage.exists(smallest.name)


def test_a_photo_recovered_in_the_admin_gets_its_missing_renditions_back(staff_client):
    """A restored version only names its file (a raw save): the admin makes the renditions."""
    add = staff_client.post(
        reverse("admin:cooperation_newsphoto_add"),
        {
            "title_bg": "Празник",
            "slug": "harvest-festival",
            "image": upload("fest.jpg", jpeg_bytes(900, 600, "green")),
            "status": "draft",
            "publish_at_0": "2021-09-06",
            "publish_at_1": "12:00:00",
            "newsphotoregion_set-TOTAL_FORMS": "0",
            "newsphotoregion_set-INITIAL_FORMS": "0",
        },
    )
    assert add.status_code == 302
    photo = NewsPhoto.objects.get(slug="harvest-festival")
    staff_client.post(
        reverse("admin:cooperation_newsphoto_delete", args=[photo.pk]), {"post": "yes"}
    )
    # Media restored from a backup that did not hold the renditions.
    photo.image.renditions.delete()
    assert existing(photo.image.renditions) == []

    deleted = Version.objects.get_deleted(NewsPhoto).get(object_id=str(photo.pk))
    url = reverse("admin:cooperation_newsphoto_recover", args=[deleted.pk])
    response = staff_client.post(url, change_form_data(staff_client.get(url)))

    assert response.status_code == 302
    assert len(existing(NewsPhoto.objects.get(pk=photo.pk).image.renditions)) == 6
