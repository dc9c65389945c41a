"""Seed the benchmark database: the demo site, then 10,000 MAS, 1,000 events with 50,000
registrations, 5,000 resources, 10,000 newsletter subscribers and 5,000 members.

Resumable: each part counts what is already there and adds only what is missing, so a second run
takes a second or two. The schools, resources and members come from the per-feature scripts
(bench/directory.py, bench/resources.py, bench/mentoring.py), whose seeding this reuses; the
events and subscribers are seeded here, the same way (pages written straight into the tree with
their treebeard paths, rows with bulk_create).

    .venv/bin/python bench/seed.py      (bench/run.py calls it; DATABASE_URL names the database)
"""

import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amasq_site.settings.test")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from bench import directory, mentoring, resources  # noqa: E402
from bench.tree import add_raw_child, next_position, recount_children  # noqa: E402
from events.models import EventIndexPage, EventPage, Registration, RegistrationStatus  # noqa: E402
from home.models import HomePage  # noqa: E402
from members.models import MASPage  # noqa: E402
from newsletter.models import ConsentBasis, MailingList, Subscriber, Subscription, SubscriptionStatus  # noqa: E402

EVENTS = 1_000
REGISTRATIONS = 50_000
SUBSCRIBERS = 10_000
# The newsletter send-rate benchmark sends to this list, which only its first subscribers receive.
SEND_LIST = "bench-send"
SEND_LIST_SIZE = 1_000


def load_demo():
    """The bilingual demo site, so that every page type has real content to show."""
    if not HomePage.objects.exists():
        call_command("load_demo")


def seed_events():
    index = EventIndexPage.objects.filter(locale=Locale.get_default()).first()
    existing = EventPage.objects.child_of(index).count()
    if existing >= EVENTS:
        return existing
    rng = random.Random(1000)
    start = next_position(index)  # after the demo's events
    now = timezone.now()
    with transaction.atomic():
        for number in range(existing, EVENTS):
            title = f"Rencontre régionale {number:04d}"
            slug = f"rencontre-{number:04d}"
            base = add_raw_child(index, EventPage, start + number - existing, title=title, slug=slug)
            # A third in the past, the rest over the coming year.
            starts = now + timedelta(days=rng.randint(-180, 365), hours=rng.randint(8, 18))
            EventPage(
                page_ptr_id=base.pk,
                start=starts,
                end=starts + timedelta(hours=3),
                venue="Centre communautaire",
                region=rng.choice(["03", "06", "12", "16"]),
                summary="Une rencontre des équipes des milieux adaptés de scolarisation de la région.",
            ).save_base(raw=True)
        recount_children(index)
    return EVENTS


def seed_registrations():
    """50 a event, members and guests, so that each bench member holds about ten."""
    existing = Registration.objects.count()
    if existing >= REGISTRATIONS:
        return existing
    events = list(
        EventPage.objects.filter(locale=Locale.get_default()).order_by("pk").values_list("pk", flat=True)[:EVENTS]
    )
    members = list(
        get_user_model()
        .objects.filter(username__startswith="bench-", membership__isnull=False)
        .order_by("pk")
        .values_list("pk", "email", "membership__school_id")
    )
    per_event = -(-REGISTRATIONS // len(events))
    rows = []
    for position, event_id in enumerate(events):
        for slot in range(per_event):
            if slot % 5 == 4:  # one in five a guest
                rows.append(
                    Registration(
                        event_id=event_id,
                        name=f"Invité {position}-{slot}",
                        email=f"invite-{position}-{slot}@example.org",
                        status=RegistrationStatus.CONFIRMED,
                    )
                )
                continue
            user_id, email, school_id = members[(position * per_event + slot) % len(members)]
            rows.append(
                Registration(
                    event_id=event_id,
                    user_id=user_id,
                    school_id=school_id,
                    name="Membre",
                    email=email,
                    status=RegistrationStatus.CONFIRMED,
                )
            )
    Registration.objects.bulk_create(rows[: REGISTRATIONS - existing], batch_size=5_000, ignore_conflicts=True)
    return Registration.objects.count()


def seed_subscribers():
    existing = Subscriber.objects.filter(email__startswith="abonne-").count()
    if existing >= SUBSCRIBERS:
        return existing
    news = MailingList.objects.order_by("pk").first()
    send_list, _created = MailingList.objects.get_or_create(
        key=SEND_LIST, defaults={"name_fr": "Banc d’essai", "name_en": "Benchmark", "open_to_public": False}
    )
    now = timezone.now()
    with transaction.atomic():
        subscribers = Subscriber.objects.bulk_create(
            [
                Subscriber(email=f"abonne-{number:05d}@example.org", language="fr" if number % 4 else "en")
                for number in range(existing, SUBSCRIBERS)
            ],
            batch_size=5_000,
        )
        Subscription.objects.bulk_create(
            [
                Subscription(
                    subscriber=subscriber,
                    mailing_list=mailing_list,
                    status=SubscriptionStatus.ACTIVE,
                    basis=ConsentBasis.EXPRESS,
                    confirmed_at=now,
                )
                for number, subscriber in enumerate(subscribers, start=existing)
                for mailing_list in ([news, send_list] if number < SEND_LIST_SIZE else [news])
            ],
            batch_size=5_000,
        )
    return SUBSCRIBERS


def main():
    started = time.monotonic()
    call_command("createcachetable", verbosity=0)
    call_command("migrate", verbosity=0)
    load_demo()
    schools = directory.seed_schools(directory.build_tree())
    resource_count = resources.seed_resources(resources.build_tree())
    members = mentoring.seed_members(list(MASPage.objects.all()), random.Random(2026))
    events = seed_events()
    registrations = seed_registrations()
    subscribers = seed_subscribers()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"Seeded ({time.monotonic() - started:.0f} s): {schools} MAS, {events} events, {registrations} registrations, "
        f"{resource_count} resources, {subscribers} subscribers, {members} members"
    )


if __name__ == "__main__":
    main()
