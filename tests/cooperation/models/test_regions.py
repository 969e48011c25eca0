"""The region hierarchy and a region's rules: constraints, validation, what protects it."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import translation
from django.utils.translation import gettext

from cooperation.models import Region, TwinningAgreement
from tests.factories import (
    AgreementFactory,
    DistrictFactory,
    MunicipalityFactory,
    OblastFactory,
    TownFactory,
    VillageCouncilFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def brest_oblast():
    """An oblast with a district, a village council in the district and a town, as Brest's."""
    oblast = OblastFactory(slug="brest-oblast", name_bg="Брестска област")
    district = DistrictFactory(parent=oblast, slug="brest-district", name_bg="Брестски район")
    VillageCouncilFactory(parent=district, slug="znamenka", name_bg="Знаменски селски съвет")
    TownFactory(parent=oblast, slug="pinsk", name_bg="Пинск")
    return oblast


def slugs_within(region):
    return set(Region.objects.within(region).values_list("slug", flat=True))


def test_within_an_oblast_holds_its_district_village_council_and_town_in_one_query(
    brest_oblast, django_assert_num_queries
):
    elsewhere = TownFactory(slug="minsk")
    with django_assert_num_queries(1):
        slugs = slugs_within(brest_oblast)
    assert slugs == {"brest-oblast", "brest-district", "znamenka", "pinsk"}
    assert elsewhere.slug not in slugs


def test_within_a_district_does_not_reach_its_oblast_or_siblings(brest_oblast):
    assert slugs_within(Region.objects.get(slug="brest-district")) == {"brest-district", "znamenka"}


def test_moving_a_region_moves_everything_below_it(brest_oblast):
    district = Region.objects.get(slug="brest-district")
    district.slug = "brestsky-district"
    district.save()
    council = Region.objects.get(slug="znamenka")
    assert council.path == "/brest-oblast/brestsky-district/znamenka/"
    assert council in Region.objects.within(district)


def test_ancestors_are_listed_from_the_top(brest_oblast):
    council = Region.objects.get(slug="znamenka")
    assert [r.slug for r in council.ancestors()] == ["brest-oblast", "brest-district"]


def test_region_parent_must_be_in_the_same_country():
    town = Region(
        country="BY", kind="town", name="Тест", slug="test-town", parent=OblastFactory(country="BG")
    )
    with pytest.raises(ValidationError) as error:
        town.full_clean()
    with translation.override("bg"):
        same_country = gettext("A region can only lie in a region of the same country.")
        assert same_country in error.value.message_dict["parent"]


def test_region_parent_must_stand_higher():
    oblast = Region(
        country="BY", kind="oblast", name="Тест", slug="test-oblast", parent=TownFactory()
    )
    with pytest.raises(ValidationError) as error:
        oblast.full_clean()
    assert "parent" in error.value.message_dict


def test_region_cannot_lie_below_itself(brest_oblast):
    oblast = Region.objects.get(slug="brest-oblast")
    oblast.parent = Region.objects.get(slug="znamenka")
    with pytest.raises(ValidationError) as error:
        oblast.full_clean()
    assert "parent" in error.value.message_dict
    district = Region.objects.get(slug="brest-district")
    district.parent = district
    with pytest.raises(ValidationError) as error:
        district.full_clean()
    assert "parent" in error.value.message_dict


def test_region_slug_is_unique():
    MunicipalityFactory(slug="burgas")
    duplicate = Region(country="BG", kind="municipality", name="Бургас", slug="burgas")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "slug" in error.value.message_dict


@pytest.mark.parametrize(("latitude", "longitude"), [(91, 25), (42, 181), (None, 25), (42, None)])
def test_database_refuses_coordinates_out_of_range_or_half_given(latitude, longitude):
    with pytest.raises(IntegrityError), transaction.atomic():
        Region.objects.create(
            country="BG", kind="town", name="Х", slug="x", latitude=latitude, longitude=longitude
        )


def test_model_validation_names_the_coordinate_problem():
    place = Region(country="BG", kind="town", name="Х", slug="x", latitude=95, longitude=25)
    with pytest.raises(ValidationError) as error:
        place.full_clean()
    assert "latitude" in error.value.message_dict


def test_region_with_agreements_cannot_be_deleted():
    agreement = AgreementFactory()
    town = agreement.mission_region
    with pytest.raises(ProtectedError):
        town.delete()
    assert Region.objects.filter(pk=town.pk).exists()
    assert list(TwinningAgreement.objects.filter(mission_region=town)) == [agreement]


def test_region_with_children_cannot_be_deleted():
    council = VillageCouncilFactory()
    with pytest.raises(ProtectedError):
        council.parent.delete()
    assert Region.objects.filter(pk=council.pk).exists()


def test_region_taking_part_in_a_visit_cannot_be_deleted():
    oblast = OblastFactory(country="BG")
    VisitFactory(regions=[oblast])
    with pytest.raises(ProtectedError):
        oblast.delete()
    assert Region.objects.filter(pk=oblast.pk).exists()
