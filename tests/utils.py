"""Small readers for rendered pages, shared by the tests."""

from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext


def parse(response):
    return BeautifulSoup(response.content, "html.parser")


def html_lang(response):
    return parse(response).html.get("lang")


def link_targets(response):
    return {anchor["href"] for anchor in parse(response).find_all("a", href=True)}


# Query counts: a page is rendered with a few items, then with ten times as many, and its count
# pinned. The first visit of each round warms the caches and creates image renditions; the second
# is counted.


def steady_query_count(client, url):
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def assert_steady_count(client, url, expected, django_assert_num_queries):
    assert client.get(url).status_code == 200
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200
