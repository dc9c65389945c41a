"""Production: everything from the environment; refuses to start without a secret key or a database."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

SECRET_KEY = env("DJANGO_SECRET_KEY")  # noqa: F405
if not SECRET_KEY:
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY: the production settings refuse to start without it.")
# base.py falls back on a SQLite file for `make run`; production must never silently do so.
if not env("DATABASE_URL"):  # noqa: F405
    raise ImproperlyConfigured("Set DATABASE_URL (postgres://…): the production settings refuse to start without it.")

# A local mail relay unless EMAIL_URL names another; never the development file backend.
MAILERS = {"default": mailer_from_url(env("EMAIL_URL", "smtp://localhost:25"))}  # noqa: F405

# Wagtail's live preview shows the page in a same-origin frame, so SAMEORIGIN, not DENY.
SILENCED_SYSTEM_CHECKS = ["security.W019"]

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env("DJANGO_SECURE_SSL_REDIRECT", "true").lower() == "true"  # noqa: F405
# The load balancer probes each instance over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = int(env("DJANGO_SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# Every cookie the site sets travels over HTTPS only, out of reach of scripts. No script of
# ours reads the CSRF cookie: forms carry the token, and Wagtail's admin reads it from the page.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = CSRF_COOKIE_HTTPONLY = LANGUAGE_COOKIE_HTTPONLY = True
