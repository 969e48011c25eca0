"""Publication rules and rich-text sanitizing of the content models."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from cooperation.models import NewsPhoto, OverviewPage, Visit
from tests.factories import NewsPhotoFactory, OverviewPageFactory, VisitFactory

pytestmark = pytest.mark.django_db

HOSTILE_BODY = (
    "<h2>Среща</h2><p>Текст <strong>важен</strong>"
    "<script>alert('x')</script>"
    '<img src="x" onerror="alert(1)">'
    '<a href="javascript:alert(2)">връзка</a> '
    '<a href="https://www.mfa.gov.by/" onclick="steal()">МВнР</a></p>'
)


def assert_harmless(html):
    assert "<script" not in html and "alert" not in html
    assert "onerror" not in html and "onclick" not in html
    assert "javascript:" not in html
    assert "<h2>Среща</h2>" in html and "<strong>важен</strong>" in html
    assert '<a href="https://www.mfa.gov.by/" rel="noopener noreferrer">МВнР</a>' in html


def test_a_scheduled_visit_appears_once_its_publish_time_has_passed():
    visit = VisitFactory()
    assert visit in Visit.objects.published()
    visit.publish_at = timezone.now() + datetime.timedelta(days=2)
    visit.save()
    assert visit not in Visit.objects.published()
    assert not visit.is_published
    # Two days later: nothing has to run, the time alone publishes it.
    visit.publish_at = timezone.now() - datetime.timedelta(seconds=1)
    visit.save()
    assert visit in Visit.objects.published()
    assert visit.is_published


def test_a_draft_is_not_published_whatever_its_publish_time():
    photo = NewsPhotoFactory(publish_at=timezone.now() - datetime.timedelta(days=30))
    photo.status = NewsPhoto.Status.DRAFT
    photo.save()
    assert photo not in NewsPhoto.objects.published()


def test_drafts_are_visible_only_to_staff_who_may_view_them(editor, django_user_model):
    page = OverviewPageFactory(status=OverviewPage.Status.DRAFT)
    clerk = django_user_model.objects.create_user("clerk", is_staff=True)
    former = django_user_model.objects.create_user("former", is_staff=True, is_active=False)
    visitor = django_user_model.objects.create_user("visitor")
    assert page in OverviewPage.objects.visible_to(editor)
    for user in (AnonymousUser(), visitor, clerk, former):
        assert page not in OverviewPage.objects.visible_to(user), user


def test_a_visit_body_is_stored_without_scripts_event_handlers_or_javascript_links():
    visit = VisitFactory()
    visit.body_bg = HOSTILE_BODY
    visit.body_en = HOSTILE_BODY
    visit.save()
    visit.refresh_from_db()
    assert_harmless(visit.body_bg)
    assert_harmless(visit.body_en)


def test_a_page_body_is_stored_without_scripts_event_handlers_or_javascript_links():
    page = OverviewPageFactory()
    page.body_ru = HOSTILE_BODY
    page.save()
    page.refresh_from_db()
    assert_harmless(page.body_ru)
