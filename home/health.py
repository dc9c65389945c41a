"""What /health/ checks: can this instance reach its database, its cache and its task queue?

Each check returns nothing or raises; the view turns that into "ok" or "error" per part. Nothing
here reads or returns personal data, and the errors' texts (which may name hosts) stay in the log.
"""

import logging
import secrets

import django_rq
from django.core.cache import cache
from django.db import connection
from django.tasks import task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult
from django_tasks_rq import RQBackend

logger = logging.getLogger(__name__)


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def check_cache():
    key, value = f"health:{secrets.token_hex(8)}", secrets.token_hex(8)
    cache.set(key, value, timeout=10)
    try:
        if cache.get(key) != value:
            raise RuntimeError("the cache did not return what was just stored")
    finally:
        cache.delete(key)


def check_tasks():
    """The default backend's queue is reachable: the database queue's table answers, or RQ's Redis."""
    backend = task_backends["default"]
    if isinstance(backend, DatabaseBackend):
        DBTaskResult.objects.exists()
    elif isinstance(backend, RQBackend):
        for queue in backend.queues:
            django_rq.get_connection(queue).ping()
    # The immediate and dummy backends (tests, development) have nothing to reach.


CHECKS = {"database": check_database, "cache": check_cache, "tasks": check_tasks}


def run_checks():
    """{"database": "ok", "cache": "error", …} and whether every part is ok."""
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:
            logger.exception("Health check failed: %s", name)
            results[name] = "error"
        else:
            results[name] = "ok"
    return results, all(value == "ok" for value in results.values())
