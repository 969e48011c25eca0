"""The jubilee calendar (cooperation.models.jubilees): the agreements' round anniversaries."""

import datetime

import pytest

from cooperation.models import TwinningAgreement
from tests.factories import AgreementFactory

pytestmark = pytest.mark.django_db


def jubilee_rows(jubilees):
    return [(a.jubilee_year, a.jubilee_age, a.mission_region.slug) for a in jubilees]


@pytest.fixture
def agreements_of_many_years():
    """Agreements whose round anniversaries fall, or do not fall, in 2026 and 2027; each town is
    named after its agreement's year."""
    for year in (1991, 1995, 1996, 1997, 2003, 2007, 2016, 2022):
        AgreementFactory(year=year, mission_region__slug=f"signed-{year}")


def test_jubilees_are_the_round_anniversaries_of_this_year_and_next(
    agreements_of_many_years, django_assert_num_queries
):
    with django_assert_num_queries(1):
        rows = jubilee_rows(TwinningAgreement.objects.jubilees(datetime.date(2026, 6, 1)))
    # 1991 (35 and 36 years), 1995 (31, 32) and 2003 (23, 24) have none.
    assert rows == [
        (2026, 30, "signed-1996"),
        (2026, 10, "signed-2016"),
        (2027, 30, "signed-1997"),
        (2027, 20, "signed-2007"),
        (2027, 5, "signed-2022"),
    ]


def test_jubilees_on_another_date_count_from_that_date(agreements_of_many_years):
    AgreementFactory(year=2009, mission_region__slug="signed-2009")
    rows = jubilee_rows(TwinningAgreement.objects.jubilees(datetime.date(2019, 12, 31)))
    assert rows == [(2019, 10, "signed-2009"), (2020, 25, "signed-1995")]


def test_an_ended_agreement_has_no_jubilee(agreements_of_many_years):
    TwinningAgreement.objects.filter(mission_region__slug="signed-1996").update(
        status=TwinningAgreement.Status.ENDED
    )
    rows = jubilee_rows(TwinningAgreement.objects.jubilees(datetime.date(2026, 6, 1)))
    assert (2026, 30, "signed-1996") not in rows
    assert len(rows) == 4


def test_jubilees_with_a_known_day_come_first_in_the_order_of_the_day(agreements_of_many_years):
    TwinningAgreement.objects.filter(mission_region__slug="signed-2022").update(
        signed_on=datetime.date(2022, 9, 6)
    )
    TwinningAgreement.objects.filter(mission_region__slug="signed-2007").update(
        signed_on=datetime.date(2007, 3, 20)
    )
    jubilees = TwinningAgreement.objects.jubilees(datetime.date(2026, 6, 1))
    in_2027 = [agreement for agreement in jubilees if agreement.jubilee_year == 2027]
    assert [(a.mission_region.slug, a.jubilee_date) for a in in_2027] == [
        ("signed-2007", datetime.date(2027, 3, 20)),
        ("signed-2022", datetime.date(2027, 9, 6)),
        ("signed-1997", None),
    ]


def test_a_leap_day_agreement_celebrates_on_the_28th_in_a_common_year():
    agreement = AgreementFactory(year=2004, signed_on=datetime.date(2004, 2, 29))
    (jubilee,) = TwinningAgreement.objects.jubilees(datetime.date(2029, 1, 1))
    assert jubilee == agreement
    assert (jubilee.jubilee_year, jubilee.jubilee_age, jubilee.jubilee_date) == (
        2029,
        25,
        datetime.date(2029, 2, 28),
    )


def test_jubilees_are_a_queryset_that_chains_and_slices_in_the_database(
    agreements_of_many_years, django_assert_num_queries
):
    everything = list(TwinningAgreement.objects.jubilees(datetime.date(2026, 6, 1)))
    with django_assert_num_queries(1):
        first = list(TwinningAgreement.objects.jubilees(datetime.date(2026, 6, 1))[:3])
    assert first == everything[:3]
    AgreementFactory(year=2016, kind=TwinningAgreement.Kind.COOPERATION)
    twinnings = TwinningAgreement.objects.filter(kind=TwinningAgreement.Kind.TWINNING)
    assert list(twinnings.jubilees(datetime.date(2026, 6, 1))) == everything


@pytest.mark.parametrize(
    ("year", "signed_on", "expected"),
    [
        (1997, None, (2027, 30, None)),
        (2001, datetime.date(2001, 3, 14), (2026, 25, datetime.date(2026, 3, 14))),
        (2026, None, (2031, 5, None)),
        (1991, None, (2026, 35, None)),
    ],
)
def test_the_coming_jubilee_is_the_next_round_anniversary(year, signed_on, expected):
    agreement = TwinningAgreement(year=year, signed_on=signed_on)
    assert tuple(agreement.next_jubilee(datetime.date(2026, 6, 1))) == expected


def test_an_ended_agreement_has_no_coming_jubilee():
    agreement = TwinningAgreement(year=2001, status=TwinningAgreement.Status.ENDED)
    assert agreement.next_jubilee(datetime.date(2026, 6, 1)) is None
