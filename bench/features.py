"""The feature issues' own benchmarks on the seeded database, as figures for bench/run.py's table:
near-me (bench/directory.py), resource search (bench/resources.py), mentoring suggestions and
proposal (bench/mentoring.py), and the newsletter's send rate: one issue sent to the 1,000
subscribers of the bench's list (bench/seed.py) through newsletter.sending's `deliver` task, over
SMTP to a local aiosmtpd sink (EMAIL_URL must point at BENCH_SMTP_PORT). Prints JSON on stdout.
"""

import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from aiosmtpd.controller import Controller  # noqa: E402
from aiosmtpd.handlers import Sink  # noqa: E402
from django.contrib.auth.models import AnonymousUser  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from bench import directory, mentoring, resources  # noqa: E402
from bench.seed import SEND_LIST  # noqa: E402
from newsletter.models import Delivery, DeliveryStatus, MailingList, NewsletterPage, Send  # noqa: E402
from newsletter.sending import deliver  # noqa: E402


class CountingSink(Sink):
    received = 0

    async def handle_DATA(self, server, session, envelope):
        CountingSink.received += 1
        return "250 OK"


def newsletter_send_rate(port):
    """Messages a second for one send to the bench list; the send is deleted afterwards."""
    issue = NewsletterPage.objects.filter(locale=Locale.get_default()).live().first()
    send_list = MailingList.objects.get(key=SEND_LIST)
    Delivery.objects.filter(issue=issue).delete()  # a delivery is once per issue and person
    Send.objects.filter(issue=issue).delete()
    controller = Controller(CountingSink(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        send = Send.objects.create(issue=issue)
        send.lists.set([send_list])
        started = time.perf_counter()
        deliver.call(send.pk)
        elapsed = time.perf_counter() - started
    finally:
        controller.stop()
    sent = Delivery.objects.filter(send=send, status=DeliveryStatus.SENT).count()
    Delivery.objects.filter(send=send).delete()
    send.delete()
    return {"sent": sent, "received": CountingSink.received, "seconds": elapsed, "per_second": sent / elapsed}


def main():
    quick = os.environ.get("BENCH_QUICK") == "1"
    directory.RUNS = resources.RUNS = 10 if quick else 60
    mentoring.RUNS = 6 if quick else 30
    results = {}
    schools = directory.build_tree()
    results["near_me"] = directory.measure_search(schools, {"near": "G6V 6N2"})
    results["near_me_page"] = directory.measure(Client(), schools.url, {"near": "G6V 6N2"})
    index = resources.build_tree()
    results["resource_search"] = resources.measure_search(index, {"q": "decrochage"}, AnonymousUser())
    results["resource_search_facets"] = resources.measure_search(
        index, {"q": "accueil", "kind": "guide", "theme": "adapted-teaching"}, AnonymousUser()
    )
    median, p95, found = mentoring.bench_suggestions(random.Random(2026))
    results["mentoring_suggestions"] = (median, p95)
    mentees, mentors, matched, _pairs, whole, _solver = mentoring.bench_proposal()
    results["mentoring_proposal"] = {"mentees": mentees, "mentors": mentors, "matched": matched, "seconds": whole}
    results["newsletter"] = newsletter_send_rate(int(os.environ["BENCH_SMTP_PORT"]))
    print(json.dumps(results))


if __name__ == "__main__":
    main()
