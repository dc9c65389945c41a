import pytest
from django.utils import translation
from django.views.defaults import server_error

from tests.utils import html_lang, link_targets, parse

pytestmark = pytest.mark.django_db


def translated(msgid, language):
    with translation.override(language):
        return translation.gettext(msgid)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_missing_page_answers_404_in_its_language(client, home_page, language):
    response = client.get(f"/{language}/nope/")

    assert response.status_code == 404
    assert html_lang(response) == language
    assert parse(response).h1.get_text(strip=True) == translated("Page not found", language)
    assert f"/{language}/" in link_targets(response)


def test_404_message_is_translated_into_french():
    assert translated("Page not found", "fr") != "Page not found"


def test_server_error_page_renders_in_both_languages(rf):
    response = server_error(rf.get("/fr/"))

    assert response.status_code == 500
    document = parse(response)
    assert document.html["lang"] == "fr"
    assert document.find(attrs={"lang": "en"}) is not None
    assert {"/fr/", "/en/"} <= {anchor["href"] for anchor in document.find_all("a", href=True)}
