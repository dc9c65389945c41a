"""Measure each page type against a running server; bench/run.py starts the server and calls this.

For each page: the SQL queries of one request in steady state (Django's test client in this
process, same settings and cache as the server), the server time seen by a client over
BENCH_RUNS sequential requests (median, 95th percentile), and `wrk` at 8 and 64 connections.
Portal pages are measured signed in as a seeded member (a session created here, sent as a cookie).
Prints one JSON object on stdout.

Environment: BENCH_BASE_URL (http://127.0.0.1:8141), BENCH_RUNS, BENCH_WRK_SECONDS, BENCH_WRK
(the wrk binary, empty to skip), plus the server's own settings variables.
"""

import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone, translation  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from events.models import EventIndexPage, EventPage  # noqa: E402
from home.models import HomePage, NewsIndexPage, NewsPage  # noqa: E402
from members.models import MASDirectoryPage, MASPage  # noqa: E402
from resources.models import ResourceAudience, ResourceIndexPage, ResourcePage  # noqa: E402

CONNECTIONS = (8, 64)
# The seeded member signed in for the portal pages: holds about ten event registrations.
MEMBER = "bench-0"


def _demo(queryset):
    """A page of the demo content (richer than a seeded one: images, body, translations)."""
    return queryset.filter(locale=Locale.get_default()).live().exclude(slug__regex=r"-\d{4,5}$").first()


def page_urls():
    """(key, label, url, signed_in) for every page type measured, in French."""
    directory = MASDirectoryPage.objects.filter(locale=Locale.get_default()).first()
    resources = ResourceIndexPage.objects.filter(locale=Locale.get_default()).first()
    with translation.override("fr"):
        return [
            ("home", "home", HomePage.objects.filter(locale=Locale.get_default()).first().url, False),
            ("news_index", "news index", NewsIndexPage.objects.filter(locale=Locale.get_default()).first().url, False),
            ("news_page", "news page", _demo(NewsPage.objects).url, False),
            ("directory", "directory", directory.url, False),
            ("directory_near", "directory, postal code search", directory.url + "?near=G6V+6N2", False),
            ("mas_page", "MAS page", _demo(MASPage.objects).url, False),
            (
                "event_list",
                "event list",
                EventIndexPage.objects.filter(locale=Locale.get_default()).first().url,
                False,
            ),
            ("event_page", "event page", _demo(EventPage.objects.filter(start__gt=timezone.now())).url, False),
            ("resource_search", "resource search", resources.url + "?q=decrochage", False),
            (
                "resource_page",
                "resource page",
                _demo(ResourcePage.objects.filter(audience=ResourceAudience.PUBLIC)).url,
                False,
            ),
            ("site_search", "site search", reverse("search") + "?q=%C3%A9cole", False),
            ("portal_home", "portal home (with my registrations)", reverse("members:home"), True),
            ("portal_resources", "resources for members", resources.url, True),
            ("mentoring", "mentoring", reverse("mentoring:home"), True),
        ]


def count_queries(client, url):
    client.get(url)  # warm the caches the way a running server has them
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url}: status {response.status_code} from the test client")
    return len(captured)


def server_times(base, url, cookie, runs):
    """Client-measured time of `runs` sequential requests (ms): median and 95th percentile."""
    address = urlsplit(base)
    headers = {"Cookie": cookie} if cookie else {}

    def fetch():
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=300)
        connection.request("GET", url, headers=headers)
        response = connection.getresponse()
        response.read()
        connection.close()
        if response.status != 200:
            raise SystemExit(f"{url}: status {response.status} {response.getheader('Location', '')}")

    for _warm in range(3):
        fetch()
    timings = []
    for _run in range(runs):
        started = time.perf_counter()
        fetch()
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[max(int(len(timings) * 0.95) - 1, 0)]


def _ms(text):
    value = float(re.match(r"[\d.]+", text).group())
    return value / 1000 if text.endswith("us") else value * 1000 if text.endswith("s") and "ms" not in text else value


def load_test(wrk, base, url, cookie, connections, seconds):
    """wrk's requests per second, latency (median and 99th percentile, ms) and errors."""
    command = [wrk, "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run([*command, base + url], capture_output=True, text=True, check=True).stdout
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": _ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1)),
        "p99_ms": _ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1)),
        "errors": errors + (int(non_2xx.group(1)) if non_2xx else 0),
    }


def main():
    base = os.environ["BENCH_BASE_URL"]
    runs = int(os.environ.get("BENCH_RUNS", "50"))
    seconds = int(os.environ.get("BENCH_WRK_SECONDS", "10"))
    wrk = os.environ.get("BENCH_WRK", "")
    anonymous = Client()
    member = Client()
    member.force_login(get_user_model().objects.get(username=MEMBER))
    results = {}
    for key, label, url, signed_in in page_urls():
        figures = {"label": label, "url": url, "portal": signed_in}
        figures["queries"] = count_queries(member if signed_in else anonymous, url)
        # Read after the test client's requests, which may have rotated the session key.
        cookie = f"{settings.SESSION_COOKIE_NAME}={member.cookies[settings.SESSION_COOKIE_NAME].value}"
        figures["median_ms"], figures["p95_ms"] = server_times(base, url, cookie if signed_in else "", runs)
        for connections in CONNECTIONS if wrk else ():
            figures[f"wrk{connections}"] = load_test(wrk, base, url, cookie if signed_in else "", connections, seconds)
        results[key] = figures
        print(f"  {label}: {figures['queries']} queries, median {figures['median_ms']:.1f} ms", file=sys.stderr)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
