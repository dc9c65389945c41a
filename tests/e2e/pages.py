"""Where each kind of demo page lives, looked up in the database the live server serves."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import translation

from events.models import EventIndexPage, EventPage
from home.models import ContactPage, HomePage, NewsIndexPage, NewsPage, StandardPage
from members.models import MASDirectoryPage, MASPage
from newsletter.models import NewsletterIndexPage, NewsletterPage

SEARCH_TERMS = {"fr": "école", "en": "school"}


def live_page(model, language):
    page = model.objects.live().filter(locale__language_code=language).order_by("path").first()
    assert page is not None, f"the demo content has no live {model.__name__} in {language!r}"
    return page


def url_of(model, language):
    return live_page(model, language).url


def named_url(name, language, **query):
    with translation.override(language):
        url = reverse(name)
    return f"{url}?{urlencode(query)}" if query else url


PAGE_URLS = {
    "home": lambda language: url_of(HomePage, language),
    "standard page": lambda language: url_of(StandardPage, language),
    "news index": lambda language: url_of(NewsIndexPage, language),
    "news page": lambda language: url_of(NewsPage, language),
    "event index": lambda language: url_of(EventIndexPage, language),
    "event page": lambda language: url_of(EventPage, language),
    "contact page": lambda language: url_of(ContactPage, language),
    "newsletter page": lambda language: url_of(NewsletterIndexPage, language),
    "newsletter issue": lambda language: url_of(NewsletterPage, language),
    "school directory": lambda language: url_of(MASDirectoryPage, language),
    "school page": lambda language: url_of(MASPage, language),
    "search results": lambda language: named_url("search", language, q=SEARCH_TERMS[language]),
    "not found": lambda language: f"/{language}/nope/",
    "login": lambda language: named_url("account_login", language),
}
