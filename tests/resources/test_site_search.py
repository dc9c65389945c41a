"""The site-wide search (/fr/recherche/) finds public resources and never a members-only
resource or an unpublished proposal, for anonymous visitors as for deactivated members."""

import pytest

from resources.models import ResourcePage
from tests.factories.resources import ResourcePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(resource_index, member):
    return ResourcePageFactory(
        parent=resource_index, live=False, owner=member, title="Trousse confidentielle", audience="public"
    )


def found(client, query):
    response = client.get("/fr/recherche/", {"q": query})
    assert response.status_code == 200
    # Other pages (the home page says "Accueil") are not the subject here.
    return [page.title for page in response.context["results_page"] if isinstance(page, ResourcePage)]


@pytest.mark.parametrize("who", [None, "deactivated_member"])
def test_site_search_finds_public_resources_only(client, request, who, public_resource, members_resource, proposal):
    if who:
        client.force_login(request.getfixturevalue(who))

    assert found(client, "accueil") == [public_resource.title]
    assert found(client, "psychosocial") == []
    assert found(client, "grille") == []
    assert found(client, "confidentielle") == []


def test_a_public_resource_made_members_only_leaves_the_site_search(client, public_resource):
    public_resource.audience = "members"
    public_resource.save_revision().publish()

    assert found(client, "accueil") == []
