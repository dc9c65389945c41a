"""Translating a resource with wagtail-localize gives its English page, not a second resource:
the English page shares the French one's facts (files, kind, audience, themes, author MAS, date)
and takes its place in the English list."""

import datetime

import pytest
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from tests.factories.resources import ResourceFileFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db


def facts(page):
    return {
        "kind": page.kind,
        "audience": page.audience,
        "material_language": page.material_language,
        "publication_date": page.publication_date,
        "author_school": page.author_school_id,
        "themes": sorted(theme.slug for theme in page.themes.all()),
        "files": [file.document_id for file in page.files.all()],
    }


@pytest.fixture
def french(resource_index, school, themes):
    page = ResourcePageFactory(
        parent=resource_index,
        title="Grille d’entrevue d’accueil",
        kind="tool",
        audience="public",
        author_school=school,
        publication_date=datetime.date(2026, 3, 2),
    )
    page.themes.set(themes)
    ResourceFileFactory(page=page)
    page.save_revision().publish()
    return page


def translate_with_localize(page):
    source, _created = TranslationSource.get_or_create_from_instance(page)
    # The translators have not translated the text yet: the English page starts from the French.
    source.create_or_update_translation(Locale.objects.get(language_code="en"), fallback=True)
    english = page.get_translation(Locale.objects.get(language_code="en"))
    english.title = "Intake interview grid"
    english.save_revision().publish()
    english.refresh_from_db()
    return english


def test_a_translated_resource_shares_its_facts_and_files(french):
    english = translate_with_localize(french)

    assert english.translation_key == french.translation_key
    assert facts(english) == facts(french)
    assert facts(english)["files"] != []


def test_the_english_list_shows_the_translation_in_place_of_the_french_page(client, french):
    translate_with_localize(french)

    english_titles = [page.title for page in client.get("/en/resources/").context["results"]]
    french_titles = [page.title for page in client.get("/fr/ressources/").context["results"]]

    assert english_titles == ["Intake interview grid"]
    assert french_titles == ["Grille d’entrevue d’accueil"]


def test_a_fact_changed_in_french_reaches_the_english_page(french):
    english = translate_with_localize(french)

    french.kind = "research"
    french.save_revision().publish()

    english.refresh_from_db()
    assert english.kind == "research"
