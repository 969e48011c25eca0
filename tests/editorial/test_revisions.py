"""Comparing versions and restoring one entry (editorial.revisions)."""

import pytest
import reversion
from reversion.models import Version

from cooperation.models import Region, Visit, VisitRegion
from editorial.revisions import child_relations, compare_versions, marked_difference, revert_entry
from tests.factories import OblastFactory, RegionFactory, VisitFactory

pytestmark = pytest.mark.django_db


def test_marked_difference_marks_words_and_escapes_markup():
    before, after = marked_difference("<p>Среща в Бургас</p>", "<p>Среща в Стара Загора</p>")
    assert before == "&lt;p&gt;Среща в <del>Бургас&lt;/p&gt;</del>"
    assert after == "&lt;p&gt;Среща в <ins>Стара Загора&lt;/p&gt;</ins>"


def save_revision(entry):
    with reversion.create_revision():
        entry.save()
    return Version.objects.get_for_object(entry).first()


def test_a_version_holds_every_language_and_a_comparison_names_the_language():
    region = RegionFactory(name_bg="Гомел", name_ru="Гомель", name_be="Гомель", name_en="Gomel")
    first = save_revision(region)
    assert first.field_dict["name_be"] == "Гомель"
    region.name_be = "Гомель (горад)"
    second = save_revision(region)
    (change,) = compare_versions(first, second)
    assert change.label == str(Region._meta.get_field("name_be").verbose_name)
    assert change.after == "Гомель<ins> (горад)</ins>"


def test_comparing_a_visit_shows_the_regions_that_joined_it():
    visit = VisitFactory(regions=[OblastFactory(country="BG")])
    children = child_relations(Visit, [VisitRegion])
    first = save_revision(visit)
    VisitRegion.objects.create(visit=visit, region=RegionFactory(name_bg="Брест"))
    second = save_revision(visit)
    (change,) = compare_versions(first, second, children)
    assert change.label == str(VisitRegion._meta.verbose_name_plural)
    assert "<ins>" in change.after and "Брест" in change.after


def test_reverting_a_visit_takes_away_regions_added_since():
    visit = VisitFactory(regions=[OblastFactory(country="BG"), OblastFactory()])
    children = child_relations(Visit, [VisitRegion])
    first = save_revision(visit)
    regions = set(visit.regions.all())
    VisitRegion.objects.create(visit=visit, region=RegionFactory())
    visit.title_bg = "Друго заглавие"
    save_revision(visit)
    restored = revert_entry(first, children)
    assert set(restored.regions.all()) == regions
    assert restored.title_bg != "Друго заглавие"
