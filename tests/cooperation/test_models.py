"""The data model's rules: database constraints, model validation, the region hierarchy."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import translation
from django.utils.translation import gettext

from cooperation.models import NewsPhoto, Region, TwinningAgreement, Visit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("initial_content")]


def region(slug):
    return Region.objects.get(slug=slug)


def test_within_brest_oblast_holds_district_village_council_and_pinsk_in_one_query(
    django_assert_num_queries,
):
    oblast = region("brest-oblast")
    with django_assert_num_queries(1):
        slugs = set(Region.objects.within(oblast).values_list("slug", flat=True))
    assert {"brest-oblast", "brest-district", "znamenka-village-council", "pinsk"} <= slugs
    assert "minsk" not in slugs and "gomel" not in slugs


def test_within_a_district_does_not_reach_its_oblast_or_siblings():
    slugs = set(Region.objects.within(region("brest-district")).values_list("slug", flat=True))
    assert slugs == {"brest-district", "znamenka-village-council"}


def test_moving_a_region_moves_everything_below_it():
    district = region("brest-district")
    district.slug = "brestsky-district"
    district.save()
    council = region("znamenka-village-council")
    assert council.path == "/brest-oblast/brestsky-district/znamenka-village-council/"
    assert council in Region.objects.within(district)


def test_ancestors_are_listed_from_the_top():
    council = region("znamenka-village-council")
    assert [r.slug for r in council.ancestors()] == ["brest-oblast", "brest-district"]


def test_stara_zagora_municipality_and_oblast_are_two_regions():
    municipality, oblast = region("stara-zagora"), region("stara-zagora-oblast")
    assert municipality.kind == Region.Kind.MUNICIPALITY
    assert oblast.kind == Region.Kind.OBLAST
    assert municipality.parent == oblast


def test_region_parent_must_be_in_the_same_country():
    town = Region(
        country="BY", kind="town", name="Тест", slug="test-town", parent=region("varna-oblast")
    )
    with pytest.raises(ValidationError) as error:
        town.full_clean()
    with translation.override("bg"):
        same_country = gettext("A region can only lie in a region of the same country.")
        assert same_country in error.value.message_dict["parent"]


def test_region_parent_must_stand_higher():
    oblast = Region(
        country="BY", kind="oblast", name="Тест", slug="test-oblast", parent=region("brest")
    )
    with pytest.raises(ValidationError) as error:
        oblast.full_clean()
    assert "parent" in error.value.message_dict


def test_region_cannot_lie_below_itself():
    district = region("brest-district")
    district.parent = district
    with pytest.raises(ValidationError) as error:
        district.full_clean()
    assert "parent" in error.value.message_dict


def test_region_slug_is_unique():
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


def new_agreement(**fields):
    values = {
        "mission_region": region("brest"),
        "host_region": region("varna"),
        "kind": TwinningAgreement.Kind.TWINNING,
        "year": 2010,
    }
    values.update(fields)
    return TwinningAgreement(**values)


def test_agreement_parties_must_be_in_the_right_countries():
    swapped = new_agreement(mission_region=region("varna"), host_region=region("brest"))
    with pytest.raises(ValidationError) as error:
        swapped.full_clean()
    assert set(error.value.message_dict) >= {"mission_region", "host_region"}


def test_agreement_date_must_fall_in_its_year():
    agreement = new_agreement(signed_on=datetime.date(2011, 3, 1))
    with pytest.raises(ValidationError) as error:
        agreement.full_clean()
    assert "2010" in error.value.message_dict["signed_on"][0]


@pytest.mark.parametrize("year", [1989, datetime.date.today().year + 1])
def test_agreement_year_outside_1990_to_this_year_is_refused(year):
    with pytest.raises(ValidationError) as error:
        new_agreement(year=year).full_clean()
    assert "year" in error.value.message_dict


def test_database_refuses_agreement_year_before_1990():
    with pytest.raises(IntegrityError), transaction.atomic():
        new_agreement(year=1980).save()


def test_same_pair_and_kind_cannot_be_agreed_twice():
    existing = TwinningAgreement.objects.get(
        mission_region__slug="minsk", host_region__slug="varna"
    )
    duplicate = new_agreement(
        mission_region=existing.mission_region, host_region=existing.host_region
    )
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    with translation.override("bg"):
        already_agreed = gettext("These two regions already have an agreement of this kind.")
        assert already_agreed in error.value.messages
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_same_pair_may_have_an_agreement_of_another_kind():
    existing = TwinningAgreement.objects.get(
        mission_region__slug="minsk", host_region__slug="varna"
    )
    other = new_agreement(
        mission_region=existing.mission_region,
        host_region=existing.host_region,
        kind=TwinningAgreement.Kind.COOPERATION,
    )
    other.full_clean()
    other.save()
    assert (
        TwinningAgreement.objects.filter(
            mission_region__slug="minsk", host_region__slug="varna"
        ).count()
        == 2
    )


def test_visit_cannot_end_before_it_starts():
    visit = Visit(
        kind=Visit.Kind.DELEGATION,
        title="Т",
        slug="t",
        start_date=datetime.date(2020, 5, 2),
        end_date=datetime.date(2020, 5, 1),
    )
    with pytest.raises(ValidationError) as error:
        visit.full_clean()
    assert "end_date" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        visit.save()


def test_photo_cannot_be_published_without_a_text_alternative():
    photo = NewsPhoto.objects.get()
    photo.alt_text_bg = ""
    with pytest.raises(ValidationError) as error:
        photo.full_clean()
    assert "alt_text" in error.value.message_dict


def test_region_with_agreements_cannot_be_deleted():
    pinsk = region("pinsk")
    with pytest.raises(ProtectedError):
        pinsk.delete()
    assert Region.objects.filter(slug="pinsk").exists()
    assert TwinningAgreement.objects.filter(mission_region__slug="pinsk").count() == 1


def test_region_with_children_cannot_be_deleted():
    with pytest.raises(ProtectedError):
        region("brest-district").delete()
    assert Region.objects.filter(slug="znamenka-village-council").exists()


def test_region_taking_part_in_a_visit_cannot_be_deleted():
    with pytest.raises(ProtectedError):
        region("stara-zagora-oblast").delete()


def test_every_region_has_a_name_in_all_four_languages():
    for place in Region.objects.all():
        for code in ("bg", "ru", "be", "en"):
            assert getattr(place, f"name_{code}"), f"{place.slug} has no name in {code}"


def jubilee_rows(jubilees):
    return [(a.jubilee_year, a.jubilee_age, a.mission_region.slug) for a in jubilees]


def test_jubilees_are_the_round_anniversaries_of_this_year_and_next(django_assert_num_queries):
    with django_assert_num_queries(1):
        rows = jubilee_rows(TwinningAgreement.objects.jubilees(datetime.date(2026, 6, 1)))
    assert len(rows) == 14
    assert (2026, 30, "svetlogorsk") in rows
    assert (2026, 10, "smorgon") in rows
    assert (2027, 30, "brest") in rows
    assert (2027, 20, "zhlobin") in rows
    assert {age for _year, age, _slug in rows} == {5, 10, 20, 25, 30}
    assert [year for year, _age, _slug in rows] == [2026] * 6 + [2027] * 8


def test_jubilees_on_another_date_count_from_that_date():
    rows = jubilee_rows(TwinningAgreement.objects.jubilees(datetime.date(2019, 12, 31)))
    assert (2019, 25, "volozhin") in rows
    assert (2020, 20, "minsk") in rows
    assert len(rows) == 26
    assert not any(age > 30 or age % 5 for _year, age, _slug in rows)


def test_an_ended_agreement_has_no_jubilee():
    TwinningAgreement.objects.filter(mission_region__slug="svetlogorsk", year=1996).update(
        status=TwinningAgreement.Status.ENDED
    )
    rows = jubilee_rows(TwinningAgreement.objects.jubilees(datetime.date(2026, 6, 1)))
    assert (2026, 30, "svetlogorsk") not in rows
    assert len(rows) == 13


def test_jubilees_with_a_known_day_come_first_in_the_order_of_the_day():
    TwinningAgreement.objects.filter(mission_region__slug="zhlobin", year=2007).update(
        signed_on=datetime.date(2007, 9, 6)
    )
    TwinningAgreement.objects.filter(mission_region__slug="brest", year=1997).update(
        signed_on=datetime.date(1997, 3, 20)
    )
    jubilees = TwinningAgreement.objects.jubilees(datetime.date(2026, 6, 1))
    in_2027 = [agreement for agreement in jubilees if agreement.jubilee_year == 2027]
    assert [agreement.jubilee_date for agreement in in_2027[:2]] == [
        datetime.date(2027, 3, 20),
        datetime.date(2027, 9, 6),
    ]
    assert all(agreement.jubilee_date is None for agreement in in_2027[2:])


def test_a_leap_day_agreement_celebrates_on_the_28th_in_a_common_year():
    agreement = TwinningAgreement.objects.get(mission_region__slug="zhlobin", year=2007)
    agreement.year, agreement.signed_on = 2004, datetime.date(2004, 2, 29)
    agreement.save()
    jubilees = TwinningAgreement.objects.jubilees(datetime.date(2029, 1, 1))
    zhlobin = next(a for a in jubilees if a.mission_region.slug == "zhlobin")
    assert (zhlobin.jubilee_year, zhlobin.jubilee_age, zhlobin.jubilee_date) == (
        2029,
        25,
        datetime.date(2029, 2, 28),
    )


def test_jubilees_are_a_queryset_that_chains_and_slices_in_the_database(
    django_assert_num_queries,
):
    everything = list(TwinningAgreement.objects.jubilees(datetime.date(2026, 6, 1)))
    with django_assert_num_queries(1):
        first = list(TwinningAgreement.objects.jubilees(datetime.date(2026, 6, 1))[:3])
    assert first == everything[:3]
    twinnings = TwinningAgreement.objects.filter(kind=TwinningAgreement.Kind.TWINNING)
    assert len(twinnings.jubilees(datetime.date(2026, 6, 1))) == len(everything)
