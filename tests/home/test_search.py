import pytest
from django.utils import translation

from home.forms import SEARCH_QUERY_MAX_LENGTH
from tests.factories.home import StandardPageFactory
from tests.utils import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def school_pages(home_page, english_home_page):
    french = StandardPageFactory(
        parent=home_page,
        title="Le retour à l’école",
        slug="retour",
        intro="Partout au Québec, des adultes retrouvent le chemin de l’école.",
    )
    english = StandardPageFactory(
        parent=english_home_page,
        title="Back to école",
        slug="back",
        intro="Across Québec, adults find their way back to school.",
    )
    return french, english


def result_titles(response):
    return {anchor.get_text(strip=True) for anchor in parse(response).select("main a")}


@pytest.mark.parametrize("query", ["ecole", "quebec"])
def test_search_finds_accented_words_from_unaccented_query(client, school_pages, query):
    french, _english = school_pages

    response = client.get("/fr/recherche/", {"q": query})

    assert response.status_code == 200
    assert french.title in result_titles(response)


def test_search_returns_pages_of_the_active_language_only(client, school_pages):
    french, english = school_pages

    french_response = client.get("/fr/recherche/", {"q": "ecole"})
    english_response = client.get("/en/search/", {"q": "ecole"})

    assert english.title not in result_titles(french_response)
    assert english.title in result_titles(english_response)
    assert french.title not in result_titles(english_response)


@pytest.mark.parametrize(("language", "path"), [("fr", "/fr/recherche/"), ("en", "/en/search/")])
def test_search_with_too_long_query_explains_instead_of_failing(client, school_pages, language, path):
    with translation.override(language):
        message = translation.gettext("Your search is too long: use at most %(max)s characters.") % {
            "max": SEARCH_QUERY_MAX_LENGTH
        }

    response = client.get(path, {"q": ("école " * 1000)[:5000]})

    assert response.status_code == 400
    assert message in parse(response).get_text(" ", strip=True)


@pytest.mark.parametrize("query", ['"', 'école"', '"retour', "«école»", "école' OR 1=1 --", "*", "(", "NEAR(", "-"])
def test_search_with_full_text_syntax_answers_like_any_search(client, school_pages, query):
    # A lone double quote was an FTS5 syntax error on SQLite (issue 7, finding 13).
    response = client.get("/fr/recherche/", {"q": query})

    assert response.status_code == 200


def test_search_reads_quotes_as_spaces(client, school_pages):
    french, _english = school_pages

    response = client.get("/fr/recherche/", {"q": '"retour"'})

    assert french.title in result_titles(response)


@pytest.mark.parametrize(("language", "path"), [("fr", "/fr/recherche/"), ("en", "/en/search/")])
def test_search_with_a_nul_byte_explains_instead_of_failing(client, school_pages, language, path):
    with translation.override(language):
        message = translation.gettext("Your search contains a character that cannot be searched for.")

    response = client.get(path, {"q": "école\x00"})

    assert response.status_code == 400
    assert message in parse(response).get_text(" ", strip=True)
