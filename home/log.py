"""Structured logs: one JSON object a line, each with the id of the request it belongs to, and
no personal data.

- The request id comes from the reverse proxy (X-Request-ID, nginx's $request_id) when it looks
  like a token, or is made here; RequestIdMiddleware (home/middleware.py) echoes it in the
  response, so that a person reporting a problem can quote it.
- Every string in a line is scrubbed of email addresses and IP addresses; paths lose the URL
  parameters that carry secrets (newsletter keys, confirmation tokens, allauth's reset keys) and
  are logged without their query string.
"""

import ipaddress
import logging
import re
import secrets
from contextvars import ContextVar

from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter as BaseJsonFormatter

REQUEST_ID = ContextVar("request_id", default="-")
# What nginx's $request_id, a UUID or a load balancer's trace id look like; nothing that could
# forge a log line or carry a message.
SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{8,128}$")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Candidates only: ipaddress decides (a time such as 14:30:00 is no IPv6 address).
IP_CANDIDATE = re.compile(r"[0-9A-Fa-f:.]*[:.][0-9A-Fa-f:.]*")
REDACTED = "[redacted]"


def request_id_from(header_value):
    """The proxy's id when it is a safe token, else a fresh one."""
    if header_value and SAFE_REQUEST_ID.match(header_value):
        return header_value
    return secrets.token_hex(16)


def _scrub_ip(match):
    text = match.group(0)
    try:
        ipaddress.ip_address(text.strip(".:"))
    except ValueError:
        return text
    return "[ip]"


def scrub(text):
    return IP_CANDIDATE.sub(_scrub_ip, EMAIL.sub("[email]", text))


def loggable_path(request):
    """The path without its query string, and without the segments that hold a URL's string
    parameters (tokens and keys; numeric ids stay)."""
    match = getattr(request, "resolver_match", None)
    secret_values = [value for value in (match.kwargs.values() if match else ()) if isinstance(value, str) and value]
    return "/".join(
        REDACTED if any(value in segment for value in secret_values) else segment
        for segment in request.path.split("/")
    )


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        # Django logs a request's 4xx and 5xx once the middleware is done: the id is on the request.
        record.request_id = getattr(getattr(record, "request", None), "request_id", None) or REQUEST_ID.get()
        return True


class JsonFormatter(BaseJsonFormatter):
    """python-json-logger's formatter, scrubbed. Django's request loggers attach the request
    itself (whose text holds the query string): it is left out, its path logged safely instead."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("reserved_attrs", [*RESERVED_ATTRS, "request"])
        super().__init__(*args, **kwargs)

    def add_fields(self, log_data, record, message_dict):
        super().add_fields(log_data, record, message_dict)
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path") and isinstance(log_data.get("message"), str):
            log_data["message"] = log_data["message"].replace(request.path, loggable_path(request))

    def process_log_record(self, log_data):
        return {key: scrub(value) if isinstance(value, str) else value for key, value in log_data.items()}
