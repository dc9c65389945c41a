from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import routing
from home import views as home_views
from home.sitemaps import MultilingualSitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    # No language prefix and never cached: the load balancer's and monitoring's probe.
    path("health/", home_views.health, name="health"),
    # An email provider's bounce and complaint reports (newsletter/signals.py).
    path("anymail/", include("anymail.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path(_("search/"), home_views.search, name="search"),
    path(_("accounts/"), include("allauth.urls")),
    path(_("portal/mentoring/"), include("members.mentoring.urls")),
    path(_("portal/resources/"), include("resources.portal_urls")),
    path(_("portal/"), include("members.urls")),
    path(_("event-registrations/"), include("events.urls")),
    path(_("newsletter-subscription/"), include("newsletter.urls")),
    path(_("resource-files/"), include("resources.urls")),
    # Wagtail's front-end URLs (password-protected pages) as they are, then its page view with
    # the route found once per content generation (home/routing.py).
    *[pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"],
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
)

handler403 = "home.views.permission_denied"
handler404 = "home.views.page_not_found"
