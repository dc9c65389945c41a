"""The site's URLs plus what a deployment gets from elsewhere (see bench/settings.py):

- /media/, which the reverse proxy serves in production, with the long cache lifetime it gives them;
- /bench-tiles/…, one light-grey tile for any map tile: `make audit` runs without Internet access,
  so bench/audit.py points DJANGO_MAP_TILE_URL here rather than at OpenStreetMap, whose tiles would
  fail to load and count as console errors of the site."""

import base64

from django.conf import settings
from django.http import HttpResponse
from django.urls import re_path
from django.views.decorators.cache import cache_control
from django.views.static import serve

from amasq_site.urls import handler403, handler404
from amasq_site.urls import urlpatterns as site_urlpatterns

__all__ = ["handler403", "handler404", "urlpatterns"]

TILE = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGN48e7DfwAJTgPGqQ0aVQAAAABJRU5ErkJggg=="
)
YEAR = 60 * 60 * 24 * 365


@cache_control(max_age=YEAR, public=True)
def tile(request, path):
    return HttpResponse(TILE, content_type="image/png")


urlpatterns = [
    re_path(
        r"^media/(?P<path>.*)$",
        cache_control(max_age=YEAR, public=True)(serve),
        {"document_root": settings.MEDIA_ROOT},
    ),
    re_path(r"^bench-tiles/(?P<path>[\d/]+)\.png$", tile),
    *site_urlpatterns,
]
