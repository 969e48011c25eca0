#!/usr/bin/env python
"""
What the partnerships' activity costs (the last exchange of each agreement, the dormant ones),
to read and to keep up to date, on the database that DATABASE_URL names, such as one filled
with demo content:

    export DATABASE_URL=sqlite:////tmp/bench.sqlite3 MEDIA_ROOT=/tmp/bench-media
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_initial_data
    .venv/bin/python -m bench.demo_data --regions 2000 --agreements 50000 \\
        --visits 5000 --photos 2000 --seed 1
    .venv/bin/python bench/activity.py

The reads change nothing; the writes (a visit saved, a region moved) are rolled back, except
`refresh_activity`, which stores what is stored already. The page cache is the process's own
(local memory).
"""

import io
import os
import sys
import time
from pathlib import Path


class RolledBack(Exception):
    pass


def timed(label, function, repeat=1):
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    print(f"{label:<62} {best * 1000:>8.0f} ms   {result}", flush=True)


def main():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "embassy.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import transaction
    from django.test import Client
    from django.utils import timezone

    from cooperation.activity import agreements_reached_by, exchange_paths
    from cooperation.models import NewsPhoto, Region, TwinningAgreement, Visit, dormant_since
    from cooperation.templatetags.cooperation_admin import dormant_partnerships

    def reached(visit):
        return agreements_reached_by(exchange_paths(Visit.objects.filter(pk=visit.pk)))

    def rolled_back(function):
        """`function()` in a transaction that is then rolled back: a write, timed, undone."""

        def run():
            result = None
            try:
                with transaction.atomic():
                    result = function()
                    raise RolledBack
            except RolledBack:
                return result

        return run

    settings.ALLOWED_HOSTS = ["localhost"]
    print(
        f"{TwinningAgreement.objects.count()} agreements, {Visit.objects.count()} visits, "
        f"{NewsPhoto.objects.count()} news photos, {settings.DATABASES['default']['ENGINE']}"
    )
    since = dormant_since(timezone.localdate())
    agreements = TwinningAgreement.objects.with_parties()
    one = agreements.order_by("pk").first()
    page = f"/bg/cooperation/agreements/{one.pk}-{one.address_slug}/"
    client = Client(HTTP_HOST="localhost")
    timed(
        "one agreement's last exchange",
        lambda: agreements.with_last_exchange().get(pk=one.pk).last_exchange,
        repeat=3,
    )
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    timed("an agreement's page, rendered", lambda: client.get(page).status_code, repeat=3)
    timed(
        "100 agreements with their last exchange (admin list)",
        lambda: len(list(agreements.with_last_exchange().order_by("-year", "pk")[:100])),
        repeat=3,
    )
    timed(
        "100 agreements by last exchange, newest first (admin sort)",
        lambda: len(list(agreements.with_last_exchange().order_by("-last_exchange", "pk")[:100])),
        repeat=3,
    )
    timed(
        "the dormant ones: count and first 25 (?dormant=yes)",
        lambda: (
            agreements.dormant(since).count(),
            len(list(agreements.dormant(since).order_by("-year", "pk")[:25])),
        ),
        repeat=3,
    )
    for address in (
        "/bg/cooperation/agreements/?dormant=yes",
        "/bg/cooperation/agreements/?active_since=2024",
        "/api/agreements/?dormant=yes",
    ):
        timed(f"{address}, rendered", lambda a=address: client.get(a).status_code, repeat=3)
    staff, _created = get_user_model().objects.get_or_create(
        username="bench-activity", defaults={"is_staff": True, "is_superuser": True}
    )
    staff_client = Client(HTTP_HOST="localhost")
    staff_client.force_login(staff)
    timed(
        "admin's agreement list by last exchange (?o=-7), rendered",
        lambda: staff_client.get("/admin/cooperation/twinningagreement/?o=-7").status_code,
        repeat=3,
    )
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    panel = lambda: len(dormant_partnerships()["agreements"])  # noqa: E731
    timed("admin's dormant panel, first", panel)
    timed("admin's dormant panel, until content changes", panel)
    staff.delete()

    # The demo visit whose regions reach the most agreements (parties at or above them).
    visit = max(
        Visit.objects.exclude(regions=None).order_by("pk")[:200],
        key=lambda visit: reached(visit).count(),
    )

    def save_visit():
        visit.save()
        return reached(visit).count()

    timed("a visit saved (rolled back)", rolled_back(save_visit), repeat=3)
    town = Region.objects.filter(kind="town", parent__isnull=False).order_by("pk").first()
    elsewhere = Region.objects.oblasts().filter(country=town.country).exclude(pk=town.parent_id)
    elsewhere = elsewhere.order_by("pk").first()

    def move_town():
        town.refresh_from_db()  # as stored: the move before it was rolled back
        town.parent = elsewhere
        town.save()
        return TwinningAgreement.objects.involving(elsewhere).count()

    timed(
        "a town moved to another oblast (rolled back)",
        rolled_back(move_town),
        repeat=3,
    )
    timed(
        "manage.py refresh_activity (every agreement)",
        lambda: call_command("refresh_activity", stdout=io.StringIO()),
    )


if __name__ == "__main__":
    main()
