"""The one rule for throttling form submissions, shared by form views and form pages."""

from django.conf import settings
from django_ratelimit.core import is_ratelimited


def post_over_limit(request, group: str, *, key: str = "ip", rate: str | None = None) -> bool:
    """Count this POST against `group` and say whether it goes beyond `rate` (default
    settings.PUBLIC_FORM_RATE) per `key` ("ip" or "user"). Other methods are not counted.

    The client address behind a proxy comes from the trusted-proxy setting (home/client_ip.py),
    so one visitor cannot use up everyone's allowance.
    """
    return is_ratelimited(
        request, group=group, key=key, rate=rate or settings.PUBLIC_FORM_RATE, method="POST", increment=True
    )
