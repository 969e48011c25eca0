"""The jubilee calendar: the round anniversaries of agreements that the embassy marks."""

import datetime
from typing import NamedTuple

from django.db import models
from django.db.models import Case, Func, Value, When

JUBILEE_AGES = (5, 10, 15, 20, 25, 30)


def jubilee_years(today):
    return (today.year, today.year + 1)


def same_day_in(year, day):
    """The day and month of `day` in another year (28 February for a 29th)."""
    try:
        return day.replace(year=year)
    except ValueError:
        return day.replace(year=year, day=28)


class MonthAndDay(Func):
    """A date's month and day as the text "MMDD"."""

    output_field = models.CharField()
    template = "TO_CHAR(%(expressions)s, 'MMDD')"

    def as_sqlite(self, compiler, connection, **extra_context):
        # Per cent signs doubled twice: for this template, then for the query's parameters.
        template = "STRFTIME('%%%%m%%%%d', %(expressions)s)"
        return self.as_sql(compiler, connection, template=template, **extra_context)


class Jubilee(NamedTuple):
    year: int
    age: int
    day: datetime.date | None


class JubileeQuerySet(models.QuerySet):
    def jubilees(self, today):
        """The agreements (not ended) turning one of JUBILEE_AGES this year or next."""
        this_year, next_year = jubilee_years(today)
        return (
            self.filter(
                year__in=[year - age for year in (this_year, next_year) for age in JUBILEE_AGES]
            )
            .exclude(status=self.model.Status.ENDED)
            .annotate(
                jubilee_year=Case(
                    When(year__in=[this_year - age for age in JUBILEE_AGES], then=Value(this_year)),
                    default=Value(next_year),
                )
            )
            .order_by("jubilee_year", MonthAndDay("signed_on").asc(nulls_last=True), "pk")
            .with_parties()
        )


class JubileeMixin:
    """`jubilee_year` comes from jubilees()."""

    @property
    def jubilee_age(self):
        return self.jubilee_year - self.year

    @property
    def jubilee_date(self):
        return same_day_in(self.jubilee_year, self.signed_on) if self.signed_on else None

    def next_jubilee(self, today):
        if self.status == self.Status.ENDED:
            return None
        step = JUBILEE_AGES[0]
        age = max(step, -(-(today.year - self.year) // step) * step)
        year = self.year + age
        return Jubilee(year, age, same_day_in(year, self.signed_on) if self.signed_on else None)
