import datetime

import pytest
from defusedxml import ElementTree as ET

from home.models.pages import NEWS_PER_PAGE
from tests.factories.home import NewsPageFactory
from tests.utils import parse

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def many_news(news_index):
    """NEWS_PER_PAGE + 2 items, newest first: "Nouvelle 1" is the newest."""
    count = NEWS_PER_PAGE + 2
    return [
        NewsPageFactory(
            parent=news_index,
            title=f"Nouvelle {number}",
            slug=f"nouvelle-{number}",
            date=datetime.date(2026, 11, 1) - datetime.timedelta(days=number),
        )
        for number in range(1, count + 1)
    ]


def listed_titles(response):
    return {anchor.get_text(strip=True) for anchor in parse(response).select("main a")}


def test_news_index_filters_by_tag(client, news_index):
    NewsPageFactory(parent=news_index, title="Colloque national", tags=["colloque"])
    NewsPageFactory(parent=news_index, title="Nouveau conseil", tags=["gouvernance"])

    response = client.get(news_index.url, {"tag": "colloque"})

    titles = listed_titles(response)
    assert "Colloque national" in titles
    assert "Nouveau conseil" not in titles


def test_news_index_with_a_nul_byte_in_the_tag_lists_nothing_instead_of_failing(client, news_index):
    NewsPageFactory(parent=news_index, title="Colloque national", tags=["colloque"])

    response = client.get(news_index.url, {"tag": "colloque\x00"})

    assert response.status_code == 200
    assert "Colloque national" not in listed_titles(response)


def test_news_index_second_page_lists_the_oldest_items(client, news_index, many_news):
    response = client.get(news_index.url, {"page": 2})

    titles = listed_titles(response)
    assert {f"Nouvelle {NEWS_PER_PAGE + 1}", f"Nouvelle {NEWS_PER_PAGE + 2}"} <= titles
    assert "Nouvelle 1" not in titles


def test_news_index_non_numeric_page_shows_first_page(client, news_index, many_news):
    response = client.get(news_index.url, {"page": "abc"})

    assert response.status_code == 200
    assert "Nouvelle 1" in listed_titles(response)


def test_news_index_page_beyond_the_end_shows_last_page(client, news_index, many_news):
    response = client.get(news_index.url, {"page": 999})

    assert response.status_code == 200
    assert f"Nouvelle {NEWS_PER_PAGE + 2}" in listed_titles(response)


def test_news_rss_feed_is_valid_xml_with_items(client, news_index, many_news):
    response = client.get(f"{news_index.url}rss/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "fr"
    items = channel.findall("item")
    assert len(items) == len(many_news)
    assert items[0].findtext("title") == "Nouvelle 1"
    assert items[0].findtext("link") == many_news[0].full_url


def test_news_atom_feed_is_valid_xml_with_entries(client, news_index, many_news, english_locale):
    response = client.get(f"{news_index.url}atom/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    entries = ET.fromstring(response.content).findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries][:2] == ["Nouvelle 1", "Nouvelle 2"]


def test_news_feed_of_english_index_lists_english_items(client, news_page, english_locale):
    english_index = news_page.get_parent().get_translation(english_locale)

    response = client.get(f"{english_index.url}rss/")

    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "en"
    assert [item.findtext("title") for item in channel.findall("item")] == ["Amarrages, a sister network in Belgium"]
