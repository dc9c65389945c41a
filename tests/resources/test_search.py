"""Finding resources: full text in French and English (stems, no accents), the words inside
their files, facets with counts, bad input answered with a message."""

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from resources.models import DocumentAnalysis
from resources.sample_files import docx_bytes, pdf_bytes
from tests.factories.resources import DocumentFactory, ResourceFileFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return [resource.title for resource in response.context["results"]]


@pytest.fixture
def dropout_guide(resource_index):
    page = ResourcePageFactory(
        parent=resource_index,
        title="Prévenir le décrochage",
        summary="Les raccrocheurs et leur retour en classe.",
        audience="public",
        publication_date=timezone.localdate().replace(year=2024),
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def members_dropout_tool(resource_index):
    page = ResourcePageFactory(
        parent=resource_index,
        title="Grille d’entrevue",
        summary="Questions sur le décrochage pour l’accueil.",
        audience="members",
        kind="tool",
    )
    page.save_revision().publish()
    return page


def attach(page, name, data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = DocumentFactory(file=ContentFile(data, name=name))
        ResourceFileFactory(page=page, document=document)
        page.save_revision().publish()
    return document


def test_a_search_without_accents_finds_the_accented_word(client, dropout_guide):
    response = client.get("/fr/ressources/", {"q": "decrochage"})

    assert titles(response) == ["Prévenir le décrochage"]


def test_a_search_finds_words_of_the_same_family(client, dropout_guide):
    response = client.get("/fr/ressources/", {"q": "raccrochage"})

    assert titles(response) == ["Prévenir le décrochage"]


def test_anonymous_visitors_find_public_resources_only(client, dropout_guide, members_dropout_tool):
    response = client.get("/fr/ressources/", {"q": "décrochage"})

    assert titles(response) == ["Prévenir le décrochage"]


def test_members_find_members_only_resources_too(client, member, dropout_guide, members_dropout_tool):
    client.force_login(member)

    response = client.get("/fr/ressources/", {"q": "décrochage"})

    assert set(titles(response)) == {"Prévenir le décrochage", "Grille d’entrevue"}


def test_a_resource_is_found_by_words_only_inside_its_pdf(
    client, member, members_dropout_tool, django_capture_on_commit_callbacks
):
    data = pdf_bytes("Grille", ["La mesure 15168 soutient les partenariats avec les centres de services scolaires."])
    attach(members_dropout_tool, "grille.pdf", data, django_capture_on_commit_callbacks)
    client.force_login(member)

    response = client.get("/fr/ressources/", {"q": "mesure 15168"})

    assert titles(response) == ["Grille d’entrevue"]


def test_a_resource_is_found_by_words_inside_its_word_file(client, dropout_guide, django_capture_on_commit_callbacks):
    data = docx_bytes("Partenariat", ["Entente avec le centre de services scolaire des Navigateurs."])
    attach(dropout_guide, "entente.docx", data, django_capture_on_commit_callbacks)

    response = client.get("/fr/ressources/", {"q": "navigateurs"})

    assert titles(response) == ["Prévenir le décrochage"]


def test_a_replaced_file_is_read_again(client, dropout_guide, django_capture_on_commit_callbacks):
    document = attach(
        dropout_guide, "v1.pdf", pdf_bytes("V1", ["ancienne version"]), django_capture_on_commit_callbacks
    )
    with django_capture_on_commit_callbacks(execute=True):
        document.file = ContentFile(pdf_bytes("V2", ["nouvelle orthopédagogie"]), name="v2.pdf")
        document.save()

    assert titles(client.get("/fr/ressources/", {"q": "orthopedagogie"})) == ["Prévenir le décrochage"]
    assert titles(client.get("/fr/ressources/", {"q": "ancienne"})) == []


def test_a_corrupt_pdf_is_recorded_unreadable_and_nothing_fails(
    client, dropout_guide, django_capture_on_commit_callbacks
):
    document = attach(dropout_guide, "casse.pdf", b"%PDF-1.4 not really", django_capture_on_commit_callbacks)

    analysis = DocumentAnalysis.objects.get(document=document)
    assert analysis.error == "corrupt"
    assert analysis.accessibility_problems == ["unreadable"]
    assert client.get(dropout_guide.url).status_code == 200


def test_english_words_are_stemmed_too(client, resource_index, translate):
    page = ResourcePageFactory(parent=resource_index, title="Partenariats", summary="Ententes.", audience="public")
    page.save_revision().publish()
    translate(
        page, title="School partnerships", slug="partnerships", summary="Agreements with school service centres."
    )

    response = client.get("/en/resources/", {"q": "partnership agreement"})

    assert titles(response) == ["School partnerships"]


def test_results_come_by_relevance_then_newest(client, resource_index, dropout_guide):
    newer = ResourcePageFactory(
        parent=resource_index, title="Bilan annuel", summary="Il parle de décrochage.", audience="public"
    )
    newer.save_revision().publish()
    older_in_body = ResourcePageFactory(
        parent=resource_index,
        title="Rapport",
        summary="Statistiques et décrochage.",
        audience="public",
        publication_date=timezone.localdate().replace(year=2020),
    )
    older_in_body.save_revision().publish()

    response = client.get("/fr/ressources/", {"q": "décrochage"})

    assert titles(response) == ["Prévenir le décrochage", "Bilan annuel", "Rapport"]


def test_without_a_query_the_newest_come_first(client, resource_index, dropout_guide):
    newer = ResourcePageFactory(parent=resource_index, title="Nouveauté", audience="public")
    newer.save_revision().publish()

    assert titles(client.get("/fr/ressources/")) == ["Nouveauté", "Prévenir le décrochage"]


def test_facets_count_the_results_by_kind_theme_and_language(
    client, member, public_resource, members_resource, themes
):
    client.force_login(member)

    response = client.get("/fr/ressources/")

    facets = {name: {option.value: option.count for option in options} for name, options in response.context["facets"]}
    assert facets["kind"] == {"guide": 1, "tool": 1}
    assert facets["theme"] == {"accueil": 1, "intervention": 1}
    assert facets["audience"] == {"public": 1, "members": 1}
    assert facets["language"] == {"fr": 2}


def test_a_facet_narrows_the_results_and_keeps_the_other_values_counted(
    client, member, public_resource, members_resource
):
    client.force_login(member)

    response = client.get("/fr/ressources/", {"kind": "tool"})

    assert titles(response) == ["Outil de suivi psychosocial"]
    kinds = dict(response.context["facets"])["kind"]
    assert {option.value: option.count for option in kinds} == {"guide": 1, "tool": 1}
    assert "Outil ou gabarit (1)" in response.content.decode()


def test_anonymous_visitors_have_no_audience_facet(client, public_resource):
    response = client.get("/fr/ressources/", {"audience": "members"})

    assert response.status_code == 400
    assert titles(response) == [public_resource.title]


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"theme": "n-existe-pas"}, 400),
        ({"kind": "video"}, 400),
        ({"language": "de"}, 400),
        ({"q": "x" * 5000}, 400),
        ({"q": "\x00"}, 400),
        # Whatever the visitor sends as page gives a page (home/pagination.py).
        ({"page": "abc"}, 200),
    ],
)
def test_bad_input_gets_a_message_never_a_500(client, public_resource, params, status):
    response = client.get("/fr/ressources/", params)

    assert response.status_code == status
    assert ('role="alert"' in response.content.decode()) == (status == 400)
    assert titles(response) == [public_resource.title]


def test_an_overlong_query_says_so_in_the_visitors_language(client, public_resource):
    response = client.get("/en/resources/", {"q": "x" * 5000})

    assert response.status_code == 400
    assert "Your search is too long" in response.content.decode()


def test_the_english_list_shows_a_resource_not_yet_translated(client, resource_index):
    page = ResourcePageFactory(parent=resource_index, title="Seulement en français", audience="public")
    page.save_revision().publish()

    response = client.get("/en/resources/")

    assert titles(response) == ["Seulement en français"]
    assert 'lang="fr"' in response.content.decode()


def test_a_searchs_punctuation_and_stop_words_find_nothing_and_do_not_fail(client, public_resource):
    response = client.get("/fr/ressources/", {"q": "les & | ! :*"})

    assert response.status_code == 200
    assert titles(response) == []
