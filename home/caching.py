"""What the public pages reuse between requests, and when it is thrown away.

Two caches (settings CACHES, docs/architecture.md "Caching"):

- "default": this process's memory, or Redis when REDIS_URL is set. It holds what a page reads
  on every request and what is cheap to rebuild: the layout's look-ups (menu, language links,
  breadcrumbs, footer, site settings), locales and image renditions.
- "shared": what every worker must agree on (the database cache without Redis): rate limits,
  used one-time codes, and the content generation below.

The content generation is a token kept in the shared cache. When staff publish, unpublish, move
or delete a page, or save a snippet, setting or event, resource or MAS record, a new token is
written (at once, and again once the transaction commits); every entry built under the old one is
never read again and ages out. Each process reads the token at most every GENERATION_RECHECK
seconds: every worker's layout and pages follow the database within two seconds of a change,
without asking each worker to forget, and a request seldom pays a read of the shared cache.
"""

import logging
import time

from django.core.cache import caches
from django.db import DatabaseError, transaction

logger = logging.getLogger(__name__)

SHARED_CACHE = "shared"
GENERATION_KEY = "amasq:content-generation"
# Entries built for one generation: long enough to serve a busy hour, short enough that the old
# generations' entries do not crowd the local cache.
LAYOUT_TIMEOUT = 60 * 60

# How long a process trusts the generation it last read before asking the shared cache again.
GENERATION_RECHECK = 2.0
clock = time.monotonic
_known_generation = {"value": None, "read_at": 0.0}

_MISSING = object()


def content_generation(request=None):
    """The current generation token, read once per request (kept on the request), and at most
    once every GENERATION_RECHECK seconds by each process (kept in it): a change made in another
    worker shows that much later at most, and most requests read nothing from the shared cache
    (a SQL query when it is the database cache)."""
    if request is not None and hasattr(request, "_amasq_content_generation"):
        return request._amasq_content_generation
    known = _known_generation
    if known["value"] is not None and clock() - known["read_at"] < GENERATION_RECHECK:
        generation = known["value"]
    else:
        shared = caches[SHARED_CACHE]
        generation = shared.get(GENERATION_KEY)
        if generation is None:
            generation = str(time.time_ns())
            shared.add(GENERATION_KEY, generation, None)
            generation = shared.get(GENERATION_KEY, generation)
        _remember_generation(generation)
    if request is not None:
        request._amasq_content_generation = generation
    return generation


def forget_generation():
    """Ask the shared cache at the next request (after clearing it, as each test does)."""
    _known_generation.update(value=None, read_at=0.0)


def _remember_generation(generation):
    _known_generation.update(value=generation, read_at=clock())


def _new_generation():
    generation = str(time.time_ns())
    _remember_generation(generation)  # this process sees its own change at once
    try:
        # A savepoint of its own: a failed query of the database cache must not abort the
        # transaction that saved the change.
        with transaction.atomic():
            caches[SHARED_CACHE].set(GENERATION_KEY, generation, None)
    except DatabaseError:
        # The database cache's table is made by `createcachetable`: while `migrate` builds a new
        # database (its data migrations save pages and locales) there is none, and nothing cached
        # to renew either.
        logger.info("No cache table yet: content generation not renewed")


def bump_content_generation():
    """Start a new generation at once, so that what follows in this transaction (the admin's
    preview, a test) sees the change, and again once the transaction commits: a worker that read
    the first one before the commit may have kept what the database showed it then."""
    _new_generation()
    transaction.on_commit(_new_generation)


def remember(request, key, build, keep=None):
    """`build()`'s value for `key` in the current generation, built once per generation (kept
    only if `keep(value)` says so, when given)."""
    cache = caches["default"]
    full_key = f"amasq:{content_generation(request)}:{key}"
    value = cache.get(full_key, _MISSING)
    if value is _MISSING:
        value = build()
        if keep is None or keep(value):
            cache.set(full_key, value, LAYOUT_TIMEOUT)
    return value


# Locales: Wagtail reads the locale table each time a page asks for the active language's
# locale, six to nine times a page. The rows follow settings.WAGTAIL_CONTENT_LANGUAGES, which
# only change with a deploy (a restart), so each process keeps them; saving or deleting a locale
# forgets them in that process (home/signal_handlers.py), which is what tests that create them need.
_locales = {}


def install_locale_cache():
    from wagtail.models.i18n import LocaleManager

    if getattr(LocaleManager.get_for_language, "_amasq_cached", False):
        return
    uncached = LocaleManager.get_for_language

    def get_for_language(self, language_code):
        locale = _locales.get(language_code)
        if locale is None:
            locale = _locales[language_code] = uncached(self, language_code)
        return locale

    get_for_language._amasq_cached = True
    LocaleManager.get_for_language = get_for_language


def forget_locales():
    _locales.clear()


# allauth counts failed logins and remembers used one-time codes in `django.core.cache.cache`,
# the default cache, with no setting to choose another. The default is per process here, so a
# login could try five passwords per worker and replay a code on another worker: these two
# modules are pointed at the shared cache instead (tests/home/test_caching.py pins it).
ALLAUTH_CACHE_MODULES = ("allauth.core.internal.ratelimit", "allauth.mfa.totp.internal.auth")


def share_allauth_cache():
    import importlib

    from django.utils.connection import ConnectionProxy

    for name in ALLAUTH_CACHE_MODULES:
        importlib.import_module(name).cache = ConnectionProxy(caches, SHARED_CACHE)
