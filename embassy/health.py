"""
/healthz, for load balancers and monitoring: each dependency's state, a line each
("cache: unreachable"). Only a database out of reach, which stops every page, makes it a 503; the
site serves pages without its cache or its worker, so a load balancer keeps the server in.
"""

import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django_tasks_db.models import DBTaskResult

from editorial.public import read_only


def database_state():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return "unreachable"
    return "ok"


def cache_state():
    """Whether the cache keeps a value: a Redis out of reach keeps nothing (and logs why)."""
    token = uuid.uuid4().hex
    cache.set("healthz", token, 10)
    return "ok" if cache.get("healthz") == token else "unreachable"


def worker_state():
    """The tasks waiting for the background worker: with the worker down, they wait long."""
    waiting = DBTaskResult.objects.ready().order_by("enqueued_at")
    oldest = waiting.values_list("enqueued_at", flat=True).first()
    if oldest is None:
        return "no task waiting"
    return f"{waiting.count()} tasks waiting, the oldest since {oldest.isoformat()}"


@read_only
def health(request):
    database = database_state()
    states = {
        "database": database,
        "cache": cache_state(),
        "worker": worker_state() if database == "ok" else "unknown",
    }
    return HttpResponse(
        "".join(f"{name}: {state}\n" for name, state in states.items()),
        content_type="text/plain",
        status=200 if database == "ok" else 503,
    )
