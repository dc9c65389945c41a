from django.middleware.csp import ContentSecurityPolicyMiddleware

# Wagtail's admin still relies on inline scripts; it keeps its own protections (login, CSRF).
CSP_EXEMPT_PREFIXES = ("/admin/",)


class PublicContentSecurityPolicyMiddleware(ContentSecurityPolicyMiddleware):
    """Django's CSP middleware (policy in settings.SECURE_CSP) for every page but the admin."""

    def process_response(self, request, response):
        if request.path.startswith(CSP_EXEMPT_PREFIXES):
            response._csp_config = {}
        return super().process_response(request, response)
