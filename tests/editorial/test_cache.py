"""The public page cache: fast when nothing changed, fresh the moment something did."""

import datetime
import os
import subprocess
import sys

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from cooperation.models import NewsPhoto, Region
from editorial.cache import VERSION_KEY
from embassy.settings import cache_from_url
from tests.factories import AgreementFactory, MissionLinkFactory, NewsPhotoFactory, RegionFactory

pytestmark = pytest.mark.django_db


def test_a_cached_page_changes_right_after_an_admin_save(client, staff_client):
    link = MissionLinkFactory(
        title_bg="Всички мисии",
        title_ru="Все миссии",
        title_be="Усе місіі",
        title_en="All Missions",
    )
    assert "Всички мисии" in client.get("/bg/cooperation/").content.decode()
    response = staff_client.post(
        reverse("admin:embassy_missionlink_change", args=[link.pk]),
        {
            "title_bg": "Всички посолства",
            "title_ru": link.title_ru,
            "title_be": link.title_be,
            "title_en": link.title_en,
            "url": link.url,
            "position": link.position,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    page = client.get("/bg/cooperation/").content.decode()
    assert "Всички посолства" in page and "Всички мисии" not in page


def test_pages_are_cached_per_language(client):
    AgreementFactory(mission_region=RegionFactory(name_bg="Могильов", name_en="Mogilev"))
    assert "Mogilev" in client.get("/en/cooperation/").content.decode()
    assert "Могильов" in client.get("/bg/cooperation/").content.decode()
    assert "Mogilev" not in client.get("/bg/cooperation/").content.decode()


def test_staff_never_see_a_cached_page(client, staff_client):
    photo = NewsPhotoFactory()
    client.get("/bg/news/")  # cached for the public
    NewsPhoto.objects.update(status=NewsPhoto.Status.DRAFT)  # no signal: the cache stays
    assert photo.slug in client.get("/bg/news/").content.decode()
    assert photo.slug not in staff_client.get("/bg/news/").content.decode()


def test_an_entry_scheduled_for_later_appears_when_its_time_comes(client):
    photo = NewsPhotoFactory()
    photo.publish_at = timezone.now() + datetime.timedelta(seconds=2)
    photo.save()
    assert photo.slug not in client.get("/bg/news/").content.decode()
    # Let the clock pass the publish time: move both moments into the past, with no signal.
    past = timezone.now() - datetime.timedelta(seconds=1)
    NewsPhoto.objects.filter(pk=photo.pk).update(publish_at=past)
    cache.set(VERSION_KEY, {**cache.get(VERSION_KEY), "ends_at": past}, None)
    assert photo.slug in client.get("/bg/news/").content.decode()


def test_invalidation_reaches_another_process_through_a_shared_cache(client, settings, tmp_path):
    cache_url = f"file://{tmp_path / 'cache'}"
    settings.CACHES = {"default": cache_from_url(cache_url)}
    minsk = RegionFactory(slug="minsk")
    assert "Столицата" not in client.get(minsk.get_absolute_url()).content.decode()
    # A change this process's signals do not see; another process then invalidates.
    Region.objects.filter(pk=minsk.pk).update(description_bg="Столицата на Беларус.")
    assert "Столицата" not in client.get(minsk.get_absolute_url()).content.decode()
    env = {
        **os.environ,
        "DJANGO_CACHE_URL": cache_url,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'other.sqlite3'}",
    }
    for command in (
        ["migrate", "-v0"],
        ["shell", "-c", "from editorial.cache import invalidate_public_pages as i; i()"],
    ):
        subprocess.run(
            [sys.executable, "manage.py", *command], cwd=settings.BASE_DIR, env=env, check=True
        )
    assert "Столицата" in client.get(minsk.get_absolute_url()).content.decode()
