"""scripts/backup and scripts/restore round-trip the database and both media folders, on a
throwaway PostgreSQL database of their own (never the test database)."""

import os
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVER = os.environ.get("DATABASE_URL", "")
pytestmark = pytest.mark.skipif(not SERVER.startswith("postgres"), reason="needs PostgreSQL (DATABASE_URL)")
DATABASE = "amasq_backup_roundtrip"


def run(*command, env=None):
    return subprocess.run(command, check=True, capture_output=True, text=True, env=env, timeout=120)  # noqa: S603


@pytest.fixture
def throwaway_database():
    server = urlsplit(SERVER)
    url = server._replace(path=f"/{DATABASE}").geturl()
    admin = server._replace(path="/postgres").geturl()
    run("psql", admin, "-qc", f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    run("psql", admin, "-qc", f"CREATE DATABASE {DATABASE}")
    yield url, admin
    run("psql", admin, "-qc", f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")


def test_backup_then_restore_brings_back_the_records_and_the_files(throwaway_database, tmp_path):
    url, admin = throwaway_database
    media, private = tmp_path / "media", tmp_path / "private-media"
    (media / "images").mkdir(parents=True)
    (media / "images" / "affiche.jpg").write_bytes(b"\xff\xd8 image")
    (private / "documents").mkdir(parents=True)
    (private / "documents" / "guide.pdf").write_bytes(b"%PDF guide")
    run("psql", url, "-qc", "CREATE TABLE inscription (nom text); INSERT INTO inscription VALUES ('Élise Tremblay')")
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_MEDIA_ROOT": str(media),
        "DJANGO_PRIVATE_MEDIA_ROOT": str(private),
    }

    folder = Path(run(str(ROOT / "scripts" / "backup"), str(tmp_path / "backups"), env=env).stdout.strip())
    # Everything lost: an empty database of the same name, empty folders.
    run("psql", admin, "-qc", f"DROP DATABASE {DATABASE} WITH (FORCE)")
    run("psql", admin, "-qc", f"CREATE DATABASE {DATABASE}")
    for path in (media / "images" / "affiche.jpg", private / "documents" / "guide.pdf"):
        path.unlink()
    run(str(ROOT / "scripts" / "restore"), str(folder), env=env)

    assert folder.name.startswith("amasq-")
    assert {path.name for path in folder.iterdir()} == {"database.dump", "media.tar.gz", "private-media.tar.gz"}
    assert run("psql", url, "-Atc", "SELECT nom FROM inscription").stdout.strip() == "Élise Tremblay"
    assert (media / "images" / "affiche.jpg").read_bytes() == b"\xff\xd8 image"
    assert (private / "documents" / "guide.pdf").read_bytes() == b"%PDF guide"
