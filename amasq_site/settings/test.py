"""Test run: fast hashing, in-memory mail and cache, tasks run at once."""

import os

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "shared": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "shared"},
}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
PRIVATE_MEDIA_ROOT = BASE_DIR / "var" / "test-private-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
SITE_BASE_URL = WAGTAILADMIN_BASE_URL
# Browser tests drive a live server from the test process's async event loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
PAGE_CACHE_SECONDS = 0  # on in tests/home/test_page_cache.py only: a test changes content without committing
