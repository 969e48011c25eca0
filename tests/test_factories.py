"""The factories build valid rows of every kind, each with what a page needs to show it."""

import pytest
from django.core.files.storage import default_storage

from tests.factories import (
    AgreementFactory,
    MissionLinkFactory,
    NewsPhotoFactory,
    OverviewPageFactory,
    PageFactory,
    StaffFactory,
    TownFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db


def test_an_agreement_joins_a_town_of_the_mission_country_and_a_host_municipality():
    agreement = AgreementFactory()
    agreement.full_clean()
    assert (agreement.mission_region.country, agreement.host_region.country) == ("BY", "BG")
    assert agreement.mission_region.path.startswith(agreement.mission_region.parent.path)


def test_visits_and_photos_are_published_with_their_regions_and_renditions():
    town = TownFactory()
    visit = VisitFactory(regions=[town], location=town)
    photo = NewsPhotoFactory(regions=[town], visit=visit)
    assert visit.is_published and photo.is_published
    assert list(visit.regions.all()) == [town] == list(photo.regions.all())
    assert all(default_storage.exists(r.name) for r in photo.image.renditions)
    photo.full_clean()


def test_pages_links_and_staff():
    assert OverviewPageFactory().is_published and PageFactory().is_published
    assert MissionLinkFactory().url.startswith("https://")
    editor = StaffFactory(role="Editor")
    assert editor.is_staff and editor.has_perm("cooperation.change_visit")
    assert not editor.has_perm("cooperation.publish_visit")
