import pytest

from members import geo


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("h8n1x1", "H8N 1X1"), (" G6V  6N2 ", "G6V 6N2"), ("j2s 5j3", "J2S 5J3")],
)
def test_normalize_postal_code_formats_as_a1a_1a1(typed, expected):
    assert geo.normalize_postal_code(typed) == expected


@pytest.mark.parametrize("typed", ["H8N", "12345", "D8N 1X1", "H8N 1X", "W1A 1A1", "", "H8N 1X1 extra"])
def test_normalize_postal_code_rejects_what_canada_post_never_issues(typed):
    with pytest.raises(ValueError):
        geo.normalize_postal_code(typed)


def test_place_for_postal_code_uses_the_forward_sortation_area():
    full, partial = geo.place_for_postal_code("G6V 6N2"), geo.place_for_postal_code("g6v")
    assert full == partial
    assert 46.7 < full.latitude < 46.9 and -71.3 < full.longitude < -71.0


def test_place_for_postal_code_unknown_area_is_none():
    assert geo.place_for_postal_code("Z9Z") is None


@pytest.mark.parametrize("town", ["Lévis", "levis", "LÉVIS", "St-Hyacinthe", "Saint-Hyacinthe", "Québec", "Montréal"])
def test_place_for_town_ignores_accents_case_and_abbreviations(town):
    place = geo.place_for_town(town)
    assert place is not None
    assert 45 < place.latitude < 47.5


def test_place_for_town_unknown_is_none():
    assert geo.place_for_town("Atlantide") is None


def test_distance_km_levis_to_lasalle_is_about_240_km():
    levis, lasalle = geo.place_for_postal_code("G6V"), geo.place_for_postal_code("H8N")
    assert 225 < geo.distance_km(levis.latitude, levis.longitude, lasalle.latitude, lasalle.longitude) < 255
