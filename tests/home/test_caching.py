"""The layout is cached per content generation, and staff changes show at once (home/caching.py)."""

import importlib

import pytest
from django.core.cache import caches
from django.db import transaction
from wagtail.models import Page, PageViewRestriction

from home import caching
from home.caching import ALLAUTH_CACHE_MODULES, SHARED_CACHE
from home.models import SiteSettings
from tests.factories.home import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_allauth_counts_login_failures_and_used_codes_in_the_shared_cache():
    """Every worker must see the same counters: the default cache is per process."""
    for name in ALLAUTH_CACHE_MODULES:
        module_cache = importlib.import_module(name).cache
        module_cache.set("probe", 1)
        assert caches[SHARED_CACHE].get("probe") == 1
        caches[SHARED_CACHE].delete("probe")


def test_publishing_a_menu_page_shows_in_the_menu_at_once(client, home_page, django_capture_on_commit_callbacks):
    page = StandardPageFactory(parent=home_page, title="Avant", show_in_menus=True)
    assert "Avant" in client.get("/fr/").content.decode()

    page.title = "Après"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    html = client.get("/fr/").content.decode()
    assert "Après" in html
    assert "Avant" not in html


def test_saving_the_site_settings_shows_at_once(client, home_page, django_capture_on_commit_callbacks):
    client.get("/fr/")
    settings = SiteSettings.objects.get()
    settings.short_name = "AMASQ-TEST"
    with django_capture_on_commit_callbacks(execute=True):
        settings.save()

    assert "AMASQ-TEST" in client.get("/fr/").content.decode()


# The route of each page is kept per content generation (home/routing.py).


def test_an_unpublished_page_is_gone_at_once(client, home_page, django_capture_on_commit_callbacks):
    page = StandardPageFactory(parent=home_page, title="Bientôt retirée", slug="retiree")
    assert client.get("/fr/retiree/").status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()

    assert client.get("/fr/retiree/").status_code == 404


def test_a_restriction_added_after_a_visit_holds_at_once(client, home_page, django_capture_on_commit_callbacks):
    page = StandardPageFactory(parent=home_page, title="Réservée", slug="reservee")
    assert client.get("/fr/reservee/").status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/fr/reservee/")
    assert response.status_code == 302
    assert "reservee" in response["Location"]  # to sign in, and back


def test_a_made_up_address_is_not_kept(client, home_page):
    assert client.get("/fr/nulle-part/").status_code == 404
    assert not [key for key in caches["default"]._cache if ":route:" in key]


def test_a_change_saved_before_the_cache_table_exists_is_no_error(settings, home_page):
    """`migrate` on a new database (make run, a first deploy) saves pages before `createcachetable`
    has run: the change is saved and the transaction goes on."""
    settings.CACHES = {
        **settings.CACHES,
        SHARED_CACHE: {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "no_such_table"},
    }
    with transaction.atomic():
        page = StandardPageFactory(parent=home_page, title="Avant la table du cache")
        page.save_revision().publish()

        assert Page.objects.filter(title="Avant la table du cache").exists()


def test_another_workers_change_shows_within_the_recheck_delay(monkeypatch):
    """Each process trusts the generation it read for GENERATION_RECHECK seconds, then asks again."""
    now = [1000.0]
    monkeypatch.setattr(caching, "clock", lambda: now[0])
    caching.forget_generation()
    mine = caching.content_generation()
    caches[SHARED_CACHE].set(caching.GENERATION_KEY, "set-by-another-worker", None)

    assert caching.content_generation() == mine
    now[0] += caching.GENERATION_RECHECK + 0.1
    assert caching.content_generation() == "set-by-another-worker"
