"""The layout is cached per content generation, and staff changes show at once (home/caching.py)."""

import importlib

import pytest
from django.core.cache import caches

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
