import json
import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from members.models import MASDirectoryPage, MASPage
from tests.factories.members import MASPageFactory

pytestmark = pytest.mark.django_db


def json_ld(response):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
    return [json.loads(block) for block in blocks]


def test_mas_page_renders_in_french_and_english(client, schools, translate, english_locale):
    school = schools["levis"]
    english = translate(school, short_description="A school for adults in Lévis.")
    french_html = client.get(school.url).content.decode()
    english_html = client.get(english.url).content.decode()
    assert '<html lang="fr"' in french_html and "Renseignements pratiques" in french_html
    assert '<html lang="en"' in english_html and "Practical information" in english_html


def test_mas_page_describes_the_school_as_an_educational_organization_with_coordinates(client, schools):
    data = [item for item in json_ld(client.get(schools["levis"].url)) if item["@type"] == "EducationalOrganization"]
    assert data[0]["name"] == "École du milieu de Lévis"
    assert data[0]["address"]["postalCode"] == "G6V 6N2"
    assert 46.7 < data[0]["geo"]["latitude"] < 46.9


def test_mas_page_shows_map_and_directions(client, schools):
    html = client.get(schools["lasalle"].url).content.decode()
    assert "data-members-map" in html
    assert "openstreetmap.org/directions?to=" in html


def test_mas_page_fills_coordinates_from_the_postal_code(directory):
    school = MASPageFactory(parent=directory, postal_code="G6V 6N2", latitude=None, longitude=None)
    assert 46.7 < school.latitude < 46.9


def test_mas_page_keeps_coordinates_staff_corrected(directory):
    school = MASPageFactory(parent=directory, postal_code="G6V 6N2", latitude=46.81, longitude=-71.2)
    assert (school.latitude, school.longitude) == (46.81, -71.2)


def test_mas_page_clean_normalises_the_postal_code(directory):
    school = MASPageFactory(parent=directory)
    school.postal_code = "h8n1x1"
    school.clean()
    assert school.postal_code == "H8N 1X1"


@pytest.mark.parametrize("postal_code", ["12345", "H8N", "D8N 1X1"])
def test_mas_page_clean_rejects_invalid_postal_codes(directory, postal_code):
    school = MASPageFactory(parent=directory)
    school.postal_code = postal_code
    with pytest.raises(ValidationError) as error:
        school.clean()
    assert "postal_code" in error.value.message_dict


def test_mas_page_clean_rejects_half_coordinates(directory):
    school = MASPageFactory(parent=directory)
    school.latitude, school.longitude = 46.0, None
    with pytest.raises(ValidationError):
        school.clean()


class MembersPageTreeTests(WagtailPageTestCase):
    def test_directory_lives_under_the_home_page(self):
        self.assertAllowedParentPageTypes(MASDirectoryPage, {HomePage})
        self.assertAllowedSubpageTypes(MASDirectoryPage, {MASPage})

    def test_mas_page_lives_in_a_directory_and_has_no_children(self):
        self.assertAllowedParentPageTypes(MASPage, {MASDirectoryPage})
        self.assertAllowedSubpageTypes(MASPage, set())
