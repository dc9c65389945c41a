import logging
import time

from django.middleware.csp import ContentSecurityPolicyMiddleware

from home.log import REQUEST_ID, loggable_path, request_id_from

request_logger = logging.getLogger("amasq.requests")

# Wagtail's admin still relies on inline scripts; it keeps its own protections (login, CSRF).
CSP_EXEMPT_PREFIXES = ("/admin/",)


class PublicContentSecurityPolicyMiddleware(ContentSecurityPolicyMiddleware):
    """Django's CSP middleware (policy in settings.SECURE_CSP) for every page but the admin."""

    def process_response(self, request, response):
        if request.path.startswith(CSP_EXEMPT_PREFIXES):
            response._csp_config = {}
        return super().process_response(request, response)


class RequestIdMiddleware:
    """Gives each request an id (the proxy's X-Request-ID when safe), puts it on every log line
    written while the request runs, echoes it in the response and logs one line per request.

    First in MIDDLEWARE: outside any page cache, so that a cached response never carries
    another request's id, and around redirects made by the middleware below it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request_id_from(request.headers.get("X-Request-ID"))
        token = REQUEST_ID.set(request.request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request.request_id
            path = loggable_path(request)
            request_logger.info(
                "%s %s %s",
                request.method,
                path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
            return response
        finally:
            REQUEST_ID.reset(token)
