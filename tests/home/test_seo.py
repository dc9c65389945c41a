import json

import pytest
from defusedxml import ElementTree as ET
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from tests.utils import parse

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_sitemap_lists_pages_of_both_languages(client, news_page, english_locale):
    english = news_page.get_translation(english_locale)

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    locations = {loc.text for loc in ET.fromstring(response.content).findall("sm:url/sm:loc", SITEMAP_NS)}
    assert news_page.full_url in locations
    assert english.full_url in locations
    assert "http://localhost/en/" in locations


def test_robots_txt_names_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode().splitlines()


def test_robots_txt_keeps_crawlers_out_of_the_account_pages_in_every_language(client):
    lines = client.get("/robots.txt").content.decode().splitlines()

    assert {"Disallow: /admin/", "Disallow: /fr/comptes/", "Disallow: /en/accounts/"} <= set(lines)


def test_home_page_describes_the_organisation_as_json_ld(client, home_page):
    response = client.get("/fr/")

    scripts = parse(response).find_all("script", type="application/ld+json")
    data = [json.loads(script.string) for script in scripts]
    organisations = [item for item in data if item.get("@type") in {"Organization", "EducationalOrganization"}]
    assert organisations
    assert organisations[0]["name"]
    assert organisations[0]["url"].startswith("http")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_news_page_has_open_graph_and_meta_description(client, news_page, language):
    page = news_page.get_translation(Locale.objects.get(language_code=language))

    document = parse(client.get(page.url))

    open_graph = {meta["property"]: meta.get("content", "") for meta in document.find_all("meta", property=True)}
    assert open_graph["og:title"] == page.title
    assert open_graph["og:url"].endswith(page.url)
    assert open_graph["og:locale"].startswith(language)
    assert document.find("meta", attrs={"name": "description"})["content"].strip() == page.summary


@pytest.mark.parametrize("url_name", ["search", "account_login"])
@pytest.mark.parametrize(
    ("language", "start"), [("fr", ("Chercher", "Connexion")), ("en", ("Search the AMASQ", "Sign in to"))]
)
def test_search_and_login_pages_have_a_meta_description(client, home_page, url_name, language, start):
    with translation.override(language):
        url = reverse(url_name)

    description = parse(client.get(url)).find("meta", attrs={"name": "description"})

    assert description is not None
    assert description["content"].startswith(start)
