import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent.parent


SETTINGS_VARIABLES = {"DATABASE_URL", "EMAIL_URL", "REDIS_URL"}


def run_with_env(code, **env):
    """Run `code` in a fresh interpreter whose environment holds none of the site's variables but `env`."""
    clean_env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key not in SETTINGS_VARIABLES
    }
    return subprocess.run(  # noqa: S603 (the code is this module's own)
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def import_production_settings(**env):
    return run_with_env("import amasq_site.settings.production", **env)


def base_settings(*names, **env):
    code = (
        "import json; from amasq_site.settings import base; "
        f"print(json.dumps({{name: str(getattr(base, name)) for name in {list(names)!r}}}))"
    )
    result = run_with_env(code, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


PRODUCTION_DATABASE = "postgres://amasq@db.example.org:5432/amasq"


def test_production_settings_refuse_to_import_without_secret_key():
    result = import_production_settings(DATABASE_URL=PRODUCTION_DATABASE)

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


@pytest.mark.parametrize("database_url", [None, ""])
def test_production_settings_refuse_to_import_without_database_url(database_url):
    env = {"DJANGO_SECRET_KEY": "x" * 50}
    if database_url is not None:
        env["DATABASE_URL"] = database_url

    result = import_production_settings(**env)

    assert result.returncode != 0
    assert "ImproperlyConfigured: Set DATABASE_URL" in result.stderr


def test_production_settings_import_with_secret_key_and_database():
    result = import_production_settings(DJANGO_SECRET_KEY="x" * 50, DATABASE_URL=PRODUCTION_DATABASE)

    assert result.returncode == 0, result.stderr


def test_empty_variables_count_as_unset():
    empty = {"DATABASE_URL": "", "DJANGO_MEDIA_ROOT": "", "DJANGO_PRIVATE_MEDIA_ROOT": "", "DJANGO_BASE_URL": ""}

    values = base_settings("DATABASES", "MEDIA_ROOT", "PRIVATE_MEDIA_ROOT", "WAGTAILADMIN_BASE_URL", **empty)

    assert "'ENGINE': 'django.db.backends.sqlite3'" in values["DATABASES"]
    assert str(ROOT / "db.sqlite3") in values["DATABASES"]
    assert values["MEDIA_ROOT"] == str(ROOT / "media")
    assert values["PRIVATE_MEDIA_ROOT"] == str(ROOT / "var" / "private-media")
    assert values["WAGTAILADMIN_BASE_URL"] == "http://127.0.0.1:8000"


# env("NAME"…), env_list("NAME"…), os.environ.get("NAME"…), os.getenv("NAME"…), os.environ["NAME"]
ENV_READ = re.compile(
    r"""(?:\benv|\benv_list|os\.environ\.get|os\.getenv)\(\s*["']([A-Z0-9_]+)["']|os\.environ\[["']([A-Z0-9_]+)["']\]"""
)


def test_env_example_lists_every_variable_the_settings_read():
    read = {
        name
        for path in (ROOT / "amasq_site" / "settings").glob("*.py")
        for match in ENV_READ.finditer(path.read_text())
        for name in match.groups()
        if name
    }
    listed = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]*)=", (ROOT / ".env.example").read_text(), flags=re.MULTILINE))

    assert {"DATABASE_URL", "DJANGO_SECRET_KEY", "DJANGO_MAP_TILE_URL"} <= read
    assert read - listed == set()


@pytest.mark.django_db
def test_database_is_the_one_database_url_names(record_property):
    """CI reads the recorded vendor from the JUnit report to prove the suite ran on PostgreSQL."""
    record_property("database_vendor", connection.vendor)  # a test case's property: pytest-xdist carries those
    expected = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)
    assert connection.vendor == expected


def production_storages(**env):
    code = (
        "import json; from amasq_site.settings import production as p; "
        "print(json.dumps({'storages': p.STORAGES, 'serve': p.WAGTAILDOCS_SERVE_METHOD}))"
    )
    result = run_with_env(code, DJANGO_SECRET_KEY="x" * 50, DATABASE_URL=PRODUCTION_DATABASE, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_keeps_uploads_on_disk_without_a_bucket():
    found = production_storages()

    assert found["storages"]["default"]["BACKEND"] == "resources.storage.MediaStorage"
    assert "private" not in found["storages"]
    assert found["serve"] == "serve_view"


def test_production_puts_uploads_in_the_bucket_it_is_given():
    found = production_storages(AWS_STORAGE_BUCKET_NAME="amasq-media", AWS_S3_ENDPOINT_URL="https://s3.example.org")

    assert found["storages"]["default"]["BACKEND"] == "resources.storage.S3MediaStorage"
    assert found["storages"]["private"]["OPTIONS"] == {"location": "private"}
    assert found["storages"]["staticfiles"]["BACKEND"].startswith("whitenoise.")


def test_the_task_queue_is_the_database_unless_rq_is_asked_for():
    assert "django_tasks_db" in base_settings("TASKS")["TASKS"]

    rq = base_settings("TASKS", "RQ_QUEUES", "INSTALLED_APPS", DJANGO_TASKS_BACKEND="rq", REDIS_URL="redis://r:6379/3")

    assert "django_tasks_rq.RQBackend" in rq["TASKS"]
    assert "redis://r:6379/3" in rq["RQ_QUEUES"]
    assert "django_rq" in rq["INSTALLED_APPS"]


def test_an_unknown_task_backend_is_refused():
    result = run_with_env("import amasq_site.settings.base", DJANGO_TASKS_BACKEND="celery")

    assert result.returncode != 0
    assert "DJANGO_TASKS_BACKEND" in result.stderr
