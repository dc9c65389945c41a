import json
import re

import pytest
from django.utils.html import escape

from members.models import Service
from tests.factories.members import MASPageFactory

pytestmark = pytest.mark.django_db

# Services, count, schools, their services: the route, view restrictions and layout are cached.
DIRECTORY_QUERIES = 5


def listed_names(response):
    return re.findall(r'class="mas-card__link" href="[^"]*">([^<]*)<', response.content.decode())


def test_directory_lists_every_school_alphabetically(client, directory, schools):
    response = client.get(directory.url)
    assert response.status_code == 200
    assert listed_names(response) == [
        escape("École du milieu de Lévis"),
        "École du milieu LaSalle",
        escape("La Marge – école de la rue"),
    ]
    assert "3 écoles trouvées" in response.content.decode()


@pytest.mark.parametrize(
    ("near", "first"),
    [
        ("G6V 1A1", "École du milieu de Lévis"),
        ("g6v", "École du milieu de Lévis"),
        ("H8N 2B3", "École du milieu LaSalle"),
        ("Lévis", "École du milieu de Lévis"),
        ("saint-hyacinthe", "La Marge – école de la rue"),
    ],
)
def test_directory_near_lists_the_closest_school_first(client, directory, schools, near, first):
    response = client.get(directory.url, {"near": near})
    assert response.status_code == 200
    assert listed_names(response)[0] == escape(first)


def test_directory_near_shows_the_distance_in_french_and_english(
    client, directory, english_directory, english_schools
):
    french = client.get(directory.url, {"near": "G6V 6N2"}).content.decode()
    english = client.get(english_directory.url, {"near": "G6V 6N2"}).content.decode()
    assert re.search(r"à \d+ km", french)
    assert re.search(r"\d+ km away", english)


def test_directory_serves_postal_areas_for_use_my_location(client, directory):
    response = client.get(directory.url + directory.reverse_subpage("postal_areas"))
    areas = {code: (latitude, longitude) for code, latitude, longitude in response.json()}
    assert len(areas) > 1600
    assert 46.7 < areas["G6V"][0] < 46.9
    assert "public" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("params", "message_fr"),
    [
        ({"near": "Z9Z 9Z9"}, "n’est pas un code postal canadien que nous connaissons"),
        ({"near": "12345"}, "n’est pas un code postal valide"),
        ({"near": "Atlantide"}, "Nous n’avons pas trouvé"),
        ({"q": "x" * 5000}, "au plus 100 caractères"),
        ({"region": "99"}, "Choisissez une région dans la liste"),
        ({"service": "nope"}, "Choisissez un service dans la liste"),
    ],
)
def test_directory_bad_input_says_so_in_french_without_failing(client, directory, schools, params, message_fr):
    response = client.get(directory.url, params)
    assert response.status_code == 200
    assert message_fr in response.content.decode()
    assert len(listed_names(response)) == 3


def test_directory_bad_input_says_so_in_english(client, english_directory, schools):
    response = client.get(english_directory.url, {"near": "Z9Z 9Z9"})
    assert "is not a Canadian postal code we know" in response.content.decode()


def test_directory_filters_combine(client, directory, schools):
    diploma = Service.objects.get(slug="diploma-studies")
    schools["levis"].services.add(diploma)
    schools["levis"].save()
    schools["lasalle"].services.add(diploma)
    schools["lasalle"].save()
    response = client.get(directory.url, {"service": "diploma-studies", "region": "12"})
    assert listed_names(response) == [escape("École du milieu de Lévis")]
    response = client.get(directory.url, {"kind": "allied"})
    assert listed_names(response) == [escape("La Marge – école de la rue")]


def test_directory_text_search_ignores_accents(client, directory, schools):
    response = client.get(directory.url, {"q": "levis"})
    assert listed_names(response) == [escape("École du milieu de Lévis")]


def test_directory_pagination_never_fails(client, directory, schools):
    for page in ("abc", "999", "-1"):
        assert client.get(directory.url, {"page": page}).status_code == 200


def test_directory_query_count_does_not_grow_with_schools(client, directory, django_assert_num_queries):
    for number in range(3):
        MASPageFactory(parent=directory, title=f"École {number}")
    client.get(directory.url, {"near": "H8N"})  # warm Wagtail's site-root cache
    with django_assert_num_queries(DIRECTORY_QUERIES) as few:
        client.get(directory.url, {"near": "H8N"})
    for number in range(3, 45):
        MASPageFactory(parent=directory, title=f"École {number}")
    client.get(directory.url, {"near": "H8N"})  # the new schools started a new content generation: warm it
    with django_assert_num_queries(DIRECTORY_QUERIES) as many:
        client.get(directory.url, {"near": "H8N"})
    assert len(few.captured_queries) == len(many.captured_queries)


def test_directory_marks_up_the_map_with_the_listed_schools(client, directory, schools):
    html = client.get(directory.url, {"near": "G6V"}).content.decode()
    assert "data-members-map" in html
    assert "leaflet.js" in html
    data = json.loads(re.search(r'<script id="directory-map-data"[^>]*>(.*?)</script>', html, re.S).group(1))
    # One marker per listed school, nearest first, and the search origin.
    names = [marker["name"] for marker in data["schools"]]
    assert names[0] == "École du milieu de Lévis"
    assert sorted(names) == sorted(school.title for school in schools.values())
    assert data["origin"] is not None


def test_directory_without_results_loads_no_map_code(client, directory):
    html = client.get(directory.url).content.decode()
    assert "leaflet.js" not in html
