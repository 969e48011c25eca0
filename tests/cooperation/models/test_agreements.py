"""A partnership's activity: its last exchange and how long it has been silent."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from cooperation.models import Region, TwinningAgreement, dormant_since
from tests.factories import (
    AgreementFactory,
    MunicipalityFactory,
    NewsPhotoFactory,
    OblastFactory,
    TownFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair():
    """Town 1 and a Bulgarian municipality, twinned in 2005."""
    return AgreementFactory(year=2005)


def activity(agreement):
    return TwinningAgreement.objects.with_last_exchange().get(pk=agreement.pk)


def test_the_last_exchange_is_the_latest_published_visit_of_both_parties(pair):
    town, municipality = pair.mission_region, pair.host_region
    VisitFactory(regions=[town, municipality], start_date=datetime.date(2019, 5, 3))
    VisitFactory(location=municipality, regions=[town], start_date=datetime.date(2021, 9, 6))
    assert activity(pair).last_exchange == datetime.date(2021, 9, 6)
    assert activity(pair).silent_since == datetime.date(2021, 9, 6)


def test_a_visit_of_units_within_the_parties_counts_for_their_oblasts():
    town, municipality = TownFactory(), MunicipalityFactory()
    oblasts = AgreementFactory(mission_region=town.parent, host_region=municipality.parent)
    VisitFactory(regions=[town, municipality], start_date=datetime.date(2022, 3, 1))
    assert activity(oblasts).last_exchange == datetime.date(2022, 3, 1)


def test_a_visit_of_one_side_only_or_of_the_oblast_above_a_party_does_not_count(pair):
    town, municipality = pair.mission_region, pair.host_region
    VisitFactory(regions=[town], start_date=datetime.date(2022, 1, 1))
    VisitFactory(regions=[town.parent, municipality.parent], start_date=datetime.date(2022, 2, 1))
    VisitFactory(regions=[town, MunicipalityFactory()], start_date=datetime.date(2022, 3, 1))
    assert activity(pair).last_exchange is None


def test_drafts_and_scheduled_visits_do_not_count(pair):
    parties = [pair.mission_region, pair.host_region]
    VisitFactory(regions=parties, status="draft", start_date=datetime.date(2022, 1, 1))
    VisitFactory(
        regions=parties,
        publish_at=timezone.now() + datetime.timedelta(days=1),
        start_date=datetime.date(2022, 2, 1),
    )
    assert activity(pair).last_exchange is None


def test_a_photo_of_both_parties_counts_by_the_day_it_was_taken_or_else_published(pair):
    parties = [pair.mission_region, pair.host_region]
    VisitFactory(regions=parties, start_date=datetime.date(2020, 1, 1))
    NewsPhotoFactory(regions=parties, taken_on=datetime.date(2021, 6, 1))
    assert activity(pair).last_exchange == datetime.date(2021, 6, 1)
    NewsPhotoFactory(regions=parties, taken_on=None)
    assert activity(pair).last_exchange == timezone.localdate() - datetime.timedelta(days=1)


def test_an_agreement_never_visited_is_silent_since_its_signing(pair):
    assert activity(pair).last_exchange is None
    assert activity(pair).silent_since == datetime.date(2005, 1, 1)
    TwinningAgreement.objects.filter(pk=pair.pk).update(signed_on=datetime.date(2005, 10, 12))
    assert activity(pair).silent_since == datetime.date(2005, 10, 12)


def test_the_activity_of_any_number_of_agreements_is_one_query(django_assert_num_queries):
    for _ in range(3):
        agreement = AgreementFactory()
        VisitFactory(regions=[agreement.mission_region, agreement.host_region])
    AgreementFactory.create_batch(2)
    with django_assert_num_queries(1):
        agreements = list(TwinningAgreement.objects.with_parties().with_last_exchange())
    assert len(agreements) == 5
    assert sum(agreement.last_exchange is not None for agreement in agreements) == 3


def test_dormant_partnerships_are_those_silent_too_long_the_longest_silence_first():
    since = datetime.date(2020, 11, 30)
    visited_long_ago = AgreementFactory(year=2001)
    VisitFactory(
        regions=[visited_long_ago.mission_region, visited_long_ago.host_region],
        start_date=datetime.date(2015, 4, 2),
    )
    visited_lately = AgreementFactory(year=2001)
    VisitFactory(
        regions=[visited_lately.mission_region, visited_lately.host_region],
        start_date=datetime.date(2021, 4, 2),
    )
    never_visited = AgreementFactory(year=2008)
    signed_lately = AgreementFactory(year=2021)
    ended = AgreementFactory(year=2001, status=TwinningAgreement.Status.ENDED)
    ours = [visited_long_ago, visited_lately, never_visited, signed_lately, ended]
    in_test = TwinningAgreement.objects.filter(pk__in=[agreement.pk for agreement in ours])

    dormant = in_test.dormant(since).order_by("silent_since")
    assert list(dormant) == [never_visited, visited_long_ago]
    assert set(in_test.not_dormant(since)) == {visited_lately, signed_lately, ended}
    assert list(in_test.active_since(datetime.date(2021, 1, 1))) == [visited_lately]


def test_dormant_counts_years_from_the_setting(settings):
    settings.COOPERATION_DORMANT_AFTER_YEARS = 3
    assert dormant_since(datetime.date(2026, 5, 1)) == datetime.date(2023, 5, 1)
    assert dormant_since(datetime.date(2024, 2, 29)) == datetime.date(2021, 2, 28)


def test_an_oblast_party_shows_where_it_lies_in_one_query(django_assert_num_queries):
    oblast = OblastFactory(country="BG")
    municipality = MunicipalityFactory(parent=oblast)
    town = TownFactory()
    with django_assert_num_queries(1):
        above = list(Region.objects.above(town, municipality))
    assert municipality.ancestors(among=above) == [oblast]
    assert town.ancestors(among=above) == [town.parent]


def new_agreement(**fields):
    values = {
        "mission_region": TownFactory(),
        "host_region": MunicipalityFactory(),
        "kind": TwinningAgreement.Kind.TWINNING,
        "year": 2010,
    }
    values.update(fields)
    return TwinningAgreement(**values)


def test_agreement_parties_must_be_in_the_right_countries():
    swapped = new_agreement(mission_region=MunicipalityFactory(), host_region=TownFactory())
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
    existing = AgreementFactory()
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
    existing = AgreementFactory(kind=TwinningAgreement.Kind.TWINNING)
    other = new_agreement(
        mission_region=existing.mission_region,
        host_region=existing.host_region,
        kind=TwinningAgreement.Kind.COOPERATION,
    )
    other.full_clean()
    other.save()
    pair = TwinningAgreement.objects.filter(
        mission_region=existing.mission_region, host_region=existing.host_region
    )
    assert set(pair) == {existing, other}
