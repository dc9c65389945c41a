import json

import pytest
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db

UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"


def test_health_is_ok_when_database_cache_and_task_queue_answer(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

    response = client.get("/health/")

    assert response.status_code == 200
    assert json.loads(response.content) == {"database": "ok", "cache": "ok", "tasks": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert not response.cookies


def test_health_names_the_cache_when_redis_is_unreachable(client, settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": UNREACHABLE_REDIS}
    }

    response = client.get("/health/")

    assert response.status_code == 503
    assert json.loads(response.content) == {"database": "ok", "cache": "error", "tasks": "ok"}
    # Which host failed stays in the log, out of the public answer.
    assert b"127.0.0.1" not in response.content


def test_health_names_the_task_queue_when_its_table_is_missing(client, settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    monkeypatch.setattr(DBTaskResult._meta, "db_table", "no_such_task_table")

    response = client.get("/health/")

    assert response.status_code == 503
    assert json.loads(response.content)["tasks"] == "error"


def test_health_has_no_language_prefix_and_refuses_writes(client):
    assert client.get("/fr/health/").status_code == 404
    assert client.post("/health/").status_code == 405


def test_health_names_the_task_queue_when_rqs_redis_is_unreachable(client, settings):
    settings.RQ_QUEUES = {"default": {"URL": UNREACHABLE_REDIS}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}

    response = client.get("/health/")

    assert response.status_code == 503
    assert json.loads(response.content) == {"database": "ok", "cache": "ok", "tasks": "error"}


def test_health_is_ok_with_the_rq_queue_when_redis_answers(client, settings):
    settings.RQ_QUEUES = {"default": {"URL": "redis://127.0.0.1:6379/12"}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}

    response = client.get("/health/")

    assert json.loads(response.content)["tasks"] == "ok"
