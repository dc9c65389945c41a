import pytest
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from resources.models import ResourceIndexPage, ResourcePage
from tests.factories.resources import ResourceFileFactory
from tests.utils import html_lang, parse

pytestmark = pytest.mark.django_db


def in_language(page, language):
    return page.get_translation(Locale.objects.get(language_code=language))


def text_of(response):
    return parse(response).get_text(" ", strip=True)


class ResourcePageTreeTests(WagtailPageTestCase):
    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(ResourceIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ResourceIndexPage, {ResourcePage})
        self.assertAllowedParentPageTypes(ResourcePage, {ResourceIndexPage})
        self.assertAllowedSubpageTypes(ResourcePage, {})


@pytest.mark.parametrize(("language", "path"), [("fr", "/fr/ressources/"), ("en", "/en/resources/")])
def test_resource_index_answers_at_its_address_in_each_language(client, resource_index, language, path):
    assert in_language(resource_index, language).url == path

    response = client.get(path)

    assert response.status_code == 200
    assert html_lang(response) == language


@pytest.mark.parametrize(
    ("language", "title", "theme"),
    [
        ("fr", "Guide d’accueil des jeunes de 16 ans", "Accueil des 16 ans"),
        ("en", "Welcoming 16-year-olds", "Welcoming 16-year-olds"),
    ],
)
def test_public_resource_page_shows_its_facts_in_its_language(client, public_resource, language, title, theme):
    response = client.get(in_language(public_resource, language).url)

    assert response.status_code == 200
    text = text_of(response)
    assert title in text
    assert theme in text
    assert ("Guide" if language == "fr" else "Guide") in text


def test_resource_page_shows_its_author_school_in_the_page_language(client, public_resource, school, translate):
    translate(school.get_parent(), title="MAS directory")
    translate(school, title="Lévis school")
    public_resource.author_school = school
    public_resource.save_revision().publish()

    english = client.get(in_language(public_resource, "en").url)

    assert "Lévis school" in text_of(english)


def test_resource_page_lists_its_files(client, public_resource):
    file = ResourceFileFactory(page=public_resource, title="Le guide en PDF")

    response = client.get(public_resource.url)

    links = [a["href"] for a in parse(response).select(".file-list a")]
    assert links == [f"/fr/fichiers-ressources/{file.document_id}/"]


def test_resource_index_lists_public_resources_only_to_anonymous_visitors(client, public_resource, members_resource):
    response = client.get("/fr/ressources/")

    assert [page.pk for page in response.context["results"]] == [public_resource.pk]


def test_resource_index_lists_members_only_resources_to_members(client, member, public_resource, members_resource):
    client.force_login(member)

    response = client.get("/fr/ressources/")

    assert {page.pk for page in response.context["results"]} == {public_resource.pk, members_resource.pk}


def test_members_only_resource_is_left_out_of_the_sitemap(client, public_resource, members_resource):
    response = client.get("/sitemap.xml")

    assert public_resource.slug in response.content.decode()
    assert members_resource.slug not in response.content.decode()
