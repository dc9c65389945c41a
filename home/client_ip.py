"""The visitor's address for rate limits, shared by django-ratelimit and allauth.

Behind a reverse proxy REMOTE_ADDR is the proxy's address, so every visitor would share one
rate-limit bucket. X-Forwarded-For can be forged by anyone, so it is read only when
ALLAUTH_TRUSTED_PROXY_COUNT (from DJANGO_TRUSTED_PROXY_COUNT) says how many proxies in front of
the site append to it; allauth implements that rule, and django-ratelimit asks it here
(RATELIMIT_IP_META_KEY).
"""

from allauth.account.adapter import get_adapter


def client_ip(request):
    return get_adapter(request).get_client_ip(request)
