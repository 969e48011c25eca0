"""The news pages, and the photos' renditions on the public pages."""

import datetime
import re

import pytest
from django.utils import timezone

from cooperation.models import NewsPhoto
from tests.cooperation.views.conftest import text_of
from tests.factories import NewsPhotoFactory, VisitFactory

pytestmark = pytest.mark.django_db


def test_news_page_shows_the_photo_caption_credit_date_visit_and_regions(
    client, stara_zagora_visit
):
    photo = stara_zagora_visit.photos.get()
    page = text_of(client.get(photo.get_absolute_url()))
    assert photo.image.renditions.all[-1].url in page
    assert photo.caption_bg in page and photo.credit_bg in page
    assert "6 септември 2021 г." in page
    assert stara_zagora_visit.get_absolute_url() in page
    assert "/bg/cooperation/regions/stara-zagora-oblast/" in page


def test_news_page_names_no_visit_a_visitor_could_not_open(client):
    visit = VisitFactory(status="draft")
    photo = NewsPhotoFactory(visit=visit)
    page = text_of(client.get(photo.get_absolute_url()))
    assert visit.get_absolute_url() not in page and visit.title_bg not in page


def test_news_list_newest_first(client):
    older = NewsPhotoFactory(publish_at=timezone.now() - datetime.timedelta(days=2))
    newer = NewsPhotoFactory(publish_at=timezone.now() - datetime.timedelta(hours=1))
    photos = list(client.get("/bg/news/").context["object_list"])
    assert photos == [newer, older]


def test_draft_photo_is_hidden_from_lists_and_the_cooperation_page(client):
    photo = NewsPhotoFactory(is_featured=True)
    assert client.get("/bg/cooperation/").context["featured_photo"] == photo
    photo.status = NewsPhoto.Status.DRAFT
    photo.save()
    assert client.get(photo.get_absolute_url()).status_code == 404
    assert photo.slug not in text_of(client.get("/bg/news/"))
    assert client.get("/bg/cooperation/").context["featured_photo"] is None


@pytest.mark.parametrize("url", ["/bg/", "/bg/news/", "/bg/cooperation/", "the photo's page"])
def test_pages_send_renditions_that_exist_and_never_the_original(client, url):
    from django.core.files.storage import default_storage

    photo = NewsPhotoFactory(is_featured=True)
    if url == "the photo's page":
        url = photo.get_absolute_url()
    page = text_of(client.get(url))
    assert photo.image.url not in page
    sources = re.findall(r'srcset="([^"]+)"', page)
    assert sources
    for srcset in sources:
        for candidate in srcset.split(", "):
            url_part = candidate.split()[0]
            assert default_storage.exists(url_part.removeprefix(default_storage.base_url))
