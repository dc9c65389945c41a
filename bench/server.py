"""What bench/run.py and bench/audit.py share: their PostgreSQL database, the production
environment they serve the site with, and gunicorn serving it (2 workers) on a local port."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent


def production_environment(name, *, static_root, base_url, database_url, allowed_hosts):
    """The production settings (bench/settings.py) with throwaway secrets, over plain HTTP on the
    loopback, no Redis, and media in var/<name>-media and var/<name>-private-media."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DJANGO_SECRET_KEY": f"{name}-throwaway-" + os.urandom(16).hex(),
        "DJANGO_ALLOWED_HOSTS": allowed_hosts,
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_BASE_URL": base_url,
        "DATABASE_URL": database_url,
        "DJANGO_MEDIA_ROOT": str(ROOT / "var" / f"{name}-media"),
        "DJANGO_PRIVATE_MEDIA_ROOT": str(ROOT / "var" / f"{name}-private-media"),
        "BENCH_STATIC_ROOT": str(static_root),
        "REDIS_URL": "",
        "PYTHONPATH": str(ROOT),
    }


def ensure_database(url):
    """Create the database `url` names if it is missing (PostgreSQL, a user who may create one)."""
    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            print(f"Creating the database {name}", file=sys.stderr)
            connection.execute(f'CREATE DATABASE "{name}"')


@contextmanager
def gunicorn(env, port, log_path):
    """Serve the site on 127.0.0.1:`port` until the block ends; gunicorn's output goes to `log_path`."""
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            raise SystemExit(f"Something already listens on port {port}: stop it, or choose another port")
    command = [str(Path(sys.executable).parent / "gunicorn"), "amasq_site.wsgi", "--workers", "2"]
    with open(log_path, "w") as log_file:
        server = subprocess.Popen(
            [*command, "--bind", f"127.0.0.1:{port}"], env=env, cwd=ROOT, stdout=log_file, stderr=log_file
        )
        try:
            _wait_until_serving(server, port, log_path)
            yield f"http://127.0.0.1:{port}"
        finally:
            server.terminate()
            server.wait(timeout=30)


def _wait_until_serving(server, port, log_path):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/fr/", timeout=30).read()
            return
        except OSError:  # refused while booting, or a cold first request timing out
            time.sleep(0.5)
    raise SystemExit(f"gunicorn did not answer on port {port}: see {log_path}")
