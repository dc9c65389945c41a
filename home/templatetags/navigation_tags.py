"""Site-wide look-ups for the layout: menu, footer text, language links, breadcrumbs.

Each is built once per content generation and language and kept in the cache (home/caching.py):
they are the same for every visitor, and staff changes start a new generation.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page, Site
from wagtail.rich_text import expand_db_html

from home.caching import remember
from home.models import FooterText

register = template.Library()


def _localized_root(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site.root_page.localized


def _link(page, request):
    return {"title": page.title, "url": page.get_url(request), "url_path": page.url_path}


def _layout_links(request):
    """The home page and the menu in the active language, as plain links."""
    site = Site.find_for_request(request)

    def build():
        root = _localized_root(request)
        if root is None:
            return {"root": None, "menu_items": []}
        items = root.get_children().live().public().in_menu()
        return {"root": _link(root, request), "menu_items": [_link(item, request) for item in items]}

    return remember(request, f"layout-links:{site.pk if site else 0}:{get_language()}", build)


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    links = _layout_links(request)
    current = context.get("page")
    return {
        "root": links["root"],
        "menu_items": links["menu_items"],
        "current_path": getattr(current, "url_path", ""),
    }


@register.simple_tag(takes_context=True)
def home_url(context):
    root = _layout_links(context["request"])["root"]
    return root["url"] if root else "/"


@register.simple_tag(takes_context=True)
def footer_text(context):
    def build():
        footer = FooterText.objects.filter(locale__language_code=get_language()).first()
        # Expanded now (links to pages looked up), so the cache holds finished HTML.
        return mark_safe(expand_db_html(footer.body)) if footer else ""  # noqa: S308 - editor's rich text

    return remember(context.get("request"), f"footer-text:{get_language()}", build)


@register.simple_tag(takes_context=True)
def footer_links(context, site_settings):
    """Links to the contact, privacy and accessibility pages the settings name, in the active
    language: a list of {"title", "url"}."""
    request = context.get("request")

    def build():
        pages = [site_settings.contact_page, site_settings.privacy_page, site_settings.accessibility_page]
        return [_link(page.localized, request) for page in pages if page is not None]

    site_id = getattr(site_settings, "site_id", 0)
    return remember(request, f"footer-links:{site_id}:{get_language()}", build)


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
        site = Site.find_for_request(request)
        key = f"language-links:{site.pk if site else 0}:{page.pk}:{current}"
        return remember(request, key, lambda: _page_language_links(request, page, current))
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


def _page_language_links(request, page, current):
    """language_links on a Wagtail page: its live translations, else that language's home."""
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
    links = []
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
    return links


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"ancestors": []}

    def build():
        ancestors = page.get_ancestors().filter(depth__gt=1).live()
        return [_link(ancestor, request) for ancestor in ancestors]

    site = Site.find_for_request(request)
    ancestors = remember(request, f"breadcrumbs:{site.pk if site else 0}:{page.pk}", build)
    return {"ancestors": ancestors, "page": page}


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
