"""Benchmark: mentoring suggestions among 5,000 members, and a whole-pool proposal.

Seeds 30 schools and 5,000 members (once; kept in var/bench-mentoring.sqlite3, or in
DATABASE_URL's database): half offer to mentor, half look for a mentor, with topics, languages and
formats drawn at random, and a few hundred relationships under way. Then times:

- the suggestions for one mentee (members.mentoring.suggestions.suggestions_for), median and 95th
  percentile over several mentees. Target: under 200 ms.
- a whole-pool proposal (members.mentoring.pool.propose: loading, every rule, the capacity-
  expanded assignment) for 500 waiting mentees and 500 mentors with room, in a transaction that
  is rolled back (the others are set aside for it). Target: under 5 s.

    make bench        or        .venv/bin/python bench/mentoring.py
"""

import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amasq_site.settings.test")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-mentoring.sqlite3'}")
(ROOT / "var").mkdir(exist_ok=True)

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone, translation  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402

from home.models import HomePage  # noqa: E402
from members.mentoring import matching  # noqa: E402
from members.mentoring.models import MenteeRequest, MentorOffer, Mentorship, State  # noqa: E402
from members.mentoring.pool import load_pool, propose  # noqa: E402
from members.mentoring.suggestions import suggestions_for  # noqa: E402
from members.models import REGION_CHOICES, Expertise, MASDirectoryPage, MASPage, MemberProfile, Membership  # noqa: E402

SCHOOLS = 30
MEMBERS = 5_000
POOL = 500
RUNS = 30
MENTEES_TIMED = 10
LANGUAGES = [["fr"]] * 8 + [["fr", "en"], ["en"]]
FORMATS = ["remote", "in_person", "either", "either"]
NO_PASSWORD = make_password(None)  # the bench's members never sign in


def build_schools():
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        for page in root.get_children():
            page.delete()
        home = HomePage(title="Accueil", slug="accueil", hero_title="Banc d’essai", locale=Locale.get_default())
        root.add_child(instance=home)
        Site.objects.all().delete()
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    directory = MASDirectoryPage.objects.first()
    if directory is None:
        directory = MASDirectoryPage(title="Répertoire", slug="repertoire")
        home.add_child(instance=directory)
    regions = [code for code, _name in REGION_CHOICES]
    for number in range(MASPage.objects.count(), SCHOOLS):
        directory.add_child(
            instance=MASPage(
                title=f"École du milieu {number:02d}",
                slug=f"ecole-{number:02d}",
                short_description="Une école pour adultes.",
                region=regions[number % len(regions)],
                city="Ville",
                postal_code="H2T 1S6",
            )
        )
        directory.refresh_from_db()
    return list(MASPage.objects.all())


def seed_members(schools, rng):
    """5,000 members, half offering, half asking; a few hundred relationships under way."""
    users = get_user_model().objects
    existing = users.filter(username__startswith="bench-").count()
    if existing >= MEMBERS:
        return existing
    topics = list(Expertise.objects.values_list("pk", flat=True))
    with transaction.atomic():
        created = users.bulk_create(
            [
                get_user_model()(
                    username=f"bench-{number}",
                    email=f"bench{number}@example.org",
                    first_name="Membre",
                    last_name=f"{number:04d}",
                    password=NO_PASSWORD,
                )
                for number in range(MEMBERS)
            ]
        )
        Membership.objects.bulk_create([Membership(user=user, school=rng.choice(schools)) for user in created])
        MemberProfile.objects.bulk_create([MemberProfile(user=user) for user in created])
        mentors, mentees = created[: MEMBERS // 2], created[MEMBERS // 2 :]
        offers = MentorOffer.objects.bulk_create(
            [
                MentorOffer(
                    user=user,
                    capacity=rng.randint(1, 3),
                    format=rng.choice(FORMATS),
                    languages=rng.choice(LANGUAGES),
                    years_in_role=rng.randint(0, 25),
                    paused=rng.random() < 0.1,
                )
                for user in mentors
            ]
        )
        requests = MenteeRequest.objects.bulk_create(
            [
                MenteeRequest(
                    user=user, goals="Apprendre", format=rng.choice(FORMATS), languages=rng.choice(LANGUAGES)
                )
                for user in mentees
            ]
        )
        MentorOffer.topics.through.objects.bulk_create(
            [
                MentorOffer.topics.through(mentoroffer_id=offer.pk, expertise_id=topic)
                for offer in offers
                for topic in rng.sample(topics, rng.randint(1, 3))
            ]
        )
        MenteeRequest.topics.through.objects.bulk_create(
            [
                MenteeRequest.topics.through(menteerequest_id=request.pk, expertise_id=topic)
                for request in requests
                for topic in rng.sample(topics, rng.randint(1, 2))
            ]
        )
        now = timezone.now()
        Mentorship.objects.bulk_create(
            [
                Mentorship(
                    mentor=mentor,
                    mentee=mentee,
                    state=State.ACTIVE,
                    requested_at=now - timedelta(days=20),
                    answered_at=now - timedelta(days=18),
                    expires_at=now - timedelta(days=6),
                )
                for mentor, mentee in zip(mentors[:300], mentees[-300:], strict=True)
            ]
        )
    return MEMBERS


def timed(call, runs):
    timings = []
    for _run in range(runs):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[max(int(len(timings) * 0.95) - 1, 0)]


def bench_suggestions(rng):
    waiting = list(MenteeRequest.objects.waiting().values_list("user_id", flat=True))
    people = get_user_model().objects.in_bulk(rng.sample(waiting, MENTEES_TIMED))
    found = []
    timings = []
    with translation.override("fr"):
        for user in people.values():
            suggestions_for(user)  # warm up
            timings.append(timed(lambda user=user: found.append(len(suggestions_for(user))), RUNS // 3))
    medians = sorted(median for median, _p95 in timings)
    p95s = sorted(p95 for _median, p95 in timings)
    return statistics.median(medians), p95s[-1], statistics.fmean(found)


def bench_proposal():
    """Set aside all but POOL waiting mentees and POOL mentors with room, propose, roll back."""
    with transaction.atomic():
        mentees, mentors, _excluded = load_pool()
        keep_mentees = {mentee.user_id for mentee in mentees[:POOL]}
        keep_mentors = {mentor.user_id for mentor in mentors[:POOL]}
        MenteeRequest.objects.exclude(user_id__in=keep_mentees).update(open=False)
        MentorOffer.objects.exclude(user_id__in=keep_mentors).update(paused=True)
        loaded_mentees, loaded_mentors, excluded = load_pool()
        started = time.perf_counter()
        proposal = propose()
        whole = time.perf_counter() - started
        started = time.perf_counter()
        pairs = matching.assign(loaded_mentees, loaded_mentors, excluded)
        solver = time.perf_counter() - started
        transaction.set_rollback(True)
    matched = sum(1 for pair in proposal if pair.mentor_id)
    return len(loaded_mentees), len(loaded_mentors), matched, len(pairs), whole, solver


def main():
    call_command("migrate", verbosity=0)
    rng = random.Random(2026)
    schools = build_schools()
    count = seed_members(schools, rng)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"Mentoring benchmark: {count} members in {len(schools)} schools, {connection.vendor}")
    median, p95, found = bench_suggestions(rng)
    verdict = "OK" if p95 < 200 else "SLOWER THAN TARGET"
    print(
        f"  suggestions for one mentee: median {median:6.1f} ms   p95 {p95:6.1f} ms   "
        f"({found:.1f} suggested on average; target < 200 ms: {verdict})"
    )
    mentees, mentors, matched, pairs, whole, solver = bench_proposal()
    verdict = "OK" if whole < 5 else "SLOWER THAN TARGET"
    print(
        f"  whole-pool proposal, {mentees} mentees x {mentors} mentors: {whole:5.2f} s "
        f"({matched} matched; the rules and assignment alone {solver:5.2f} s for {pairs} pairs; "
        f"target < 5 s: {verdict})"
    )


if __name__ == "__main__":
    main()
