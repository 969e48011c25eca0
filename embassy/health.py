"""/healthz: each dependency's state, a line each; a 503 only when the database is unreachable."""

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
    token = uuid.uuid4().hex
    cache.set("healthz", token, 10)  # A Redis out of reach keeps nothing (and logs why).
    return "ok" if cache.get("healthz") == token else "unreachable"


def worker_state():
    """Tasks the background worker has not taken: with the worker down, they wait on."""
    waiting = DBTaskResult.objects.ready().order_by("enqueued_at")
    if oldest := waiting.values_list("enqueued_at", flat=True).first():
        return f"{waiting.count()} tasks waiting, the oldest since {oldest.isoformat()}"
    return "no task waiting"


@read_only
def health(request):
    database = database_state()
    worker = worker_state() if database == "ok" else "unknown"
    body = f"database: {database}\ncache: {cache_state()}\nworker: {worker}\n"
    return HttpResponse(body, content_type="text/plain", status=200 if database == "ok" else 503)
