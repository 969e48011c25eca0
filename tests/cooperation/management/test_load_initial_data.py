"""
`load_initial_data`: the embassy page's content, complete, and safe to load again.

The one place where the tests look at the initial content itself, its figures included: the
other tests build their own rows (tests/factories.py), so that correcting the content breaks
only these. The content is loaded once for the module (the `initial_content` fixture).
"""

import io
import re
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext
from reversion.models import Version

from cooperation.importers import preview_pasted_agreements, save_pasted_agreements
from cooperation.maps import AgreementMap
from cooperation.models import (
    NewsPhoto,
    NewsPhotoRegion,
    OverviewPage,
    Region,
    TwinningAgreement,
    Visit,
    VisitRegion,
)
from embassy.models import MissionLink

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("initial_content")]

# The embassy page the content was taken from (fixtures/SOURCES.md).
SEED = Path(settings.BASE_DIR) / "fixtures" / "regional-cooperation.bg.txt"


def seed_year_counts():
    """Count the pairs per year in the embassy page's own list."""
    counts = {}
    for line in SEED.read_text(encoding="utf-8").splitlines():
        match = re.match(r"(\d{4}) година: (.+)", line)
        if match:
            counts[int(match[1])] = len(match[2].split(", "))
    return counts


def content_counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Region,
            TwinningAgreement,
            Visit,
            VisitRegion,
            NewsPhoto,
            OverviewPage,
            MissionLink,
        )
    }


def test_loads_the_48_agreements_with_the_seeds_count_for_each_year():
    assert TwinningAgreement.objects.count() == 48
    years = Counter(TwinningAgreement.objects.values_list("year", flat=True))
    assert dict(years) == seed_year_counts()
    assert len(years) == 16


def test_loading_twice_changes_nothing():
    before = content_counts()
    output = io.StringIO()
    call_command("load_initial_data", stdout=output)
    assert content_counts() == before
    assert "agreements: 0 added, 48 already present" in output.getvalue()


def test_loads_into_an_empty_database():
    for model in (NewsPhoto, Visit, TwinningAgreement, MissionLink, OverviewPage):
        model.objects.all().delete()
    # Regions protect their children: delete from the leaves up.
    while Region.objects.exists():
        Region.objects.filter(children__isnull=True).delete()
    output = io.StringIO()
    call_command("load_initial_data", stdout=output)
    # Entries, not fixture rows: the rows linking visits and photos to regions are not counted.
    assert output.getvalue().splitlines()[:6] == [
        "regions: 111 added, 0 already present",
        "agreements: 48 added, 0 already present",
        "visits: 3 added, 0 already present",
        "news: 1 added, 0 already present",
        "overview: 1 added, 0 already present",
        "missions: 2 added, 0 already present",
    ]
    assert content_counts() == {
        "Region": 111,
        "TwinningAgreement": 48,
        "Visit": 3,
        "VisitRegion": 3,
        "NewsPhoto": 1,
        "OverviewPage": 1,
        "MissionLink": 2,
    }


def test_does_not_overwrite_a_staff_edit():
    minsk = Region.objects.get(slug="minsk")
    minsk.description_bg = "Столицата на Беларус."
    minsk.save()
    call_command("load_initial_data", stdout=io.StringIO())
    minsk.refresh_from_db()
    assert minsk.description_bg == "Столицата на Беларус."


def test_every_party_of_the_seed_list_is_a_region():
    text = SEED.read_text(encoding="utf-8")
    pairs = [
        re.split(r"\s*[–—]\s*", pair)
        for line in text.splitlines()
        if (match := re.match(r"\d{4} година: (.+)", line))
        for pair in match[1].split(", ")
    ]
    assert len(pairs) == 48
    agreements = TwinningAgreement.objects.with_parties()
    loaded = {(a.year, a.mission_region.name_bg, a.host_region.name_bg) for a in agreements}
    assert len(loaded) == 48
    bulgarian_names = {a.host_region.name_bg for a in agreements}
    for _mission, host in pairs:
        assert host.removeprefix("община ") in bulgarian_names


def test_stara_zagora_municipality_and_oblast_are_two_regions():
    municipality = Region.objects.get(slug="stara-zagora")
    oblast = Region.objects.get(slug="stara-zagora-oblast")
    assert municipality.kind == Region.Kind.MUNICIPALITY
    assert oblast.kind == Region.Kind.OBLAST
    assert municipality.parent == oblast


def test_every_region_has_a_name_in_all_four_languages():
    for place in Region.objects.all():
        for code in ("bg", "ru", "be", "en"):
            assert getattr(place, f"name_{code}"), f"{place.slug} has no name in {code}"


def test_every_party_is_drawn_inside_the_map():
    drawing = AgreementMap.for_agreements(list(TwinningAgreement.objects.with_parties()))
    assert len(drawing.lines) == 48
    for point in drawing.points:
        assert 0 < point["x"] < drawing.width and 0 < point["y"] < drawing.height, point["name"]


def test_the_seeds_list_pasted_in_the_admin_names_the_loaded_agreements():
    preview = preview_pasted_agreements(SEED.read_text(encoding="utf-8"))
    assert len(preview.existing) == 48
    assert preview.new == preview.unknown == preview.refused == []
    assert (
        "Списък на побратимени градове и региони на Беларус и България"
        in dict(preview.skipped_lines).values()
    )


def test_the_seeds_list_pasted_without_the_agreements_adds_them_all_back():
    loaded = set(
        TwinningAgreement.objects.values_list("year", "mission_region__slug", "host_region__slug")
    )
    TwinningAgreement.objects.all().delete()
    preview = preview_pasted_agreements(SEED.read_text(encoding="utf-8"))
    assert len(preview.new) == 48
    assert preview.unknown == preview.refused == preview.existing == []
    assert len(save_pasted_agreements(preview)) == 48
    pasted = set(
        TwinningAgreement.objects.values_list("year", "mission_region__slug", "host_region__slug")
    )
    assert pasted == loaded
    assert (2018, "znamenka-village-council", "opan") in pasted
    assert (2016, "smorgon", "antonovo") in pasted  # written with an em dash


def test_news_photo_has_its_file_dimensions_and_the_seeds_caption():
    photo = NewsPhoto.objects.get()
    assert default_storage.exists(photo.image.name)
    assert (photo.width, photo.height) == (1200, 800)
    assert "ръководството на област Стара Загора (6 септември 2021 г.)" in photo.caption_bg
    assert photo.is_featured and photo.is_published


def test_news_photo_has_its_renditions():
    photo = NewsPhoto.objects.get()
    renditions = photo.image.renditions.all
    assert [(r.format.name, r.width) for r in renditions] == [
        ("webp", 320),
        ("webp", 640),
        ("webp", 1200),
        ("jpeg", 320),
        ("jpeg", 640),
        ("jpeg", 1200),
    ]
    assert all(default_storage.exists(r.name) for r in renditions)


def test_the_two_meetings_of_twinned_cities_and_the_2021_visit():
    meetings = Visit.objects.filter(kind=Visit.Kind.TWIN_CITIES_MEETING).order_by("start_date")
    assert [(v.start_date.year, v.start_date.month) for v in meetings] == [(2000, 11), (2005, 4)]
    assert meetings[1].location.slug == "burgas"
    visit = Visit.objects.get(kind=Visit.Kind.AMBASSADOR)
    assert str(visit.start_date) == "2021-09-06"
    assert {r.slug for r in visit.regions.all()} == {"brest-oblast", "stara-zagora-oblast"}


def test_page_and_mission_links():
    page = OverviewPage.objects.get()
    assert page.title_bg == "Регионално сътрудничество"
    assert "повече от 45 споразумения" in page.body_bg
    assert all(getattr(page, f"body_{code}") for code in ("ru", "be", "en"))
    assert [link.title_en for link in MissionLink.objects.all()] == [
        "All Missions",
        "Belarus' Foreign Ministry",
    ]


def test_the_loaded_content_is_one_revision_of_the_history_with_every_language():
    agreement = TwinningAgreement.objects.get(mission_region__slug="gomel")
    region = Region.objects.get(slug="gomel")
    (agreement_version,) = Version.objects.get_for_object(agreement)
    (region_version,) = Version.objects.get_for_object(region)
    revision = agreement_version.revision
    assert region_version.revision == revision
    # The command ran in the site's default language, so the comment is stored in Bulgarian.
    with translation.override("bg"):
        assert revision.comment == gettext("Initial content, loaded from the embassy page.")
    assert revision.version_set.count() == sum(content_counts().values()) + (
        NewsPhotoRegion.objects.count()
    )
    assert region_version.field_dict["name_be"] == "Гомель"


def test_loading_again_adds_no_revision():
    before = Version.objects.count()
    call_command("load_initial_data", stdout=io.StringIO())
    assert Version.objects.count() == before
