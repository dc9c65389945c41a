import io
import json
import logging

import pytest
from django.urls import reverse

from home.log import JsonFormatter, scrub
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def log_lines():
    """What the configured console handler (settings.LOGGING) writes, one parsed JSON object a line."""
    handler = next(h for h in logging.getLogger().handlers if isinstance(h.formatter, JsonFormatter))
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    yield lambda: [json.loads(line) for line in buffer.getvalue().splitlines()]
    handler.setStream(previous)


def test_a_request_logs_one_json_line_with_its_id_and_no_personal_data(client, home_page, log_lines):
    client.force_login(UserFactory(email="personne.secrete@example.org"))
    url = reverse("newsletter:preferences", kwargs={"key": "cle-secrete-de-labonne"})

    response = client.get(f"{url}?token=jeton-secret", HTTP_X_REQUEST_ID="req-0123456789", REMOTE_ADDR="203.0.113.5")

    assert response["X-Request-ID"] == "req-0123456789"
    lines = log_lines()
    of_request = {line["name"]: line for line in lines if line["request_id"] == "req-0123456789"}
    # Ours, and Django's own "Not Found: <path>" (the key is unknown).
    assert set(of_request) == {"amasq.requests", "django.request"}
    assert of_request["amasq.requests"]["status"] == response.status_code == 404
    assert of_request["amasq.requests"]["path"] == url.replace("cle-secrete-de-labonne", "[redacted]")
    written = json.dumps(lines)
    for secret in ("personne.secrete@example.org", "203.0.113.5", "cle-secrete-de-labonne", "jeton-secret"):
        assert secret not in written


@pytest.mark.parametrize("incoming", [None, "short", "a b\nforged log line", "x" * 200])
def test_a_missing_or_unsafe_request_id_is_replaced(client, home_page, incoming):
    headers = {"HTTP_X_REQUEST_ID": incoming} if incoming is not None else {}

    first = client.get("/fr/", **headers)["X-Request-ID"]
    second = client.get("/fr/", **headers)["X-Request-ID"]

    assert first != incoming
    assert len(first) == 32 and first != second


def test_log_lines_lose_emails_and_ip_addresses_but_keep_times_and_versions():
    assert scrub("Sent to marie.tremblay+test@cje.qc.ca from 192.0.2.44") == "Sent to [email] from [ip]"
    assert scrub("client 2001:db8::1 at 14:30:00, Django 6.1.3") == "client [ip] at 14:30:00, Django 6.1.3"


def test_an_exception_logged_with_personal_data_is_scrubbed():
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed for %s", ("a@example.org",), None)
    try:
        raise ValueError("duplicate key (email)=(a@example.org)")
    except ValueError as error:
        record.exc_info = (type(error), error, error.__traceback__)
    record.request_id = "-"

    line = JsonFormatter("{message}{request_id}", style="{").format(record)

    assert "a@example.org" not in line
    assert json.loads(line)["message"] == "failed for [email]"


def test_the_request_id_middleware_comes_first(settings):
    """Above any page cache: a cached response must not carry the id of the request that filled it."""
    assert settings.MIDDLEWARE[0] == "home.middleware.RequestIdMiddleware"
