"""CSV and Excel rows of regions and agreements: natural keys, a column per language, validation."""

import pytest
import tablib
from django.utils.translation import gettext
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


# Large files: the regions and entries a file names are read before its first row, new entries
# are written in batches (editorial.resources); each row still meets the file's earlier rows.


def import_regions(*rows, headers=("slug", "country", "kind", "parent", "name_bg"), **options):
    options = {"rollback_on_validation_errors": True, **options}
    return RegionResource().import_data(dataset(list(headers), *rows), **options)


def refusals(result):
    return {
        (invalid.number, column): list(messages)
        for invalid in result.invalid_rows
        for column, messages in invalid.error_dict.items()
    }


def test_a_slug_given_twice_creates_the_region_then_changes_it():
    oblast = OblastFactory()
    result = import_regions(
        ["t-kobrin", "BY", "town", oblast.slug, "Кобрин"],
        ["t-kobrin", "BY", "town", oblast.slug, "Кобрин (град)"],
    )
    assert [row.import_type for row in result.rows] == ["new", "update"]
    assert Region.objects.get(slug="t-kobrin").name_bg == "Кобрин (град)"


def test_a_region_lies_in_a_region_an_earlier_row_of_the_file_creates():
    oblast = OblastFactory()
    result = import_regions(
        ["t-kobrin-district", "BY", "district", oblast.slug, "Кобрински район"],
        ["t-kobrin", "BY", "town", "t-kobrin-district", "Кобрин"],
        ["t-gorodets", "BY", "village_council", "t-kobrin-district", "Городецки съвет"],
        ["t-gorodets-village", "BY", "village", "t-gorodets", "Городец"],
    )
    assert result.totals["new"] == 4
    village = Region.objects.get(slug="t-gorodets-village")
    assert village.path == f"/{oblast.slug}/t-kobrin-district/t-gorodets/t-gorodets-village/"
    assert village.parent.parent == Region.objects.get(slug="t-kobrin-district")
    # Found by its names, as a region saved in a form is.
    assert village in Region.objects.search("городец")
    # Each row names its region, for the admin's log.
    slugs = ["t-kobrin-district", "t-kobrin", "t-gorodets", "t-gorodets-village"]
    assert [row.object_id for row in result.rows] == [
        Region.objects.get(slug=slug).pk for slug in slugs
    ]


@pytest.mark.parametrize("batch_size", [500, 2])
def test_a_row_the_database_refuses_is_reported_with_its_row_and_the_reason(batch_size):
    oblast = OblastFactory()
    rows = [[f"t-village-{n}", "BY", "village", oblast.slug, "Село", 52.1, 23.7] for n in range(5)]
    rows[3][-1] = ""  # a latitude without its longitude
    headers = ["slug", "country", "kind", "parent", "name_bg", "latitude", "longitude"]
    for dry_run in (True, False):
        resource = RegionResource()
        resource.BATCH_SIZE = batch_size
        result = resource.import_data(
            dataset(headers, *rows), dry_run=dry_run, rollback_on_validation_errors=True
        )
        assert not result.has_errors()
        assert refusals(result) == {
            (4, "__all__"): [gettext("Give both the latitude and the longitude, or neither.")]
        }
        assert result.totals["new"] == 4
    assert not Region.objects.filter(slug__startswith="t-village-").exists()


def test_a_row_that_moves_a_region_moves_what_lies_below_it_for_the_rows_after_it():
    district = RegionFactory(kind="district", parent=OblastFactory())
    council = RegionFactory(kind="village_council", parent=district)
    village = RegionFactory(kind="village", parent=council)
    other_oblast = OblastFactory()
    result = import_regions(
        [district.slug, "BY", "district", other_oblast.slug, "Преместен район"],
        [village.slug, "BY", "village", council.slug, "Преименувано село"],
    )
    assert result.totals["update"] == 2
    village.refresh_from_db()
    assert village.name_bg == "Преименувано село"
    assert village.path == f"/{other_oblast.slug}/{district.slug}/{council.slug}/{village.slug}/"


def test_a_refused_row_changes_nothing_the_rows_after_it_see():
    district = RegionFactory(kind="district", parent=OblastFactory())
    result = import_regions(
        # Refused: a Bulgarian district cannot lie in a Belarusian oblast.
        [district.slug, "BG", "district", district.parent.slug, "Район"],
        # Checked against the district as it is stored: Belarusian.
        ["t-new-town", "BY", "town", district.slug, "Град"],
        dry_run=True,
    )
    assert list(refusals(result)) == [(1, "parent")]
    assert [row.import_type for row in result.valid_rows()] == ["new"]


def test_an_agreement_is_found_by_its_parties_and_kind_and_changed():
    agreement = AgreementFactory(year=2001)
    other_kind = AgreementFactory(
        mission_region=agreement.mission_region,
        host_region=agreement.host_region,
        kind=TwinningAgreement.Kind.COOPERATION,
    )
    parties = [agreement.mission_region.slug, agreement.host_region.slug]
    result = TwinningAgreementResource().import_data(
        dataset(["mission_region", "host_region", "kind", "year"], [*parties, "twinning", 2005]),
        rollback_on_validation_errors=True,
    )
    assert [row.import_type for row in result.rows] == ["update"]
    assert result.rows[0].object_id == agreement.pk
    agreement.refresh_from_db()
    other_kind.refresh_from_db()
    assert (agreement.year, other_kind.year) == (2005, 2000)


def test_a_file_is_checked_without_a_query_per_cell_or_constraint(django_assert_max_num_queries):
    oblast = OblastFactory()
    rows = [[f"t-village-{n}", "BY", "village", oblast.slug, "Село"] for n in range(300)]
    # A savepoint around each row (two statements); the rest does not grow with the rows.
    with django_assert_max_num_queries(2 * len(rows) + 20):
        result = import_regions(*rows, dry_run=True)
    assert result.totals["new"] == 300
