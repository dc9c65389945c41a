"""Small readers for rendered pages, shared by the tests."""

from bs4 import BeautifulSoup


def parse(response):
    return BeautifulSoup(response.content, "html.parser")


def html_lang(response):
    return parse(response).html.get("lang")


def link_targets(response):
    return {anchor["href"] for anchor in parse(response).find_all("a", href=True)}
