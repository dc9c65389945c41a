"""Wagtail's page view, with the page found once per content generation rather than on every
request.

Finding a page costs Wagtail a query for the site, one for its root page, one for the root's
translation in English, then two per level of the URL (the child by slug, then its specific row),
and one for the view restrictions of the page and its ancestors: six to nine of the ten queries a
public page may make (issue 12). The route (the specific page, and a routable page's view and
arguments), the site and the restrictions that apply are kept in the default cache under the
content generation (home/caching.py), which publishing, moving or deleting a page, or saving a
site or a restriction, renews. Each request gets its own copy (the cache pickles), so nothing one
request sets on a page reaches another.

A path that leads nowhere is not kept: anyone could fill the cache with made-up addresses.
"""

import functools
import hashlib

from django.http import Http404
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from home.caching import remember


def _find(request, path):
    """(site, route, restrictions) as Wagtail finds them; route is None for a path that leads nowhere."""
    site = Site.find_for_request(request)
    route = Page.route_for_request(request, path)
    restrictions = list(route[0].get_view_restrictions()) if route is not None else []
    return site, route, restrictions


def serve(request, path):
    # The host was checked against ALLOWED_HOSTS by CommonMiddleware; the path is hashed so that
    # no address makes an overlong key.
    where = hashlib.sha256(f"{request.get_host()}|{request.LANGUAGE_CODE}|{path}".encode()).hexdigest()
    key = f"route:{where}"
    site, route, restrictions = remember(
        request, key, lambda: _find(request, path), keep=lambda found: found[1] is not None
    )
    if route is None:
        raise Http404
    request._wagtail_site = site
    request._wagtail_route_for_request = route
    page = route[0]
    # Wagtail's before_serve_page hook asks the page for its restrictions: the ones found with it
    # (a partial, not a lambda: the page may be pickled again, as the site's root page for one).
    page.get_view_restrictions = functools.partial(list, restrictions)
    return wagtail_views.serve(request, path)
