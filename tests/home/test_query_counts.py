"""Pages issue a fixed number of SQL queries however much content exists (see tests/utils.py)."""

import pytest

from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.home import ImageFactory, NewsPageFactory, StandardPageFactory
from tests.utils import assert_steady_count, steady_query_count

pytestmark = pytest.mark.django_db

FEW, MANY = 3, 30
# Raise one of these only when a change adds a fixed query to every render of that page, and say why.
HOME_PAGE_QUERIES = 7
NEWS_INDEX_QUERIES = 5
NEWS_PAGE_QUERIES = 2
SEARCH_QUERIES = 5


def add_news(index, count):
    for _ in range(count):
        NewsPageFactory(parent=index, image=ImageFactory(), tags=["colloque", "international"])


def add_events(index, count):
    for _ in range(count):
        EventPageFactory(parent=index, image=ImageFactory())


def add_menu_pages(home, count):
    for _ in range(count):
        StandardPageFactory(parent=home, show_in_menus=True)


@pytest.fixture
def event_index(home_page):
    return EventIndexPageFactory(parent=home_page)


def test_home_page_queries_do_not_grow_with_content(
    client, home_page, news_index, event_index, django_assert_num_queries
):
    for add, parent in [(add_news, news_index), (add_events, event_index), (add_menu_pages, home_page)]:
        add(parent, FEW)
    few = steady_query_count(client, "/fr/")
    for add, parent in [(add_news, news_index), (add_events, event_index), (add_menu_pages, home_page)]:
        add(parent, MANY - FEW)

    assert_steady_count(client, "/fr/", HOME_PAGE_QUERIES, django_assert_num_queries)
    assert few == HOME_PAGE_QUERIES


def test_news_index_queries_do_not_grow_with_news(client, news_index, django_assert_num_queries):
    add_news(news_index, FEW)
    few = steady_query_count(client, news_index.url)
    add_news(news_index, MANY - FEW)

    assert_steady_count(client, news_index.url, NEWS_INDEX_QUERIES, django_assert_num_queries)
    assert few == NEWS_INDEX_QUERIES


def test_news_page_queries_do_not_grow_with_news_or_tags(client, news_index, django_assert_num_queries):
    item = NewsPageFactory(parent=news_index, image=ImageFactory(), tags=[f"sujet-{n}" for n in range(FEW)])
    add_news(news_index, FEW)
    few = steady_query_count(client, item.url)
    item.tags.add(*[f"sujet-{n}" for n in range(FEW, MANY)])
    item.save()
    add_news(news_index, MANY - FEW)

    assert_steady_count(client, item.url, NEWS_PAGE_QUERIES, django_assert_num_queries)
    assert few == NEWS_PAGE_QUERIES


def test_search_queries_do_not_grow_with_results(client, news_index, django_assert_num_queries):
    def add_results(count):
        for _ in range(count):
            NewsPageFactory(parent=news_index, image=ImageFactory(), summary="Une école pour adultes.")

    url = "/fr/recherche/?q=ecole"
    add_results(FEW)
    few = steady_query_count(client, url)
    add_results(MANY - FEW)

    assert_steady_count(client, url, SEARCH_QUERIES, django_assert_num_queries)
    assert few == SEARCH_QUERIES
