import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation
from django.utils.formats import date_format

from tests.factories.home import StandardPageFactory
from tests.utils import link_targets, parse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [(None, "/fr/"), ("fr-CA,fr;q=0.9", "/fr/"), ("en-US,en", "/en/"), ("de", "/fr/")],
)
def test_root_redirects_to_preferred_language(client, home_page, accept_language, expected):
    headers = {"Accept-Language": accept_language} if accept_language else {}

    response = client.get("/", headers=headers)

    assert response.status_code == 302
    assert response["Location"] == expected


def test_switcher_on_french_page_links_to_english_translation(client, news_page, english_locale):
    english = news_page.get_translation(english_locale)

    response = client.get(news_page.url)

    assert english.url in link_targets(response)


def test_switcher_on_english_page_links_to_french_translation(client, news_page, english_locale):
    english = news_page.get_translation(english_locale)

    response = client.get(english.url)

    assert news_page.url in link_targets(response)


def test_switcher_falls_back_to_english_home_without_translation(client, home_page):
    untranslated = StandardPageFactory(parent=home_page, title="Seulement en français", slug="francais")

    response = client.get(untranslated.url)

    assert "/en/" in link_targets(response)


def test_switcher_falls_back_to_french_home_without_translation(client, english_home_page):
    untranslated = StandardPageFactory(parent=english_home_page, title="English only", slug="english-only")

    response = client.get(untranslated.url)

    assert "/fr/" in link_targets(response)


def test_page_declares_hreflang_alternates_for_both_languages(client, news_page, english_locale):
    english = news_page.get_translation(english_locale)

    response = client.get(news_page.url)

    alternates = {
        link["hreflang"]: link["href"] for link in parse(response).find_all("link", rel="alternate", hreflang=True)
    }
    assert alternates["fr"].endswith(news_page.url)
    assert alternates["en"].endswith(english.url)


def test_canonical_and_hreflang_name_the_same_host(client, news_page, english_locale):
    english = news_page.get_translation(english_locale)

    # The Site record says localhost:80; the request arrives under another name for the same site.
    html = parse(client.get(news_page.url, HTTP_HOST="127.0.0.1:8000"))

    canonical = html.find("link", rel="canonical")["href"]
    alternates = {link["hreflang"]: link["href"] for link in html.find_all("link", rel="alternate", hreflang=True)}
    assert canonical == f"http://localhost{news_page.url}"
    assert alternates == {
        "fr": canonical,
        "x-default": canonical,
        "en": f"http://localhost{english.url}",
    }


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "22 novembre 2026, 14 h 30"), ("en", "November 22, 2026, 2:30 p.m.")],
)
def test_datetime_format_is_quebec_style(language, expected):
    moment = datetime.datetime(2026, 11, 22, 14, 30, tzinfo=ZoneInfo("America/Montreal"))

    with translation.override(language):
        assert date_format(moment, "DATETIME_FORMAT") == expected
