"""CSV and Excel rows of regions and agreements: natural keys, a column per language, validation."""

import pytest
import tablib
from PIL import Image

from cooperation.models import Region, TwinningAgreement
from cooperation.resources import RegionResource, TwinningAgreementResource
from tests.factories import (
    AgreementFactory,
    DistrictFactory,
    MunicipalityFactory,
    OblastFactory,
    RegionFactory,
    TownFactory,
    VillageCouncilFactory,
    twinned_regions,
)
from tests.photos.image_files import image_bytes, upload

pytestmark = pytest.mark.django_db


def dataset(headers, *rows):
    return tablib.Dataset(*rows, headers=headers)


def test_region_export_has_slugs_parent_slugs_and_every_languages_name():
    VillageCouncilFactory(
        parent=DistrictFactory(slug="brest-district"),
        slug="znamenka-village-council",
        name_bg="Знаменски селски съвет",
        name_ru="Знаменский сельсовет",
        name_en="Znamenka Village Council",
    )
    exported = RegionResource().export(Region.objects.filter(slug="znamenka-village-council"))
    (row,) = exported.dict
    assert row["slug"] == "znamenka-village-council"
    assert row["parent"] == "brest-district"
    assert row["name_bg"] == "Знаменски селски съвет"
    assert row["name_ru"] == "Знаменский сельсовет"
    assert row["name_en"] == "Znamenka Village Council"
    assert "id" not in row and "path" not in row
    assert row["coat_of_arms"] == ""


def test_region_export_names_the_coat_of_arms_file_and_importing_it_back_changes_nothing():
    region = TownFactory(slug="pinsk")
    region.coat_of_arms = upload("pinsk.png", image_bytes(Image.new("RGB", (60, 70)), "PNG"))
    region.save()
    exported = RegionResource().export(Region.objects.filter(pk=region.pk))
    assert exported.dict[0]["coat_of_arms"] == region.coat_of_arms.name
    result = RegionResource().import_data(exported, dry_run=True)
    assert not result.has_errors() and not result.has_validation_errors()
    assert [row.import_type for row in result.rows] == ["skip"]


def test_agreement_export_names_the_parties_by_slug_and_by_name():
    agreement = AgreementFactory(
        mission_region=RegionFactory(slug="gomel"),
        host_region=MunicipalityFactory(slug="burgas", name_bg="Бургас"),
        year=1998,
    )
    (row,) = (
        TwinningAgreementResource().export(TwinningAgreement.objects.filter(pk=agreement.pk)).dict
    )
    assert (row["mission_region"], row["host_region"], row["kind"], row["year"]) == (
        "gomel",
        "burgas",
        "twinning",
        "1998",
    )
    assert row["host_region_name"] == "Бургас"


def test_exported_agreements_imported_again_change_nothing():
    twinned_regions()
    exported = TwinningAgreementResource().export()
    result = TwinningAgreementResource().import_data(exported, dry_run=True)
    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["skip"] == TwinningAgreement.objects.count() == 6
    assert result.totals["new"] == result.totals["update"] == 0


def test_a_new_region_is_created_under_its_parent_given_by_slug():
    OblastFactory(slug="brest-oblast")
    data = dataset(
        ["slug", "country", "kind", "parent", "name_bg", "name_ru", "name_en"],
        ["kamenets", "BY", "town", "brest-oblast", "Каменец", "Каменец", "Kamenets"],
    )
    result = RegionResource().import_data(data, rollback_on_validation_errors=True)
    assert result.totals["new"] == 1
    kamenets = Region.objects.get(slug="kamenets")
    assert kamenets.path == "/brest-oblast/kamenets/"
    assert kamenets.name_ru == "Каменец"


def test_a_row_with_an_unknown_parent_is_refused_with_the_reason():
    data = dataset(
        ["slug", "country", "kind", "parent", "name_bg"],
        ["kamenets", "BY", "town", "nowhere-oblast", "Каменец"],
    )
    result = RegionResource().import_data(data, dry_run=True)
    assert result.has_validation_errors()
    (invalid,) = result.invalid_rows
    assert "nowhere-oblast" in str(invalid.error_dict)


def test_only_the_columns_in_the_file_are_changed():
    RegionFactory(slug="minsk", name_bg="Минск", name_be="Мінск")
    data = dataset(["slug", "name_be"], ["minsk", "Мінск (сталіца)"])
    result = RegionResource().import_data(data, rollback_on_validation_errors=True)
    assert result.totals["update"] == 1
    minsk = Region.objects.get(slug="minsk")
    assert minsk.name_be == "Мінск (сталіца)"
    assert minsk.name_bg == "Минск"
    assert minsk.country == "BY"


def test_exported_regions_imported_again_change_nothing():
    twinned_regions()
    exported = RegionResource().export()
    result = RegionResource().import_data(exported, dry_run=True)
    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["skip"] == Region.objects.count()
