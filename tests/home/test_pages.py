import pytest
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from events.models import EventIndexPage
from home.models import ContactPage, HomePage, NewsIndexPage, NewsPage, StandardPage
from members.models import MASDirectoryPage
from newsletter.models import NewsletterIndexPage
from resources.models import ResourceIndexPage
from tests.factories.accounts import add_totp
from tests.factories.home import HomePageFactory
from tests.utils import html_lang, parse

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr", "en"]


def in_language(page, language):
    return page.get_translation(Locale.objects.get(language_code=language))


def text_of(response):
    return parse(response).get_text(" ", strip=True)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "Raccrocher les adultes à l’école"), ("en", "Bringing adults back to school")],
)
def test_home_page_renders_in_its_language(client, home_page, language, expected):
    response = client.get(in_language(home_page, language).url)

    assert response.status_code == 200
    assert html_lang(response) == language
    assert expected in text_of(response)


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_lists_latest_news_of_its_language(client, news_page, language):
    item = in_language(news_page, language)

    response = client.get(f"/{language}/")

    assert item.title in text_of(response)
    assert item.url in {a["href"] for a in parse(response).find_all("a", href=True)}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", ["Qu’est-ce qu’un MAS?", "Quatre critères définissent un MAS."]),
        ("en", ["What is a MAS?", "Four criteria"]),
    ],
)
def test_standard_page_renders_in_its_language(client, standard_page, language, expected):
    response = client.get(in_language(standard_page, language).url)

    assert response.status_code == 200
    assert html_lang(response) == language
    text = text_of(response)
    assert all(part in text for part in expected)


@pytest.mark.parametrize("language", LANGUAGES)
def test_news_index_renders_its_items(client, news_page, language):
    index = in_language(news_page.get_parent(), language)

    response = client.get(index.url)

    assert response.status_code == 200
    assert html_lang(response) == language
    assert in_language(news_page, language).title in text_of(response)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "Amarrages, un réseau cousin en Belgique"), ("en", "Amarrages, a sister network in Belgium")],
)
def test_news_page_renders_in_its_language(client, news_page, language, expected):
    response = client.get(in_language(news_page, language).url)

    assert response.status_code == 200
    assert html_lang(response) == language
    assert expected in text_of(response)


@pytest.mark.parametrize(("language", "title"), [("fr", "Nous joindre"), ("en", "Contact us")])
def test_contact_page_renders_its_form(client, contact_page, language, title):
    response = client.get(in_language(contact_page, language).url)

    assert response.status_code == 200
    assert html_lang(response) == language
    assert title in text_of(response)
    form = parse(response).find("form", method=lambda method: method and method.lower() == "post")
    assert {field["name"] for field in form.find_all(["input", "textarea"]) if field.get("name")} >= {
        "name",
        "email",
        "message",
    }


class TestHomePageTree(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        cls.home = HomePageFactory(parent=root, title="Accueil", slug="accueil-arbre")

    def setUp(self):
        # The admin lets staff in only once they have set up two-factor authentication.
        add_totp(self.login())

    def test_home_page_sits_only_under_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_page_allows_the_site_sections(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StandardPage,
                NewsIndexPage,
                ContactPage,
                EventIndexPage,
                ResourceIndexPage,
                MASDirectoryPage,
                NewsletterIndexPage,
            },
        )

    def test_standard_page_nests_under_home_or_standard_pages(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_news_pages_live_only_under_a_news_index(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())

    def test_contact_page_is_a_leaf_under_home(self):
        self.assertAllowedParentPageTypes(ContactPage, {HomePage})
        self.assertAllowedSubpageTypes(ContactPage, set())

    def test_standard_page_can_be_created_in_the_admin(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data({"title": "Nos valeurs", "intro": "Ce qui nous guide.", "body": streamfield([])}),
        )

    def test_news_index_can_be_created_in_the_admin(self):
        self.assertCanCreate(self.home, NewsIndexPage, {"title": "Actualités", "intro": ""})
