"""Local development: DEBUG on, a fixed throwaway key, mail written to var/mail/."""

import contextlib
import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = ["*"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405

with contextlib.suppress(ImportError):
    from .local import *  # noqa: F403
