from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_safe
from wagtail.models import Locale, Page

from home.forms import SearchForm
from home.health import run_checks
from home.pagination import paginate

SEARCH_RESULTS_PER_PAGE = 10


@require_GET
def search(request):
    """Full-text search over the live public pages of the visitor's language."""
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else request.GET.get("q", "").strip()
    error = "" if form.is_valid() else " ".join(form.errors["q"])
    results_page = None
    if query and not error:
        results = Page.objects.live().public().filter(locale=Locale.get_active()).specific().search(query)
        results_page = paginate(results, request.GET.get("page", 1), SEARCH_RESULTS_PER_PAGE)
    return TemplateResponse(
        request,
        "home/search.html",
        {"search_query": query, "results_page": results_page, "error": error},
        status=400 if error else 200,
    )


def _accounts_prefixes():
    """The sign-in pages' folder in each language (/fr/comptes/, /en/accounts/): reversed, so
    that robots.txt follows the translated URL patterns instead of repeating them."""
    prefixes = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            login = reverse("account_login")
        prefixes.append("/".join(login.split("/")[:3]) + "/")
    return prefixes


@require_GET
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    disallowed = ["/admin/", *_accounts_prefixes()]
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in disallowed), "", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def rate_limited(request, exception):
    return TemplateResponse(request, "429.html", status=429)


def page_not_found(request, exception):
    return TemplateResponse(request, "404.html", status=404)


def permission_denied(request, exception):
    return TemplateResponse(request, "403.html", status=403)


@never_cache
@require_safe
def health(request):
    """For the load balancer and monitoring: 200 when the database, the cache and the task queue
    answer, 503 naming the part that does not (home/health.py)."""
    results, healthy = run_checks()
    return JsonResponse(results, status=200 if healthy else 503)
