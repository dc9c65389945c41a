"""Production: everything from the environment; refuses to start without a secret key or a database."""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

SECRET_KEY = env("DJANGO_SECRET_KEY")  # noqa: F405
if not SECRET_KEY:
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY: the production settings refuse to start without it.")
# base.py falls back on a SQLite file for `make run`; production must never silently do so.
if not env("DATABASE_URL"):  # noqa: F405
    raise ImproperlyConfigured("Set DATABASE_URL (postgres://…): the production settings refuse to start without it.")

# Where collectstatic writes (WhiteNoise serves from there), when not the checkout's staticfiles/.
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", STATIC_ROOT))  # noqa: F405

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

# Uploaded files. With a bucket (S3 or compatible: MinIO, Scaleway, OVH…), images go under media/
# (public) and documents and members' photos under private/ (never public: the app streams them
# after its access checks); credentials come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,
# which boto3 reads itself. Without one, MEDIA_ROOT (served by the reverse proxy) and
# PRIVATE_MEDIA_ROOT (served by nobody but the app) on a disk the instances share. docs/deploy.md.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")  # noqa: F405
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL") or None  # noqa: F405
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME") or None  # noqa: F405
    AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN") or None  # noqa: F405
    AWS_DEFAULT_ACL = None
    AWS_S3_FILE_OVERWRITE = False
    STORAGES = {
        **STORAGES,  # noqa: F405
        "default": {"BACKEND": "resources.storage.S3MediaStorage"},
        "private": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {"location": "private"}},
    }
# Documents always go through Wagtail's view (and its access check), never a redirect to storage.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
