"""An agreement's exchanges (published visits and photos involving both parties) as subqueries
for with_last_exchange() and cooperation.activity."""

import datetime

from django.apps import apps
from django.db.models import DateField, DateTimeField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Greatest, Least, NullIf, TruncDate

from editorial.models import Publishable

from .regions import WithinPath

# "None" inside the SQL: a NULL would make SQLite's two-argument MAX() and MIN() NULL too.
NO_EXCHANGE = Value(datetime.date.min, DateField())
NOTHING_SCHEDULED = Value(datetime.datetime.max.replace(tzinfo=datetime.UTC), DateTimeField())


def within(path):
    return WithinPath("region__path", path)


def party_path(side, regions):
    """The path of the agreement's party two queries out (an UPDATE cannot join)."""
    return Subquery(regions.filter(pk=OuterRef(OuterRef(f"{side}_id"))).order_by().values("path"))


def exchange_rows(registry):
    region, visit_link, photo_link = (
        registry.get_model("cooperation", name)
        for name in ("Region", "VisitRegion", "NewsPhotoRegion")
    )
    mission = party_path("mission_region", region.objects)
    host = party_path("host_region", region.objects)
    published = Publishable.Status.PUBLISHED
    visits = visit_link.objects.filter(visit__status=published)
    photos = photo_link.objects.filter(photo__status=published).annotate(
        day=Coalesce("photo__taken_on", TruncDate("photo__publish_at"))
    )
    visit, photo = ("visit__start_date", "visit__publish_at"), ("day", "photo__publish_at")
    return [
        (visits.filter(within(mission), WithinPath("visit__regions__path", host)), *visit),
        (visits.filter(within(mission), WithinPath("visit__location__path", host)), *visit),
        (visits.filter(within(host), WithinPath("visit__location__path", mission)), *visit),
        (photos.filter(within(mission), WithinPath("photo__regions__path", host)), *photo),
    ]


def first_of_each(subqueries, pick, none):
    """`pick` (Greatest or Least) of each subquery's first value, or None."""
    return NullIf(pick(*(Coalesce(Subquery(rows[:1]), none) for rows in subqueries)), none)


def worked_out_last_exchange(now, registry=apps):
    """The day of the latest exchange published by `now`, or None."""
    latest = (
        rows.filter(**{f"{moment}__lte": now}).order_by(f"-{day}").values(day)
        for rows, day, moment in exchange_rows(registry)
    )
    return first_of_each(latest, Greatest, NO_EXCHANGE)


def next_scheduled_exchange(now, registry=apps):
    """When the first exchange published but scheduled for after `now` comes out, or None."""
    soonest = (
        rows.filter(**{f"{moment}__gt": now}).order_by(moment).values(moment)
        for rows, _day, moment in exchange_rows(registry)
    )
    return first_of_each(soonest, Least, NOTHING_SCHEDULED)
