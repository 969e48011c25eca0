"""The public page cache: fast when nothing changed, fresh the moment something did."""

import datetime
import gzip
import os
import subprocess
import sys
import time

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cooperation.models import NewsPhoto, Region
from cooperation.resources import RegionResource
from editorial.cache import cached_until_content_changes
from embassy.settings import cache_from_url
from tests.admin_forms import opened_version
from tests.factories import (
    AgreementFactory,
    MissionLinkFactory,
    NewsPhotoFactory,
    RegionFactory,
    TownFactory,
)

pytestmark = pytest.mark.django_db


def test_a_cached_page_changes_right_after_an_admin_save(client, staff_client):
    link = MissionLinkFactory(
        title_bg="Всички мисии",
        title_ru="Все миссии",
        title_be="Усе місіі",
        title_en="All Missions",
    )
    assert "Всички мисии" in client.get("/bg/cooperation/").content.decode()
    url = reverse("admin:embassy_missionlink_change", args=[link.pk])
    response = staff_client.post(
        url,
        {
            "entry_version": opened_version(staff_client, url),
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
    time.sleep((photo.publish_at - timezone.now()).total_seconds() + 0.1)
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


def read_between_the_saves_and_the_commit(client, capture_on_commit, town, saves):
    """`saves()` in a transaction that commits at the end, while another process reads the
    committed rows (`town`'s old description) and caches its page; the page after the commit."""
    url = town.get_absolute_url()
    assert "Старото описание." in client.get(url).content.decode()
    # The test's own transaction stands for the saving one: it "commits" when the block ends.
    with capture_on_commit(execute=True):
        saves()
        # Another process reads the committed rows, still the old ones, and caches the page:
        # the same, in a savepoint that sees the row as it was (an update sends no signal).
        with transaction.atomic():
            Region.objects.filter(pk=town.pk).update(description_bg="Старото описание.")
            assert "Старото описание." in client.get(url).content.decode()
            transaction.set_rollback(True)
        assert "Старото описание." in client.get(url).content.decode()  # the race, before
    return client.get(url).content.decode()


def test_a_page_read_between_a_save_and_its_commit_is_not_served_after_the_commit(
    client, django_capture_on_commit_callbacks
):
    """Issue 13: another process that read the old rows while the saving transaction was still
    open cached them under the new version, and they stayed until the next change."""
    town = TownFactory(description_bg="Старото описание.")

    def saves():
        town.description_bg = "Новото описание."
        town.save()

    page = read_between_the_saves_and_the_commit(
        client, django_capture_on_commit_callbacks, town, saves
    )
    assert "Новото описание." in page and "Старото описание." not in page


def test_a_transaction_of_many_saves_leaves_its_pages_fresh_after_its_commit(
    client, django_capture_on_commit_callbacks
):
    town = TownFactory(description_bg="Старото описание.")
    # A transaction rolled back before does not hold back the next one's renewal.
    with transaction.atomic():
        TownFactory()
        transaction.set_rollback(True)

    def saves():
        town.description_bg = "Новото описание."
        town.save()
        TownFactory.create_batch(3)

    page = read_between_the_saves_and_the_commit(
        client, django_capture_on_commit_callbacks, town, saves
    )
    assert "Новото описание." in page and "Старото описание." not in page


def test_an_import_leaves_its_pages_fresh_after_its_commit(
    client, django_capture_on_commit_callbacks
):
    town = TownFactory(description_bg="Старото описание.")

    def saves():
        rows = RegionResource().export(Region.objects.filter(pk=town.pk))
        rows.dict = [{**rows.dict[0], "description_bg": "Новото описание."}]
        result = RegionResource().import_data(rows)
        assert [row.import_type for row in result.rows] == ["update"]

    page = read_between_the_saves_and_the_commit(
        client, django_capture_on_commit_callbacks, town, saves
    )
    assert "Новото описание." in page and "Старото описание." not in page


def test_a_summary_is_computed_once_until_the_content_changes(settings):
    computed = []

    def summary():
        computed.append(Region.objects.count())
        return computed[-1]

    first = cached_until_content_changes("regions", summary)
    assert cached_until_content_changes("regions", summary) == first
    assert len(computed) == 1
    Region.objects.create(country="BY", kind="town", name="Кобрин", slug="t-kobrin")
    assert cached_until_content_changes("regions", summary) == first + 1
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    cached_until_content_changes("regions", summary)
    assert len(computed) == 3


def test_a_cached_page_comes_compressed_to_a_browser_that_accepts_gzip(client):
    AgreementFactory.create_batch(30)
    plain = client.get("/bg/cooperation/")
    compressed = client.get("/bg/cooperation/", headers={"accept-encoding": "gzip, br"})
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"] and "Accept-Encoding" in plain["Vary"]
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 4
    assert compressed["Content-Type"] == plain["Content-Type"] == "text/html; charset=utf-8"


def test_a_page_carrying_a_form_token_is_never_served_from_the_cache(client):
    # The API's browsable page carries a CSRF token, which belongs to one visitor.
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/api/regions/", headers={"accept": "text/html"})
        assert response.status_code == 200 and "csrfToken" in response.content.decode()
        assert len(queries) > 0
