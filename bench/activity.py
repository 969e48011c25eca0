#!/usr/bin/env python
"""
What working out the partnerships' activity costs (the last exchange of each agreement, the
dormant ones), on the database that DATABASE_URL names, such as one filled with demo content:

    export DATABASE_URL=sqlite:////tmp/bench.sqlite3 MEDIA_ROOT=/tmp/bench-media
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_initial_data
    .venv/bin/python manage.py generate_demo_data --regions 2000 --agreements 50000 \\
        --visits 5000 --photos 2000 --seed 1
    .venv/bin/python bench/activity.py

It reads only; the page cache is the process's own (local memory).
"""

import os
import sys
import time
from pathlib import Path


def timed(label, function, repeat=1):
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    print(f"{label:<58} {best * 1000:>8.0f} ms   {result}", flush=True)


def main():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "embassy.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client
    from django.utils import timezone

    from cooperation.models import NewsPhoto, TwinningAgreement, Visit, dormant_since
    from cooperation.templatetags.cooperation_admin import dormant_partnerships

    settings.ALLOWED_HOSTS = ["localhost"]
    print(
        f"{TwinningAgreement.objects.count()} agreements, {Visit.objects.count()} visits, "
        f"{NewsPhoto.objects.count()} news photos, {settings.DATABASES['default']['ENGINE']}"
    )
    since = dormant_since(timezone.localdate())
    agreements = TwinningAgreement.objects.with_parties()
    one = agreements.order_by("pk").first()
    page = f"/bg/cooperation/agreements/{one.pk}-{one.address_slug}/"
    timed(
        "one agreement's last exchange",
        lambda: agreements.with_last_exchange().get(pk=one.pk).last_exchange,
        repeat=3,
    )
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    timed(
        "an agreement's page, rendered",
        lambda: Client().get(page, HTTP_HOST="localhost").status_code,
        repeat=3,
    )
    timed(
        "100 agreements with their last exchange (admin list)",
        lambda: len(list(agreements.with_last_exchange().order_by("-year", "pk")[:100])),
        repeat=3,
    )
    timed(
        "the dormant ones: count and first 25 (?dormant=yes)",
        lambda: (
            agreements.dormant(since).count(),
            len(list(agreements.dormant(since).order_by("-year", "pk")[:25])),
        ),
    )
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    panel = lambda: len(dormant_partnerships()["agreements"])  # noqa: E731
    timed("admin's dormant panel, first", panel)
    timed("admin's dormant panel, until content changes", panel)


if __name__ == "__main__":
    main()
