"""The demo resources, as a new user tries them: an anonymous visitor who searches "decrochage"
finds public resources only; a demo member finds the members-only ones too, one of them only
through the words inside its PDF."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from resources.models import DocumentAnalysis, ResourcePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())  # a second run adds nothing


def titles(response):
    return {resource.title for resource in response.context["results"]}


def test_the_demo_has_a_dozen_resources_in_both_languages_with_real_files(demo):
    french = ResourcePage.objects.filter(locale__language_code="fr", live=True)
    english = ResourcePage.objects.filter(locale__language_code="en", live=True)

    assert french.count() == english.count() >= 12
    assert {page.audience for page in french} == {"public", "members"}
    assert DocumentAnalysis.objects.filter(error="").exclude(text="").count() >= 8


def test_an_anonymous_search_for_decrochage_finds_public_resources_only(client, demo):
    response = client.get("/fr/ressources/", {"q": "decrochage"})

    found = ResourcePage.objects.filter(title__in=titles(response))
    assert found.exists()
    assert {page.audience for page in found} == {"public"}


def test_a_demo_member_finds_the_members_only_ones_including_one_only_by_its_pdf(client, demo):
    client.force_login(get_user_model().objects.get(email="coordination.levis@example.org"))

    response = client.get("/fr/ressources/", {"q": "decrochage"})

    assert "Grille d'entrevue d'accueil" in titles(response)
    assert "Reconnaître les acquis des élèves adultes" in titles(response)
    grid = ResourcePage.objects.get(title="Grille d'entrevue d'accueil")
    assert "crochage" not in f"{grid.title} {grid.summary} {grid.body}"


def test_the_english_demo_list_searches_in_english(client, demo):
    response = client.get("/en/resources/", {"q": "dropping out"})

    assert "Welcoming 16-year-olds: a practical guide" in titles(response)
