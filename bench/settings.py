"""The production settings, as deployed, with two things a deployment gets from elsewhere:

- STATIC_ROOT from BENCH_STATIC_ROOT, so that bench/run.py and bench/audit.py collect the static
  files into a throwaway folder rather than the checkout's staticfiles/;
- uploaded media served by Django (bench/urls.py): in production the reverse proxy or the object
  storage serves them, and pages measured or audited without their images would not be the site.

Everything else (DEBUG off, WhiteNoise, security headers, the cache chosen by REDIS_URL) is
amasq_site.settings.production, read from the same environment variables."""

import os
from pathlib import Path

from amasq_site.settings.production import *  # noqa: F403

STATIC_ROOT = Path(os.environ["BENCH_STATIC_ROOT"])
ROOT_URLCONF = "bench.urls"
