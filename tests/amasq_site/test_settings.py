import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent.parent


def import_production_settings(**env):
    clean_env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "-c", "import amasq_site.settings.production"],
        cwd=ROOT,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_settings_refuse_to_import_without_secret_key():
    result = import_production_settings()

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_settings_import_with_secret_key():
    result = import_production_settings(DJANGO_SECRET_KEY="x" * 50)

    assert result.returncode == 0, result.stderr


@pytest.mark.django_db
def test_database_is_the_one_database_url_names(record_testsuite_property):
    """CI reads the recorded vendor from the JUnit report to prove the suite ran on PostgreSQL."""
    record_testsuite_property("database_vendor", connection.vendor)
    expected = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)
    assert connection.vendor == expected
