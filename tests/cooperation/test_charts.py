"""The timeline of agreements per year."""

import pytest
from django.utils import translation

from cooperation.charts import AgreementTimeline


@pytest.fixture(autouse=True)
def bulgarian():
    """Links are built for the active language; other tests may leave another one active."""
    with translation.override("bg"):
        yield


def test_a_bar_for_every_year_with_agreements_linking_to_that_years_list():
    timeline = AgreementTimeline({1994: 1, 1997: 4, 2000: 11, 1999: 0})
    assert [(bar.year, bar.count) for bar in timeline.bars] == [(1994, 1), (1997, 4), (2000, 11)]
    assert timeline.bars[1].url == "/bg/cooperation/agreements/?year_min=1997&year_max=1997"
    assert timeline.total == 16
    assert (timeline.first_year, timeline.last_year) == (1994, 2000)


def test_bars_stand_on_the_axis_in_the_order_of_time_with_gaps_for_empty_years():
    bars = AgreementTimeline({1994: 1, 1995: 2, 2000: 4}).bars
    assert all(round(bar.y + bar.height, 1) == AgreementTimeline.height - 30 for bar in bars)
    assert bars[2].height == 2 * bars[1].height == 4 * bars[0].height
    step = bars[1].x - bars[0].x
    assert bars[2].x - bars[1].x == pytest.approx(5 * step, abs=0.2)


def test_years_divisible_by_five_are_written_under_the_axis():
    timeline = AgreementTimeline({1994: 1, 2021: 4})
    assert [tick.year for tick in timeline.ticks] == [1995, 2000, 2005, 2010, 2015, 2020]


def test_no_bars_without_agreements():
    timeline = AgreementTimeline({})
    assert timeline.bars == [] and timeline.total == 0
