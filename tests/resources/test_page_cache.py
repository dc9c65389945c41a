"""The anonymous page cache (home/page_cache.py): a public page is rendered once for everyone who
is not signed in, and never hands one person's page, or a form's CSRF token, to another. Tried on
the resource list, which shows members more than it shows anyone else."""

import re

import pytest
from django.test import Client

from tests.factories.accounts import make_member
from tests.home.conftest import contact_page  # noqa: F401

pytestmark = pytest.mark.django_db

LIST = {"fr": "/fr/ressources/", "en": "/en/resources/"}
MEMBERS_ONLY_TITLE = {"fr": "Outil de suivi psychosocial", "en": "Psychosocial follow-up tool"}
PUBLIC_TITLE = {"fr": "Guide d’accueil des jeunes de 16 ans", "en": "Welcoming 16-year-olds"}


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def visit(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response, response.content.decode()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_second_anonymous_visitor_gets_the_page_from_the_cache_without_a_query(
    home_page, public_resource, language, django_assert_num_queries
):
    first, html = visit(Client(), LIST[language])
    with django_assert_num_queries(0):
        second, cached_html = visit(Client(), LIST[language])

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert cached_html == html
    assert PUBLIC_TITLE[language] in cached_html
    assert f'lang="{language}"' in cached_html


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_members_page_is_never_served_to_an_anonymous_visitor_nor_the_reverse(
    home_page, school, public_resource, members_resource, language
):
    member = Client()
    member.force_login(make_member(school))
    anonymous = Client()

    _response, members_view = visit(member, LIST[language])
    response, anonymous_view = visit(anonymous, LIST[language])
    assert MEMBERS_ONLY_TITLE[language] in members_view
    assert MEMBERS_ONLY_TITLE[language] not in anonymous_view
    assert response["X-Page-Cache"] == "miss"  # the member's page was not kept

    cached, anonymous_again = visit(Client(), LIST[language])
    response, members_view_again = visit(member, LIST[language])
    assert cached["X-Page-Cache"] == "hit"
    assert MEMBERS_ONLY_TITLE[language] not in anonymous_again
    assert MEMBERS_ONLY_TITLE[language] in members_view_again  # not the anonymous page kept just before
    assert "X-Page-Cache" not in response


@pytest.mark.parametrize("path", ["/fr/nous-joindre/", "/en/contact-us/"])
def test_a_form_with_a_csrf_token_is_rendered_for_each_visitor(contact_page, path):  # noqa: F811
    tokens = set()
    for visitor in (Client(), Client()):
        response, html = visit(visitor, path)
        assert "X-Page-Cache" not in response
        tokens.add(re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1))
        assert response.cookies["csrftoken"].value  # each visitor gets a token cookie of their own

    assert len(tokens) == 2


def test_a_flash_message_is_shown_to_its_visitor_only(home_page):
    visit(Client(), "/fr/")
    with_message = Client()
    with_message.cookies["messages"] = "a-signed-message"

    response, _html = visit(with_message, "/fr/")

    assert "X-Page-Cache" not in response  # a cookie that is not the CSRF or language one: rendered afresh


def test_publishing_renders_the_page_again_for_everyone(
    home_page, public_resource, django_capture_on_commit_callbacks
):
    visit(Client(), LIST["fr"])
    public_resource.title = "Guide revu et augmenté"
    with django_capture_on_commit_callbacks(execute=True):
        public_resource.save_revision().publish()

    response, html = visit(Client(), LIST["fr"])

    assert response["X-Page-Cache"] == "miss"
    assert "Guide revu et augmenté" in html


def test_searches_and_the_portal_are_never_kept(home_page, public_resource, school):
    for url in (LIST["fr"] + "?q=guide", "/fr/portail/"):
        client = Client()
        if "portail" in url:
            client.force_login(make_member(school))
        visit(client, url)
        response, _html = visit(Client() if "q=" in url else client, url)
        assert "X-Page-Cache" not in response
