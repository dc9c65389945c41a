"""Benchmark: the MAS directory with 10,000 schools.

Seeds 10,000 MAS pages (once; kept in var/bench-directory.sqlite3, or in DATABASE_URL's database),
then times, through the full Django stack (middleware, page routing, template), a near-me search
by postal code, a near-me search by town, a filtered listing and the plain listing, printing the
median and 95th percentile server time of each. Target: a near-me search under 50 ms.

    make bench        or        .venv/bin/python bench/directory.py
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amasq_site.settings.test")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-directory.sqlite3'}")
(ROOT / "var").mkdir(exist_ok=True)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.http import QueryDict  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import translation  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402

from bench.tree import add_raw_child, next_position, recount_children  # noqa: E402
from home.models import HomePage  # noqa: E402
from members import geo  # noqa: E402
from members.directory_search import search_directory  # noqa: E402
from members.models import REGION_CHOICES, MASDirectoryPage, MASPage, MembershipKind, Service  # noqa: E402

SCHOOLS = 10_000
RUNS = 60


def build_tree():
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
    return directory


def seed_schools(directory):
    """Insert the schools directly (a few seconds) rather than through add_child (many minutes)."""
    existing = MASPage.objects.count()
    if existing >= SCHOOLS:
        return existing
    rng = random.Random(2017)
    quebec_areas = [place for code, place in geo._fsa_places().items() if code[0] in "GHJ" and place.latitude < 50]
    services = list(Service.objects.all())
    start = next_position(directory)
    with transaction.atomic():
        for number in range(existing, SCHOOLS):
            area = rng.choice(quebec_areas)
            latitude = area.latitude + rng.uniform(-0.02, 0.02)
            longitude = area.longitude + rng.uniform(-0.02, 0.02)
            title = f"École du milieu {number:05d}"
            slug = f"ecole-{number:05d}"
            base = add_raw_child(directory, MASPage, start + number - existing, title=title, slug=slug)
            school = MASPage(
                page_ptr_id=base.pk,
                short_description="Une école pour adultes de 16 ans et plus.",
                region=rng.choice(["03", "06", "12", "16"]),
                city=area.label,
                postal_code=f"{rng.choice(list(geo._fsa_places()))} 1A1",
                latitude=latitude,
                longitude=longitude,
                search_text=geo.fold(f"{title} {area.label}"),
            )
            school.save_base(raw=True)
            school.services.set(rng.sample(services, 2))
        recount_children(directory)
    return SCHOOLS


def measure(client, url, params):
    client.get(url, params, HTTP_HOST="localhost")  # warm caches
    timings = []
    for _run in range(RUNS):
        started = time.perf_counter()
        response = client.get(url, params, HTTP_HOST="localhost")
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def measure_search(directory, params):
    """The search alone (filters, distance order, count, one page of schools), without the page."""
    query = QueryDict(urlencode(params))
    timings = []
    with translation.override("fr"):
        for _run in range(RUNS + 1):
            started = time.perf_counter()
            list(
                search_directory(
                    directory.schools(),
                    query,
                    regions=REGION_CHOICES,
                    services=list(Service.objects.all()),
                    kinds=MembershipKind.choices,
                )["results"].object_list
            )
            timings.append((time.perf_counter() - started) * 1000)
    timings = sorted(timings[1:])
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def main():
    call_command("migrate", verbosity=0)
    directory = build_tree()
    count = seed_schools(directory)
    if connection.vendor == "postgresql":
        # Fresh rows have no planner statistics until autovacuum passes; production has them.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    url = directory.url
    client = Client()
    print(f"MAS directory benchmark: {count} schools, {connection.vendor}, {RUNS} runs each (server time, ms)")
    cases = [
        ("near-me, postal code G6V 6N2", {"near": "G6V 6N2"}),
        ("near-me, town Lévis", {"near": "Lévis"}),
        ("near-me + region + service", {"near": "H8N", "region": "06", "service": "diploma-studies"}),
        ("listing, page 1", {}),
        ("listing, page 200", {"page": "200"}),
    ]
    print("  whole page (middleware, routing, search, template, layout):")
    for label, params in cases:
        median, p95 = measure(client, url, params)
        print(f"    {label:<32} median {median:7.1f}   p95 {p95:7.1f}")
    print("  the search alone (members.directory_search.search_directory):")
    for label, params in cases:
        median, p95 = measure_search(directory, params)
        print(f"    {label:<32} median {median:7.1f}   p95 {p95:7.1f}")


if __name__ == "__main__":
    main()
