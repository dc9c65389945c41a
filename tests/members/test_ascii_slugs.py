"""MAS pages have ASCII addresses; the old accented ones redirect (issue 7, defect 8)."""

import importlib

import pytest
from django.apps import apps
from wagtail.contrib.redirects.models import Redirect

from tests.factories.members import MASPageFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("members.migrations.0008_ascii_school_slugs")


def test_a_new_school_gets_an_ascii_slug_from_its_title(directory):
    school = MASPageFactory.build(title="École au CJE", slug="")
    directory.add_child(instance=school)
    school.full_clean()
    assert school.slug == "ecole-au-cje"


def test_existing_accented_slugs_become_ascii_and_the_old_address_redirects(client, directory):
    school = MASPageFactory(parent=directory, title="École au CJE", slug="école-au-cje")
    school.save_revision().publish()
    old_url = school.url
    assert "%C3%A9cole-au-cje" in old_url or "école-au-cje" in old_url

    migration.ascii_school_slugs(apps, None)

    school.refresh_from_db()
    assert school.slug == "ecole-au-cje"
    assert school.get_latest_revision_as_object().slug == "ecole-au-cje"
    assert client.get(school.url).status_code == 200
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith(school.url)
    assert Redirect.objects.count() == 1

    migration.ascii_school_slugs(apps, None)  # a second run finds nothing to do
    assert Redirect.objects.count() == 1


def test_an_ascii_slug_taken_by_a_sibling_gets_a_number(directory):
    MASPageFactory(parent=directory, title="Ecole au CJE", slug="ecole-au-cje")
    school = MASPageFactory(parent=directory, title="École au CJE", slug="école-au-cje")
    migration.ascii_school_slugs(apps, None)
    school.refresh_from_db()
    assert school.slug == "ecole-au-cje-2"
