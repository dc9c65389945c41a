"""The anonymous page cache: a public page rendered for a visitor who is not signed in is kept
whole in the default cache (Redis with REDIS_URL, this process's memory otherwise) and handed to
the next such visitor without touching the database.

What is never kept or served from it (tests/home/test_page_cache.py):

- any request that carries a cookie other than the CSRF and language cookies: a session (a
  signed-in member, staff, a form's flash message) means the page may hold per-person content;
- a response that sets a cookie, varies on cookies (Django marks it so as soon as the page reads
  the session or renders a CSRF token: every form that posts, but the footer's newsletter signup,
  which needs no token) or says it is private;
- anything but a 200 answer to a GET without a query string (searches and filters are not kept:
  every visitor can ask for a new one), from Wagtail's page view, the sitemap or robots.txt: the
  portal, the admin, /health/, files and the links sent by email are always answered afresh.

Entries are keyed by the content generation (home/caching.py): publishing a page or saving a
MAS, an event, a registration or a resource starts a new one, and every page is rendered again.
What changes with the clock alone (an event that ends, a registration that closes) is at most
PAGE_CACHE_SECONDS late.
"""

from django.conf import settings
from django.core.cache import caches
from django.urls import Resolver404, resolve
from django.utils.cache import get_cache_key, has_vary_header, learn_cache_key

from home.caching import content_generation

ALLOWED_COOKIES = frozenset({settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME})
CACHEABLE_VIEWS = frozenset({"wagtail_serve", "sitemap", "robots_txt"})


def _public_view(request):
    try:
        return resolve(request.path_info).url_name in CACHEABLE_VIEWS
    except Resolver404:
        return False


def _cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and set(request.COOKIES) <= ALLOWED_COOKIES
        and _public_view(request)
    )


def _cacheable_response(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not has_vary_header(response, "Cookie")
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


class AnonymousPageCacheMiddleware:
    """After LocaleMiddleware (the key carries the language) and before anything that reads the
    session or the user; RequestIdMiddleware, security headers and compression stay outside, so
    that each answer gets its own request id and is compressed for the browser that asks."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not _cacheable_request(request):
            return self.get_response(request)
        cache = caches["default"]
        prefix = f"amasq-page:{content_generation(request)}"
        key = get_cache_key(request, prefix, "GET", cache=cache)
        if key is not None:
            response = cache.get(key)
            if response is not None:
                response["X-Page-Cache"] = "hit"
                return response
        response = self.get_response(request)
        if request.method == "GET" and _cacheable_response(response):
            key = learn_cache_key(request, response, settings.PAGE_CACHE_SECONDS, prefix, cache=cache)
            # Rendered already: Django renders a template response before the middleware sees it.
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response
