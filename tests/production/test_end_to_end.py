"""Production, tried on one machine: gunicorn under the production settings, PostgreSQL, Redis
(cache and RQ task queue), two separate task workers and an SMTP sink. Over HTTP, a guest's event
registration is confirmed and staff send a newsletter; the emails arrive, sent by the workers.

The database is a copy of the test database (migrated once by pytest-django), so that no second
migration runs; everything else is started here and stopped at the end. docs/deploy.md.
"""

import email.utils
import http.cookiejar
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
import requests
from aiosmtpd.controller import Controller
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.db import connection, connections
from django.urls import reverse
from django.utils import translation

from tests.conftest import SmtpSink, _free_port
from tests.factories.accounts import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
PORT = 8131
BASE = f"http://127.0.0.1:{PORT}"
REDIS_URL = "redis://127.0.0.1:6379/12"
TOTP_SECRET = "JBSWY3DPEHPK3PXP"  # tests/factories/accounts.add_totp

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="needs PostgreSQL (DATABASE_URL)"
)


class KeepOnly(http.cookiejar.DefaultCookiePolicy):
    """The production cookies are Secure, which a cookie jar never sends over http://; the proxy's
    TLS is played by X-Forwarded-Proto here, so the test sends them itself (see `call`)."""

    def return_ok(self, cookie, request):
        return False


def psql(database, sql):
    settings = connection.settings_dict
    url = f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{database}"
    subprocess.run(["psql", url, "-qc", sql], check=True, capture_output=True, timeout=60)  # noqa: S603, S607
    return url


def wait_until(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture(scope="module")
def stack(django_db_setup, django_db_blocker, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("production")
    # The migrated test database that pytest-django set up for this session.
    # (its connection names it once a database test ran; before that, it still names the main one).
    name = django_db_setup.settings_dict["NAME"]
    template = name if name.startswith("test_") else django_db_setup.creation._get_test_db_name()
    database = f"{template}_production"
    sink = SmtpSink(port=_free_port())
    smtp = Controller(sink, hostname=sink.host, port=sink.port)
    smtp.start()
    redis.Redis.from_url(REDIS_URL).flushdb()
    with django_db_blocker.unblock():
        connections.close_all()  # a template database must have no other session
        psql("postgres", f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
        psql("postgres", f"CREATE DATABASE {database} TEMPLATE {template}")
        url = psql(database, "SELECT 1")
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST_")) and key not in {"REDIS_URL", "EMAIL_URL"}
    } | {
        "DJANGO_SETTINGS_MODULE": "amasq_site.settings.production",
        "DJANGO_SECRET_KEY": "throwaway-" + "k" * 50,
        "DATABASE_URL": url,
        "REDIS_URL": REDIS_URL,
        "DJANGO_TASKS_BACKEND": "rq",
        "EMAIL_URL": f"smtp://{sink.host}:{sink.port}",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_BASE_URL": BASE,
        "DJANGO_TRUSTED_PROXY_COUNT": "1",
        "DJANGO_STATIC_ROOT": str(tmp / "static"),
        "DJANGO_MEDIA_ROOT": str(tmp / "media"),
        "DJANGO_PRIVATE_MEDIA_ROOT": str(tmp / "private-media"),
        "DJANGO_LOG_LEVEL": "INFO",
    }
    python = sys.executable
    logs = {name: open(tmp / f"{name}.log", "w+") for name in ("gunicorn", "worker-1", "worker-2")}  # noqa: SIM115
    gunicorn = str(Path(python).with_name("gunicorn"))
    commands = {
        "gunicorn": [gunicorn, "amasq_site.wsgi", "--bind", f"127.0.0.1:{PORT}", "--workers", "2"],
        **{
            name: [python, "manage.py", "rqworker", "--job-class", "django_tasks_rq.Job", "--name", name, "default"]
            for name in ("worker-1", "worker-2")
        },
    }

    # The workers boot while collectstatic writes the manifest that the production static storage
    # needs and the seed script writes the content; gunicorn starts once the manifest is there
    # (WhiteNoise reads it when the site loads).
    def start(name):
        return subprocess.Popen(commands[name], cwd=ROOT, env=env, stdout=logs[name], stderr=subprocess.STDOUT)  # noqa: S603

    processes = [start("worker-1"), start("worker-2")]
    collecting = subprocess.Popen(  # noqa: S603
        [python, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, stderr=subprocess.PIPE
    )
    seeding = subprocess.Popen([python, "tests/production/seed.py"], cwd=ROOT, env=env, stdout=subprocess.PIPE)  # noqa: S603
    assert collecting.wait(timeout=120) == 0, collecting.stderr.read()
    collecting.stderr.close()
    processes.append(start("gunicorn"))
    ids = seeding.communicate(timeout=120)[0]
    assert seeding.returncode == 0
    try:
        wait_until(lambda: _answers(f"{BASE}/health/"), 90, "gunicorn")
        yield {"ids": json.loads(ids), "sink": sink, "logs": logs}
    finally:
        # Nothing is left to finish: gunicorn's quick shutdown (SIGINT), and the idle workers
        # killed rather than waiting out RQ's warm shutdown.
        for process in processes:
            process.send_signal(signal.SIGINT if process is processes[-1] else signal.SIGKILL)
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        smtp.stop()
        for log in logs.values():
            log.close()
        with django_db_blocker.unblock():
            psql("postgres", f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")


def _answers(url):
    try:
        return requests.get(url, timeout=10).status_code == 200
    except (requests.ConnectionError, requests.Timeout):
        return False


def browser():
    session = requests.Session()
    session.cookies.set_policy(KeepOnly())
    # nginx's headers: TLS ended at the proxy, the visitor's address, a request id.
    session.headers.update(
        {"X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.20", "Origin": f"https://127.0.0.1:{PORT}"}
    )
    return session


def call(session, method, url, **kwargs):
    cookies = "; ".join(f"{cookie.name}={cookie.value}" for cookie in session.cookies)
    return session.request(method, url, headers={"Cookie": cookies}, timeout=20, **kwargs)


def post_form(session, url, data):
    page = call(session, "GET", url)
    assert page.status_code == 200, (url, page.status_code)
    session.headers["Referer"] = url.replace("http://", "https://")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    response = call(session, "POST", url, data={"csrfmiddlewaretoken": token, **data}, allow_redirects=False)
    assert response.status_code < 400, (url, response.status_code, dict(session.cookies), response.text[:300])
    return response


def messages_to(sink, address, count):
    return wait_until(
        lambda: (
            [m for m, rcpt in zip(sink.messages, sink.recipients, strict=True) if address in rcpt][:count]
            if sum(address in rcpt for rcpt in sink.recipients) >= count
            else None
        ),
        30,
        f"{count} email(s) to {address}",
    )


def test_an_event_confirmation_and_a_newsletter_go_out_through_two_workers(stack):
    sink, ids = stack["sink"], stack["ids"]
    with translation.override("fr"):
        register = reverse("events:guest_register", kwargs={"event_id": ids["event_id"]})
        login = reverse("account_login")
    send = reverse("newsletter_send", kwargs={"issue_id": ids["issue_id"]})

    guest = browser()
    assert post_form(guest, BASE + register, {"name": "Ana Tremblay", "email": "ana@example.org"}).status_code == 302
    (address_check,) = messages_to(sink, "ana@example.org", 1)
    link = next(word for word in address_check.get_body(("plain",)).get_content().split() if "/confirm" in word)
    assert post_form(guest, link, {}).status_code in {200, 302}
    confirmation = messages_to(sink, "ana@example.org", 2)[1]

    staff = browser()
    signed_in = post_form(staff, BASE + login, {"login": "equipe@example.org", "password": PASSWORD})
    while int(time.time()) % 30 > 25:  # never a code about to lapse
        time.sleep(1)
    code = format_hotp_value(hotp_value(TOTP_SECRET, int(time.time()) // 30))
    assert post_form(staff, BASE + signed_in.headers["Location"], {"code": code}).status_code == 302
    ordered = post_form(staff, BASE + send, {"send": "1", "lists": [ids["public_list"]]})
    assert ordered.status_code == 302, ordered.text[:500]
    (issue,) = messages_to(sink, "abonnee@example.org", 1)

    assert issue["Subject"] == "Les nouvelles de décembre"
    assert email.utils.parseaddr(confirmation["To"])[1] == "ana@example.org"
    assert any(part.get_content_type() == "text/calendar" for part in confirmation.iter_attachments())
    # Sent by the workers, not by gunicorn: the tasks ran in the worker processes.
    worker_logs = ""
    for name in ("worker-1", "worker-2"):
        stack["logs"][name].seek(0)
        worker_logs += stack["logs"][name].read()
    stack["logs"]["gunicorn"].seek(0)
    assert "newsletter.sending" in worker_logs and "events." in worker_logs
    assert "Job OK" in worker_logs or "SUCCESSFUL" in worker_logs
    assert len(redis.Redis.from_url(REDIS_URL).smembers("rq:workers")) == 2
