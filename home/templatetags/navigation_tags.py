"""Site-wide look-ups for the layout: menu, footer text, language links, breadcrumbs."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site

from home.models import FooterText

register = template.Library()


def _localized_root(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site.root_page.localized


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    root = _localized_root(request)
    items = root.get_children().live().public().in_menu() if root else Page.objects.none()
    current = context.get("page")
    # The request lets {% pageurl %} reuse the site root paths already cached on it.
    return {
        "root": root,
        "menu_items": list(items),
        "current_path": getattr(current, "url_path", ""),
        "request": request,
    }


@register.simple_tag(takes_context=True)
def home_url(context):
    root = _localized_root(context["request"])
    return root.url if root else "/"


@register.simple_tag
def footer_text():
    footer = FooterText.objects.filter(locale__language_code=get_language()).first()
    return footer.body if footer else ""


def _absolute(request, url):
    """`url` on the host the Site record names, the rule {% fullpageurl %} follows for the
    canonical link: every address a page announces about itself (canonical, og:url, hreflang)
    names the same host, whatever Host header the request came with."""
    if "://" in url:
        return url
    site = Site.find_for_request(request)
    return f"{site.root_url}{url}" if site else request.build_absolute_uri(url)


@register.simple_tag(takes_context=True)
def language_links(context):
    """For each site language: where the visitor lands when they switch to it.

    On a Wagtail page that is the translation of this page when one is live, otherwise that
    language's home page; elsewhere the same URL in the other language.
    """
    request = context["request"]
    page = context.get("page")
    current = get_language()
    links = []
    # Each link also carries `full_url`, the absolute address hreflang alternates announce.
    if isinstance(page, Page) and page.pk:
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().public().select_related("locale")
        }
        site = Site.find_for_request(request)
        homes = {}
        if site and len(translations) < len(settings.LANGUAGES):
            homes = {
                p.locale.language_code: p
                for p in site.root_page.get_translations(inclusive=True).live().select_related("locale")
            }
        for code, name in settings.LANGUAGES:
            target = translations.get(code) or homes.get(code)
            url = target.get_url(request) if target else f"/{code}/"
            links.append(
                {
                    "code": code,
                    "name": name,
                    "url": url,
                    "full_url": _absolute(request, url),
                    "is_current": code == current,
                    "is_translation": code in translations,
                }
            )
    else:
        for code, name in settings.LANGUAGES:
            url = translate_url(request.get_full_path(), code)
            # translate_url hands back the same path when it cannot resolve it (a 404): then the
            # other language's home page is the best landing place.
            is_translation = url.startswith(f"/{code}/")
            links.append(
                {
                    "code": code,
                    "name": name,
                    "url": url if is_translation else f"/{code}/",
                    "full_url": _absolute(request, url if is_translation else f"/{code}/"),
                    "is_current": code == current,
                    "is_translation": is_translation,
                }
            )
    return links


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"ancestors": [], "request": request}
    ancestors = page.get_ancestors().filter(depth__gt=1).live().specific(defer=True)
    return {"ancestors": list(ancestors), "page": page, "request": request}


# Fields that summarise a page, in order of preference, across the site's page types.
DESCRIPTION_FIELDS = ("search_description", "summary", "short_description", "intro", "hero_intro")


@register.simple_tag
def page_description(page):
    """The page's meta description: its search description, else its own summary or intro."""
    for field in DESCRIPTION_FIELDS:
        value = getattr(page, field, "")
        if value:
            return str(value)
    return ""
